/**
 * The popup in the built extension, in both browsers, against a real news page: it lists what
 * the page's content script found, and its site switch reaches the page.
 *
 * A test cannot click the toolbar button, so the popup is opened as a tab and reloaded while the
 * article is the active tab: then `tabs.query({ active: true, currentWindow: true })` finds the
 * article, exactly as it does for the real popup.
 */
import { describe, expect, test } from 'vitest';
import type { Page } from 'puppeteer-core';
import { BROWSER_KINDS, openExtensionPage, readHighlights, waitForHighlight } from './harness.ts';
import { useBrowser } from './session.ts';

const ARTICLE = 'thehill-2018-huawei-facebook.html';
const MENTIONS = 'fact-context-mention';

/**
 * Reloads the popup tab in place (see options.test.ts for why not `page.reload()`) until its text
 * matches `pattern`. No `new Function` check: extension pages forbid eval by CSP.
 */
async function reloadUntil(page: Page, pattern: string): Promise<void> {
  await page.evaluate(() => {
    (window as unknown as { beforeReload?: boolean }).beforeReload = true;
    location.reload();
  });
  await page.waitForFunction(
    (source: string) =>
      !(window as unknown as { beforeReload?: boolean }).beforeReload &&
      document.readyState === 'complete' &&
      new RegExp(source).test(document.body.innerText),
    { polling: 100, timeout: 15_000 },
    pattern,
  );
}

describe.each(BROWSER_KINDS)('%s: popup', (kind) => {
  let article: Page;
  let popup: Page;

  useBrowser(kind, async ({ launched }) => {
    article = await launched.newPage(ARTICLE);
    await waitForHighlight(article, MENTIONS, 1);
    popup = await openExtensionPage(launched, 'popup.html');
    await article.bringToFront();
    await reloadUntil(popup, 'Companies: \\d');
  });

  test('lists the companies and claims the article mentions', async () => {
    const text = await popup.evaluate(() => document.body.innerText);
    expect(text).toMatch(/Companies: [1-9]/);
    expect(text).toMatch(/Claims: [1-9]/);
    const names = await popup.$$eval('.fc-names li', (items) => items.map((li) => li.textContent));
    expect(names).toContain('Huawei');
    expect(names).toContain('Facebook');
  });

  test('switching the site off in the popup takes the highlights off the page', async () => {
    const switched = await popup.evaluate(() => {
      const label = [...document.querySelectorAll('label')].find((l) => l.textContent?.trim() === 'Highlight on 127.0.0.1');
      const input = label?.querySelector('input');
      input?.click();
      return input?.getAttribute('role');
    });
    expect(switched).toBe('switch');
    await popup.waitForFunction(() => document.body.innerText.includes('Highlighting is off on this site.'), {
      polling: 100,
      timeout: 15_000,
    });
    await article.waitForFunction(
      (name: string) => (CSS.highlights.get(name)?.size ?? 0) === 0,
      { polling: 100, timeout: 15_000 },
      MENTIONS,
    );
    expect((await readHighlights(article, MENTIONS)) ?? []).toHaveLength(0);
  });
});
