// @vitest-environment happy-dom
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createSettingsStore } from '../../../src/settings/index.ts';
import { splitKnowledgeBase } from '../../../src/knowledge/parts.ts';
import { startContentApp, type ContentApp } from '../../../src/ui/content-app.ts';
import { buildFindings } from '../../../src/ui/findings.ts';
import { createOnPageIndex } from '../../../src/ui/on-page.ts';
import type { OverlayModule } from '../../../src/ui/overlay-module.ts';
import { createOverlayView } from '../../../src/ui/overlay-view.ts';
import { FakeStorageArea } from '../settings/fake-storage-area.ts';
import { useEnglish } from './setup-i18n.ts';
import { tinyKb } from './tiny-kb.ts';

const PAGE = `<main><article>
  <h1>Acme and Globex</h1>
  <p>Acme was one of four companies with access to Globex user data.</p>
  <p>Globex said nothing.</p>
</article></main>`;

const { core, details } = splitKnowledgeBase(tinyKb());

/** The overlay module as overlay.js provides it, counting its loads. */
function overlayLoader() {
  const loader = {
    loads: 0,
    fail: false,
    load: async (): Promise<OverlayModule> => {
      loader.loads += 1;
      if (loader.fail) throw new TypeError('error loading dynamically imported module');
      return { knowledge: details, buildFindings, createOnPageIndex, createOverlayView };
    },
  };
  return loader;
}

const settle = async () => {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve, 0));
};

