/**
 * The overlay's own state: which card is open (and the word it belongs to), whether the sidebar
 * is open and where, where focus returns, and where "Show on page" went last. Drawing is the
 * overlay module's (Preact, the components, the excerpts), which this loads on first need: the
 * first time the pointer reaches a name (so the load runs during the card's hover delay), the
 * caret lands on one, or the sidebar is asked for. The content app tells it what changed.
 */
import type { Highlighter, Mark } from '../page/highlights.ts';
import { isInHost } from '../page/host.ts';
import type { Settings, SettingsStore } from '../settings/index.ts';
import { createCardIntent } from './card-intent.ts';
import type { Findings } from './findings.ts';
import { currentMessageBackend, t } from './i18n.ts';
import type { OverlayActionDeps } from './overlay-actions.ts';
import type { OverlayModule, OverlayView } from './overlay-module.ts';
import type { CardState, ShownState, Target } from './overlay-types.ts';

export interface OverlayControllerOptions {
  doc: Document;
  highlighter: Highlighter;
  settingsStore: SettingsStore;
  /** The current settings, or undefined before they are read. */
  settings(): Settings | undefined;
  /** The current findings (the content app caches them). */
  findings(): Findings;
  /** Settings written from the overlay's switches, to apply at once. */
  applySettings(settings: Settings): void;
  onStoreError(error: unknown): void;
  /** Loads the overlay module (once: the controller keeps what it returns). */
  load(): Promise<OverlayModule>;
  /** The overlay module failed to load; the next need tries again. */
  onLoadError(error: unknown): void;
  signal: AbortSignal;
}

export interface OverlayController {
  /** The pointer (or caret, or keyboard focus) is on `mark`, or on no name. */
  hover(mark: Mark | null, source: 'pointer' | 'caret'): void;
  /** The toggle-sidebar command: opens at the card's company if a card is open. */
  toggleSidebar(): void;
  /** Closes the card; with `entity`, only if the card is about that company (just switched off). */
  closeCard(entity?: string): void;
  /** Re-renders after the findings or the settings changed. */
  refresh(): void;
  destroy(): void;
}

function boxOf(range: Range): CardState['anchor'] {
  const box = range.getBoundingClientRect();
  return { top: box.top, left: box.left, width: box.width, height: box.height };
}

/** Creates the controller; its listeners and timers go with `signal`. */
export function createOverlayController(options: OverlayControllerOptions): OverlayController {
  const { doc, signal } = options;
  let view: OverlayView | undefined;
  let loading: Promise<void> | undefined;
  let card: CardState | null = null;
  /** The mark the card belongs to, to follow it when the page scrolls. */
  let cardMark: Mark | null = null;
  let sidebar: { open: boolean; target?: Target & { nonce: number } } = { open: false };
  let returnFocus: Element | null = null;
  /** The last hover came from the keyboard (focus, caret). */
  let keyboard = false;
  let requests = 0;
  let shown: ShownState | undefined;

  /** Starts loading the overlay module unless it is loaded or loading; draws once it is. */
  function prepare(): void {
    if (view || loading || signal.aborted) return;
    loading = options.load().then(
      (module) => {
        if (signal.aborted) return;
        view = module.createOverlayView({ ...actionDeps, messages: currentMessageBackend() });
        refresh();
      },
      (error: unknown) => {
        loading = undefined;
        if (!signal.aborted) options.onLoadError(error);
      },
    );
  }

  function refresh(): void {
    const settings = options.settings();
    if (signal.aborted || !settings) return;
    // Nothing to show and nothing shown yet: the page stays without our element.
    if (!card && !sidebar.open && !view?.mounted()) return;
    if (!view) return prepare();
    const findings = options.findings();
    const announcement = t('announceFound', [String(findings.companies.length), String(findings.claimsOnPage.length)]);
    view.render({ findings, settings, card, sidebar, announcement, shown });
  }

  const intent = createCardIntent<Mark>({
    open(mark) {
      const entity = mark.entities[0];
      if (!entity) return;
      cardMark = mark;
      card = { entity, anchor: boxOf(mark.range), origin: keyboard ? doc.activeElement : null };
      refresh();
    },
    close() {
      cardMark = null;
      if (!card) return;
      card = null;
      refresh();
    },
    signal,
  });

  function openSidebar(target?: Target): void {
    if (!sidebar.open) {
      const focused = doc.activeElement;
      returnFocus = focused && focused !== doc.body && !isInHost(focused) ? focused : null;
    }
    card = null;
    intent.now(null);
    sidebar = target ? { open: true, target: { ...target, nonce: ++requests } } : { open: true };
    refresh();
  }

  function closeSidebar(): void {
    if (!sidebar.open) return;
    sidebar = { open: false };
    refresh();
    const back = returnFocus;
    returnFocus = null;
    if (back instanceof HTMLElement && back.isConnected) back.focus({ preventScroll: true });
  }

  // What the overlay's buttons need; the module builds its actions from these once loaded.
  const actionDeps: OverlayActionDeps = {
    doc,
    highlighter: options.highlighter,
    settingsStore: options.settingsStore,
    openSidebar,
    closeSidebar,
    closeCard: () => intent.now(null),
    cardHover: (inside) => intent.inCard(inside),
    applySettings: options.applySettings,
    onShown: (next) => {
      shown = next;
      refresh();
    },
    onStoreError: options.onStoreError,
  };

  // Bubbling, not captured: Escape inside the sidebar is the sidebar's (it stops it there).
  doc.defaultView?.addEventListener('keydown', (event) => event.key === 'Escape' && card && intent.now(null), { signal });
  // The card follows its word while the page scrolls, and goes once the word leaves the viewport.
  doc.defaultView?.addEventListener(
    'scroll',
    () => {
      if (!card || !cardMark) return;
      const anchor = boxOf(cardMark.range);
      const height = doc.defaultView?.innerHeight ?? 0;
      if (anchor.top + anchor.height < 0 || anchor.top > height || (anchor.width === 0 && anchor.height === 0)) intent.now(null);
      else {
        card = { ...card, anchor };
        refresh();
      }
    },
    { passive: true, signal, capture: true },
  );

  return {
    hover(mark, source) {
      if (mark) prepare();
      keyboard = source === 'caret';
      // The keyboard (caret, focus) opens at once; the pointer goes through the intent delay.
      if (keyboard && mark) intent.now(mark);
      else intent.hover(mark);
    },
    toggleSidebar() {
      if (sidebar.open) closeSidebar();
      else openSidebar(card ? { type: 'company', id: card.entity } : undefined);
    },
    closeCard(entity) {
      if (entity === undefined || card?.entity === entity) intent.now(null);
    },
    refresh,
    destroy() {
      view?.destroy();
      view = undefined;
    },
  };
}
