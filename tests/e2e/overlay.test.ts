/**
 * The overlay in real browsers, on the fixture news pages: what gets painted (and what never
 * does), the hover card, the sidebar and its switches, a living page, corrupt storage, and the
 * promise that the page itself is left exactly as it was and nothing goes over the network.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeEach, describe, expect, test } from 'vitest';
import { BROWSER_KINDS, FIXTURES_DIR, requestsBeyond, waitForHighlight } from './harness.ts';
import { useBrowser } from './session.ts';
import {
  clearStorage,
  clickUi,
  highlightReport,
  hoverMention,
  mentionPoint,
  plantStorage,
  readStorage,
  sendToggleFromBackground,
  uiTexts,
  waitForNoUi,
  waitForUi,
} from './overlay-page.ts';

const GIZMODO = 'gizmodo-2018-facebook-huawei.html';
const HILL = 'thehill-2018-huawei-facebook.html';
const GIZMODO_AU = 'gizmodo-au-2020-huawei-smoking-gun.html';

/** The body as the HTML parser makes it from the fixture file, before any script ran. */
function pristineBody(page: Page, file: string): Promise<{ same: boolean; rootChildren: string[] }> {
  const html = readFileSync(join(FIXTURES_DIR, file), 'utf8');
  return page.evaluate((source: string) => {
    const parsed = new DOMParser().parseFromString(source, 'text/html');
    return {
      same: parsed.body.innerHTML === document.body.innerHTML,
      rootChildren: [...document.documentElement.children].map((el) => el.localName),
    };
  }, html);
}