describe('content app', () => {
  let app: ContentApp | undefined;
  beforeAll(useEnglish);
  afterEach(() => {
    app?.destroy();
    app = undefined;
  });

  function start(stored: Record<string, unknown> = {}, alive = () => true) {
    document.body.innerHTML = PAGE;
    const area = new FakeStorageArea(stored);
    const reports: { mentions: number; claims: number }[] = [];
    const overlay = overlayLoader();
    let toggle: (() => void) | undefined;
    app = startContentApp({
      doc: document,
      // As the extension does: the core now, the details with the overlay module.
      kb: core,
      services: {
        settings: createSettingsStore(area),
        reportFound: async (found) => void reports.push(found),
        onToggleSidebar: (handler) => void (toggle = handler),
        isAlive: alive,
        loadOverlay: overlay.load,
      },
      pause: () => Promise.resolve(),
      schedule: (run) => {
        const id = setTimeout(run, 0);
        return () => clearTimeout(id);
      },
    });
    return { app, area, reports, overlay, toggle: () => toggle?.() };
  }

  const shadow = () => document.querySelector('fact-context-root')?.shadowRoot ?? null;

  it('reports what it found and adds nothing to the page until the UI is needed', async () => {
    const { app, reports } = start();
    const before = document.body.innerHTML;
    await app.ready;
    expect(reports.at(-1)).toEqual({ mentions: 2, claims: 1 });
    expect(document.body.innerHTML).toBe(before);
    expect(document.querySelector('fact-context-root')).toBeNull();
  });

  it('opens the sidebar on the toggle command, outside <body>', async () => {
    const { app, toggle } = start();
    await app.ready;
    toggle();
    await settle();
    expect(document.body.querySelector('fact-context-root')).toBeNull();
    const aside = shadow()?.querySelector('aside');
    expect(aside?.getAttribute('aria-label')).toBe('Fact Context');
    expect(aside?.textContent).toContain('Acme had access to Globex user data.');
    toggle();
    expect(shadow()?.querySelector('aside')).toBeNull();
  });

  it('loads the overlay module only when the sidebar is first asked for, and only once', async () => {
    const { app, overlay, toggle } = start();
    await app.ready;
    expect(overlay.loads).toBe(0);
    toggle();
    await settle();
    // The excerpts came with the module: the sidebar quotes them.
    expect(shadow()?.querySelector('aside')?.textContent).toContain('We never collected or stored any Globex user data');
    toggle();
    toggle();
    expect(shadow()?.querySelector('aside')).not.toBeNull();
    expect(overlay.loads).toBe(1);
  });

  it('leaves the page as it was when the overlay module cannot load, and tries again on the next request', async () => {
    const { app, overlay, toggle } = start();
    await app.ready;
    overlay.fail = true;
    toggle();
    await settle();
    expect(document.querySelector('fact-context-root')).toBeNull();
    expect(app.signal.aborted).toBe(false);
    overlay.fail = false;
    toggle();
    toggle();
    await settle();
    expect(shadow()?.querySelector('aside')).not.toBeNull();
    expect(overlay.loads).toBe(2);
  });

  it('sums up for the popup what it shows, in page order, without loading the overlay', async () => {
    const { app, area, overlay } = start();
    await app.ready;
    expect(app.summary()).toEqual({
      hostname: 'localhost',
      entities: [
        { id: 'acme', name: 'Acme' },
        { id: 'globex', name: 'Globex' },
      ],
      claims: [{ id: 'acme-data' }],
    });
    await area.writeFromElsewhere({ hiddenEntities: ['acme'] });
    await settle();
    expect(app.summary().entities).toEqual([{ id: 'globex', name: 'Globex' }]);
    expect(overlay.loads).toBe(0);
  });

  it('scans text the page appends after load', async () => {
    const { app, reports } = start();
    await app.ready;
    document.querySelector('article')!.insertAdjacentHTML('beforeend', '<p>Officials warned that Acme gear could spy on networks.</p>');
    await settle();
    await app.idle();
    expect(reports.at(-1)).toEqual({ mentions: 2, claims: 2 });
  });

  it('reads "the company" in appended text as the company the page is about', async () => {
    const { app, reports } = start();
    await app.ready;
    // Acme becomes the most mentioned company (four times, Globex three).
    document.querySelector('article')!.insertAdjacentHTML('beforeend', '<p>Acme again, and Acme once more.</p><p>Officials say the company could spy on networks.</p>');
    await settle();
    await app.idle();
    expect(reports.at(-1)).toEqual({ mentions: 2, claims: 2 });
  });

  it('applies a company switch from another tab at once', async () => {
    const { app, area, reports } = start();
    await app.ready;
    await area.writeFromElsewhere({ hiddenEntities: ['acme', 'globex'] });
    await settle();
    expect(reports.at(-1)).toEqual({ mentions: 0, claims: 0 });
  });

  it('stays off while paused, and starts when switched back on', async () => {
    const { app, area, reports } = start({ enabled: false });
    await app.ready;
    expect(reports.at(-1)).toEqual({ mentions: 0, claims: 0 });
    await area.writeFromElsewhere({ enabled: true });
    await settle();
    await app.idle();
    expect(reports.at(-1)).toEqual({ mentions: 2, claims: 1 });
  });

  it('survives corrupt values in storage', async () => {
    const { app, reports } = start({ enabled: 'yes', kinds: 42, hiddenEntities: [null, 7, 'globex'], disabledSites: {} });
    await app.ready;
    expect(reports.at(-1)).toEqual({ mentions: 1, claims: 1 });
  });

  it('counts each mention once when the page adds words to a paragraph it already read', async () => {
    const { app, toggle } = start();
    await app.ready;
    toggle();
    await settle();
    const counts = () => [...shadow()!.querySelectorAll('article[data-entity]')].map((a) => a.textContent!.match(/Mentions on this page: (\d+)/)![1]);
    expect(counts()).toEqual(['2', '3']);
    const extra = document.createElement('b');
    extra.textContent = ' Globex agreed.';
    document.querySelectorAll('article p')[0]!.append(extra);
    await settle();
    await app.idle();
    expect(counts()).toEqual(['2', '4']);
  });

  it('forgets what the page removed', async () => {
    const { app, reports } = start();
    await app.ready;
    expect(reports.at(-1)).toEqual({ mentions: 2, claims: 1 });
    document.querySelector('h1')!.remove();
    document.querySelectorAll('article p')[0]!.remove();
    await settle();
    await app.idle();
    expect(reports.at(-1)).toEqual({ mentions: 1, claims: 0 });
  });

  it('returns focus where it was when the sidebar closes', async () => {
    const { app, toggle } = start();
    await app.ready;
    const button = document.createElement('button');
    document.querySelector('article')!.append(button);
    button.focus();
    toggle();
    await settle();
    await new Promise((resolve) => requestAnimationFrame(resolve));
    await settle();
    expect(document.activeElement?.localName).toBe('fact-context-root');
    toggle();
    expect(document.activeElement).toBe(button);
  });

  it('announces what it found in a live region', async () => {
    const { app, toggle } = start();
    await app.ready;
    toggle();
    await settle();
    await new Promise((resolve) => requestAnimationFrame(resolve));
    const status = shadow()?.querySelector('[role="status"]');
    expect(status?.getAttribute('aria-live')).toBe('polite');
    expect(status?.textContent).toBe('Fact Context found companies: 2, claims: 1.');
  });

  it('tears itself down once the extension is gone', async () => {
    let alive = true;
    const { app, toggle } = start({}, () => alive);
    await app.ready;
    toggle();
    alive = false;
    document.querySelector('article')!.insertAdjacentHTML('beforeend', '<p>Acme again.</p>');
    await settle();
    expect(document.querySelector('fact-context-root')).toBeNull();
    expect(app.signal.aborted).toBe(true);
  });

  it('tears everything down on destroy', async () => {
    const { app, toggle, reports } = start();
    await app.ready;
    toggle();
    await settle();
    expect(document.querySelector('fact-context-root')).not.toBeNull();
    const reported = reports.length;
    app.destroy();
    expect(document.querySelector('fact-context-root')).toBeNull();
    document.querySelector('article')!.insertAdjacentHTML('beforeend', '<p>Officials warned that Acme gear could spy on networks.</p>');
    toggle();
    await settle();
    expect(reports.length).toBe(reported);
    expect(document.querySelector('fact-context-root')).toBeNull();
  });

  it('steps aside when a newer copy of the script starts after an extension update', async () => {
    let alive = true;
    const first = start({}, () => alive);
    await first.app.ready;
    first.toggle();
    await settle();
    expect(document.querySelector('fact-context-root')).not.toBeNull();
    // The update invalidates the old copy's extension context before the new copy starts.
    alive = false;
    const second = startContentApp({
      doc: document,
      kb: core,
      services: {
        settings: createSettingsStore(new FakeStorageArea()),
        reportFound: async () => {},
        onToggleSidebar: () => {},
        isAlive: () => true,
        loadOverlay: overlayLoader().load,
      },
      pause: () => Promise.resolve(),
    });
    expect(document.querySelector('fact-context-root')).toBeNull();
    second.destroy();
  });

  it('keeps working when the page itself fires the takeover event', async () => {
    const { app, toggle } = start();
    await app.ready;
    document.dispatchEvent(new CustomEvent('fact-context:takeover'));
    toggle();
    await settle();
    expect(app.signal.aborted).toBe(false);
    expect(document.querySelector('fact-context-root')).not.toBeNull();
    expect(app.summary().entities.length).toBeGreaterThan(0);
  });
});
