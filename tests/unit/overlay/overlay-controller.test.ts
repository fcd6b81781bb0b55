// @vitest-environment happy-dom
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createHighlighter, makeMark, type Mark } from '../../../src/page/highlights.ts';
import { createSettingsStore, parseSettings } from '../../../src/settings/index.ts';
import { buildFindings } from '../../../src/ui/findings.ts';
import { createOnPageIndex } from '../../../src/ui/on-page.ts';
import { createOverlayController } from '../../../src/ui/overlay-controller.ts';
import type { OverlayModule } from '../../../src/ui/overlay-module.ts';
import { createOverlayView } from '../../../src/ui/overlay-view.ts';
import { FakeStorageArea } from '../settings/fake-storage-area.ts';
import { useEnglish } from './setup-i18n.ts';
import { tinyKb } from './tiny-kb.ts';
import { splitKnowledgeBase } from '../../../src/knowledge/parts.ts';

/** The card's hover delay (card-intent.ts). */
const OPEN_DELAY = 300;

describe('overlay controller', () => {
  let app = new AbortController();
  let destroy = () => {};
  beforeAll(useEnglish);
  afterEach(() => {
    app.abort();
    destroy();
    vi.useRealTimers();
  });

  function setup() {
    vi.useFakeTimers();
    app = new AbortController();
    document.body.innerHTML = '<p>Acme met Globex.</p>';
    const text = document.querySelector('p')!.firstChild as Text;
    const range = document.createRange();
    range.setStart(text, 0);
    range.setEnd(text, 4);
    const mark: Mark = makeMark('mention', range, ['acme']);
    // Painting is not under test: a registry and highlights that only hold ranges.
    const highlighter = createHighlighter({ registry: new Map(), HighlightCtor: class extends Set<Range> { priority = 0; } as never });
    highlighter.add([mark]);
    const kb = tinyKb();
    const settings = parseSettings({});
    let release: () => void = () => {};
    const module: OverlayModule = { knowledge: splitKnowledgeBase(kb).details, buildFindings, createOnPageIndex, createOverlayView };
    const loads: Promise<OverlayModule>[] = [];
    const controller = createOverlayController({
      doc: document,
      highlighter,
      settingsStore: createSettingsStore(new FakeStorageArea()),
      settings: () => settings,
      findings: () => buildFindings({ kb, marks: highlighter.all(), settings, onPage: createOnPageIndex('') }),
      applySettings: () => {},
      onStoreError: () => {},
      load: () => {
        const loaded = new Promise<OverlayModule>((resolve) => (release = () => resolve(module)));
        loads.push(loaded);
        return loaded;
      },
      onLoadError: () => {},
      signal: app.signal,
    });
    destroy = () => controller.destroy();
    return { controller, mark, loads, release: () => release() };
  }

  const card = () => document.querySelector('fact-context-root')?.shadowRoot?.querySelector('.fc-card') ?? null;

  it('starts loading the overlay when the pointer reaches a name, so the card is ready when its delay ends', async () => {
    const { controller, mark, loads, release } = setup();
    controller.hover(mark, 'pointer');
    // Asked for at once, not after the hover delay.
    expect(loads).toHaveLength(1);
    release();
    await vi.advanceTimersByTimeAsync(OPEN_DELAY - 1);
    expect(card()).toBeNull();
    await vi.advanceTimersByTimeAsync(1);
    expect(card()?.querySelector('h2')?.textContent).toBe('Acme');
    controller.hover(null, 'pointer');
    controller.hover(mark, 'pointer');
    expect(loads).toHaveLength(1);
  });

  it('shows a card asked for before the overlay loaded as soon as it has', async () => {
    const { controller, mark, release } = setup();
    controller.hover(mark, 'caret');
    await vi.advanceTimersByTimeAsync(0);
    expect(card()).toBeNull();
    release();
    await vi.advanceTimersByTimeAsync(0);
    expect(card()?.querySelector('h2')?.textContent).toBe('Acme');
  });
});