describe.each(BROWSER_KINDS)('overlay in %s', (kind) => {
  let page: Page | undefined;

  const session = useBrowser(kind);

  beforeEach(async () => {
    await page?.close();
    page = undefined;
    await clearStorage(session.launched);
  });

  afterAll(async () => {
    await page?.close();
  });

  /** Opens a fixture and waits for the first highlights. */
  async function open(file: string): Promise<Page> {
    page = await session.launched.newPage(file);
    await waitForHighlight(page, 'fact-context-mention', 1);
    return page;
  }

  /** Hover a name, wait for the card, press its button: the sidebar opens at that company. */
  async function openSidebarAt(p: Page, word: string): Promise<void> {
    await hoverMention(p, word);
    await waitForUi(p, '.fc-card');
    await clickUi(p, '.fc-card button');
    await waitForUi(p, 'aside');
  }

  test('paints the companies and the claim sentences, and nothing in chrome, forms or code', async () => {
    const p = await open(GIZMODO);
    const mentions = await highlightReport(p, 'fact-context-mention');
    const claims = await highlightReport(p, 'fact-context-claim');
    for (const name of ['Huawei', 'Lenovo', 'Oppo', 'TCL', 'Facebook']) expect(mentions.texts).toContain(name);
    expect(mentions.inChrome).toEqual([]);
    expect(claims.texts.length).toBeGreaterThan(0);
    expect(claims.inChrome).toEqual([]);
    // The key sentence of the article is recognised as a claim.
    expect(claims.texts.some((text) => text.includes('included four Chinese companies'))).toBe(true);
  });

  test.each([
    ['thehill-2018-huawei-facebook.html', ['Huawei', 'Facebook', 'Lenovo', 'TCL']],
    ['phonearena-2020-huawei-backdoors.html', ['Huawei']],
    [GIZMODO_AU, ['Huawei', 'Vodafone', 'Deutsche Telekom AG']], // "Deutsche <b>Telekom</b> AG": one name across elements
    ['nationalreview-2020-huawei-networks.html', ['Huawei']],
  ])('%s: its companies and claims are painted, its chrome is not', async (file, names) => {
    const p = await open(file);
    const mentions = await highlightReport(p, 'fact-context-mention');
    const claims = await highlightReport(p, 'fact-context-claim');
    for (const name of names) expect(mentions.texts).toContain(name);
    expect(claims.texts.length).toBeGreaterThan(0);
    expect(mentions.inChrome).toEqual([]);
    expect(claims.inChrome).toEqual([]);
  });

  test('hovering a name opens the card beside it; its button opens the sidebar at that company', async () => {
    const p = await open(HILL);
    const word = await mentionPoint(p, 'Huawei');
    await hoverMention(p, 'Huawei');
    await waitForUi(p, '.fc-card');
    expect((await uiTexts(p, '.fc-card h2'))[0]).toBe('Huawei');
    expect((await uiTexts(p, '.fc-card'))[0]).toMatch(/Denials and responses on record: [1-9]/);
    const card = await p.evaluate(() => {
      const box = document.querySelector('fact-context-root')!.shadowRoot!.querySelector('.fc-card')!.getBoundingClientRect();
      return { top: box.top, bottom: box.bottom, left: box.left, right: box.right, vw: innerWidth, vh: innerHeight };
    });
    // Never over the hovered word, always inside the viewport.
    expect(word.y < card.top || word.y > card.bottom || word.x < card.left || word.x > card.right).toBe(true);
    expect(card.left).toBeGreaterThanOrEqual(0);
    expect(card.right).toBeLessThanOrEqual(card.vw);

    await clickUi(p, '.fc-card button');
    await waitForUi(p, 'aside[aria-label="Fact Context"] article[data-entity="huawei"].fc-target');
    const focused = await p.evaluate(() => document.querySelector('fact-context-root')!.shadowRoot!.activeElement?.textContent ?? null);
    expect(focused).toBe('Huawei');
  });

  test('a name reached with the keyboard opens the card; Escape closes it', async () => {
    const p = await open(GIZMODO);
    await p.evaluate(() => document.querySelector('article a[href="#huawei-topic"]')!.scrollIntoView({ block: 'center' }));
    await p.focus('article a[href="#huawei-topic"]');
    await waitForUi(p, '.fc-card');
    expect((await uiTexts(p, '.fc-card h2'))[0]).toBe('Huawei');
    await p.keyboard.press('Escape');
    await waitForNoUi(p, '.fc-card');
  });

  test('Tab from a linked name goes into its card, and out of it back to the page after the name', async () => {
    const p = await open(GIZMODO);
    const link = 'article a[href="#huawei-topic"]';
    await p.evaluate((selector: string) => document.querySelector(selector)!.scrollIntoView({ block: 'center' }), link);
    await p.focus(link);
    await waitForUi(p, '.fc-card');
    const where = () =>
      p.evaluate(() => {
        const inCard = document.querySelector('fact-context-root')?.shadowRoot?.activeElement?.closest('.fc-card button');
        const active = document.activeElement;
        return inCard ? 'card' : active?.matches('article a[href="#huawei-topic"]') ? 'name' : (active?.outerHTML.slice(0, 60) ?? 'none');
      });
    await p.keyboard.press('Tab');
    expect(await where()).toBe('card');
    await p.keyboard.down('Shift');
    await p.keyboard.press('Tab');
    await p.keyboard.up('Shift');
    expect(await where()).toBe('name');
    await p.keyboard.press('Tab');
    expect(await where()).toBe('card');
    // Past the card's last control: on to what follows the name on the page.
    const next = await p.evaluate((selector: string) => {
      const all = [...document.querySelectorAll<HTMLElement>('a[href], button, input, textarea, select, [tabindex]')].filter((e) => e.tabIndex >= 0);
      return all[all.indexOf(document.querySelector(selector)!) + 1]!.outerHTML.slice(0, 60);
    }, link);
    const controls = await p.evaluate(() => document.querySelector('fact-context-root')!.shadowRoot!.querySelectorAll('.fc-card button, .fc-card a[href]').length);
    for (let i = 0; i < controls; i++) await p.keyboard.press('Tab');
    expect(await where()).toBe(next);
    await waitForNoUi(p, '.fc-card');
  });

  test('the toggle-sidebar command opens and closes the sidebar', async () => {
    const p = await open(GIZMODO);
    await sendToggleFromBackground(session.launched, p);
    await waitForUi(p, 'aside[aria-label="Fact Context"]');
    expect(await uiTexts(p, 'aside article[data-entity] h4')).toEqual(expect.arrayContaining(['Huawei', 'Facebook', 'Lenovo']));
    await sendToggleFromBackground(session.launched, p);
    await waitForNoUi(p, 'aside');
  });

  test("the page's CSS cannot reach the card or the sidebar", async () => {
    const p = await open(HILL);
    await p.evaluate(() => {
      const style = document.createElement('style');
      style.textContent = `
        * { color: rgb(255, 0, 0) !important; font-size: 40px !important; letter-spacing: 9px !important; }
        html, body { font-family: serif !important; line-height: 5 !important; }
        fact-context-root { display: none !important; opacity: 0 !important; }`;
      document.head.append(style);
    });
    await openSidebarAt(p, 'Huawei');
    const looks = await p.evaluate(() => {
      const host = document.querySelector('fact-context-root')!;
      const aside = host.shadowRoot!.querySelector('aside')!;
      const heading = aside.querySelector('h2')!;
      const box = aside.getBoundingClientRect();
      const css = getComputedStyle(heading);
      return { host: getComputedStyle(host).display, width: box.width, color: css.color, size: css.fontSize, spacing: css.letterSpacing };
    });
    expect(looks.host).toBe('block');
    expect(looks.width).toBeGreaterThan(200);
    expect(looks.color).not.toBe('rgb(255, 0, 0)');
    expect(looks.size).not.toBe('40px');
    expect(looks.spacing).toBe('normal');
  });

  test('a page firing our takeover event does not switch the extension off', async () => {
    const p = await open(HILL);
    const before = (await highlightReport(p, 'fact-context-mention')).texts.length;
    await p.evaluate(() => document.dispatchEvent(new CustomEvent('fact-context:takeover')));
    await openSidebarAt(p, 'Huawei');
    expect((await highlightReport(p, 'fact-context-mention')).texts.length).toBe(before);
  });

  test('the sidebar shows excerpts with attribution, the denials set apart, and leaves the page as it was', async () => {
    const p = await open(HILL);
    await openSidebarAt(p, 'Huawei');
    const claim = '[data-claim="huawei-facebook-data-access"]';
    const [responses] = await uiTexts(p, `${claim} .fc-responses`);
    const [reports] = await uiTexts(p, `${claim} .fc-reports`);
    expect(responses).toContain('has never collected or stored any Facebook user data');
    expect(responses).toContain('Joe Kelly, Huawei spokesman');
    expect(responses).toContain('citing The Associated Press');
    expect(reports).not.toContain('Joe Kelly');
    expect(await uiTexts(p, `${claim} .fc-source > h6`)).toEqual(expect.arrayContaining([expect.stringContaining('The Hill')]));
    expect(await uiTexts(p, `${claim} [data-on-page="true"] .fc-onpage`)).not.toEqual([]);

    await p.keyboard.press('Escape');
    await waitForNoUi(p, 'aside');
    const after = await pristineBody(p, HILL);
    expect(after.same).toBe(true);
    expect(after.rootChildren).toEqual(['head', 'body', 'fact-context-root']);
  });

  test('"Show on page" walks through the mentions, scrolling to each and marking it for a moment', async () => {
    const p = await open(HILL);
    await openSidebarAt(p, 'Huawei');
    const entry = 'article[data-entity="huawei"] .fc-show';
    await clickUi(p, entry);
    const focus = await waitForHighlight(p, 'fact-context-focus', 1);
    expect(focus.map((range) => range.text)).toEqual(['Huawei']);
    expect((await uiTexts(p, entry))[0]).toMatch(/^Show on page \(1 of \d+\)$/);
    await clickUi(p, entry);
    await p.waitForFunction((sel: string) => /\(2 of/.test(document.querySelector('fact-context-root')!.shadowRoot!.querySelector(sel)!.textContent!), { timeout: 10_000, polling: 50 }, entry);
    const inView = await p.evaluate(() => {
      const range = [...CSS.highlights.get('fact-context-focus')!][0] as Range;
      const box = range.getBoundingClientRect();
      return box.top >= 0 && box.bottom <= innerHeight;
    });
    expect(inView).toBe(true);
    // The mark is temporary: gone after a couple of seconds.
    await p.waitForFunction(() => !CSS.highlights.has('fact-context-focus'), { timeout: 10_000, polling: 100 });
  });

  test('with reduced motion, "Show on page" jumps instead of scrolling smoothly', async ({ skip }) => {
    // Firefox over WebDriver BiDi cannot emulate media features through puppeteer.
    if (kind !== 'chromium') skip();
    const p = await open(HILL);
    await p.emulateMediaFeatures([{ name: 'prefers-reduced-motion', value: 'reduce' }]);
    await openSidebarAt(p, 'Huawei');
    await p.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    // Clicked from inside the page: the scroll, if instant, is done when click() returns.
    const inView = await p.evaluate(() => {
      const button = document.querySelector('fact-context-root')!.shadowRoot!.querySelector<HTMLButtonElement>('article[data-entity="huawei"] .fc-show')!;
      button.click();
      const range = [...CSS.highlights.get('fact-context-focus')!][0] as Range;
      const box = range.getBoundingClientRect();
      return box.top >= 0 && box.bottom <= innerHeight;
    });
    expect(inView).toBe(true);
  });

  test('turning a source off hides its excerpts at once and after a reload', async () => {
    const p = await open(HILL);
    await openSidebarAt(p, 'Huawei');
    await clickUi(p, '.fc-filters summary');
    await clickUi(p, 'input[data-outlet="The Associated Press"]');
    await p.waitForFunction(
      () => !document.querySelector('fact-context-root')!.shadowRoot!.querySelector('aside')!.textContent!.includes('Joe Kelly'),
      { timeout: 10_000, polling: 50 },
    );
    expect(await readStorage(session.launched, 'hiddenOutlets')).toEqual(['The Associated Press']);

    await p.reload({ waitUntil: 'load' });
    await waitForHighlight(p, 'fact-context-mention', 1);
    await openSidebarAt(p, 'Huawei');
    const [sidebar] = await uiTexts(p, 'aside');
    expect(sidebar).not.toContain('Joe Kelly');
    expect(sidebar).toContain('Francisco Varela');
  });

  test('turning a company off removes its highlights at once', async () => {
    const p = await open(HILL);
    await openSidebarAt(p, 'Facebook');
    await clickUi(p, '.fc-filters summary');
    await clickUi(p, 'input[data-entity="huawei"]');
    await p.waitForFunction(() => ![...(CSS.highlights.get('fact-context-mention') ?? [])].some((r) => r.toString() === 'Huawei'), {
      timeout: 10_000,
      polling: 50,
    });
    expect((await highlightReport(p, 'fact-context-mention')).texts).toContain('Facebook');
  });

  test('the card and sidebar code loads on the first hover, from a per-session URL pages cannot probe', async ({ skip }) => {
    // Chromium only: Firefox serves extension files at the install's own random UUID anyway,
    // and its puppeteer (WebDriver BiDi) shows no requests for moz-extension: files.
    if (kind !== 'chromium') skip();
    page = await session.launched.newPage('about:blank');
    const p = page;
    const cdp = await p.createCDPSession();
    const requested: string[] = [];
    cdp.on('Network.requestWillBeSent', (event) => {
      if (event.request.url.endsWith('/overlay.js')) requested.push(event.request.url);
    });
    await cdp.send('Network.enable');
    await p.goto(session.server.url(HILL));
    await waitForHighlight(p, 'fact-context-mention', 1);
    expect(requested).toEqual([]);
    await hoverMention(p, 'Huawei');
    await waitForUi(p, '.fc-card');
    // Asked for at the session's dynamic URL, not at the extension's fixed id.
    expect(requested[0]).toMatch(/^chrome-extension:\/\/[\w-]+\/overlay\.js$/);
    expect(requested[0]).not.toContain(session.launched.extensionId);
    const fixed = session.launched.extensionUrl('overlay.js');
    const probe = await p.evaluate((url) => fetch(url).then((r) => `served ${r.status}`, () => 'refused'), fixed);
    expect(probe).toBe('refused');
  });

  test('text the page appends after load is highlighted', async () => {
    const p = await open(GIZMODO_AU);
    await p.evaluate(() => {
      const paragraph = document.createElement('p');
      paragraph.id = 'late';
      paragraph.textContent = 'Late update: Ericsson and Nokia also sell 5G equipment.';
      document.querySelector('article')!.append(paragraph);
    });
    await p.waitForFunction(
      () => [...(CSS.highlights.get('fact-context-mention') ?? [])].some((r) => r.startContainer.parentElement?.id === 'late' && r.toString() === 'Nokia'),
      { timeout: 10_000, polling: 50 },
    );
  });

  test('on a very long page only the text near the viewport is painted, following the scroll', async () => {
    const p = await open(HILL);
    await p.evaluate(() => {
      const article = document.querySelector('article')!;
      const feed = document.createElement('div');
      feed.id = 'feed';
      for (let i = 0; i < 40; i++) {
        const copy = article.cloneNode(true) as HTMLElement;
        copy.dataset.copy = String(i);
        feed.append(copy);
      }
      article.after(feed);
    });
    // Scroll to the last copy (40 copies: some 2,500 marks): its names get painted, the first article's go.
    await p.evaluate(() => document.querySelector('#feed article[data-copy="39"] p')!.scrollIntoView({ block: 'center' }));
    // The scan of the appended copies runs in idle-time batches: wait until it has reached them.
    await p.waitForFunction(
      () => {
        const ranges = [...(CSS.highlights.get('fact-context-mention') ?? [])];
        const last = ranges.some((r) => r.startContainer.parentElement?.closest('[data-copy="39"]'));
        const first = ranges.some((r) => !r.startContainer.parentElement?.closest('#feed'));
        return last && !first;
      },
      { timeout: 60_000, polling: 100 },
    );
    const { painted, names } = await p.evaluate(() => ({
      painted: CSS.highlights.get('fact-context-mention')!.size,
      names: (document.body.innerText.match(/Huawei/g) ?? []).length,
    }));
    expect(painted).toBeLessThan(names / 4);
  });

  test('corrupt values planted in storage do not stop the extension', async () => {
    await plantStorage(session.launched, {
      enabled: 'yes please',
      disabledSites: 'everything',
      hiddenOutlets: 42,
      kinds: ['report'],
      hiddenEntities: { huawei: true },
      schemaVersion: 'x',
    });
    const p = await open(HILL);
    expect((await highlightReport(p, 'fact-context-mention')).texts).toContain('Huawei');
    await openSidebarAt(p, 'Huawei');
    expect((await uiTexts(p, 'aside'))[0]).toContain('Joe Kelly');
  });

  test('nothing but the pages themselves went over the network', () => {
    expect(requestsBeyond(session.server)).toEqual([]);
    // Of the fixture session.server's own files, only the pages were asked for (and the browser's favicon probe).
    const extra = session.server.requests.filter((url) => url.startsWith(`${session.server.origin}/`) && !url.endsWith('.html') && !url.endsWith('/favicon.ico'));
    expect(extra).toEqual([]);
  });
});
