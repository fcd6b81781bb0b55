/**
 * The content-script application: reads the page, paints what it finds, keeps up with a living
 * page and with the reader's settings, and hands the hover card and the sidebar to the overlay
 * controller. Browser services come in through {@link ContentServices}, so this runs unchanged
 * under tests. It starts with the knowledge base's core (companies and claims); the excerpts
 * and descriptions come with the overlay module, loaded when the reader first needs the card or the sidebar.
 *
 * Everything it starts hangs off one AbortController; `destroy()` (or a newer copy of the
 * script announcing itself) tears all of it down and leaves the page as it found it.
 */
import { joinKnowledgeBase, type KnowledgeCore } from '../knowledge/parts.ts';
import type { Entity, KnowledgeBase } from '../knowledge/types.ts';
import { createEngine, mostCounted, type Engine } from '../match/index.ts';
import { boundsOf, createHighlighter, type Mark } from '../page/highlights.ts';
import { isInHost } from '../page/host.ts';
import { trackHover } from '../page/hover.ts';
import { eachSliced, markKey, scanRoot, yieldToPage, type Yield } from '../page/scan.ts';
import { ScannedText, watchMutations, type Scheduler, type WatchBatch } from '../page/watch.ts';
import { isSiteEnabled, type Settings, type SettingsStore } from '../settings/index.ts';
import type { Findings } from './findings.ts';
import { createOverlayController } from './overlay-controller.ts';
import type { OverlayModule } from './overlay-module.ts';

/** What the content script needs from the browser, injected by extension/content.ts. */
export interface ContentServices {
  settings: SettingsStore;
  /** Tells the background what was found (toolbar badge, popup). */
  reportFound(found: { mentions: number; claims: number }): Promise<void>;
  /** Calls `handler` when the toggle-sidebar command is pressed in this tab. */
  onToggleSidebar(handler: () => void, signal: AbortSignal): void;
  /** False once the extension was reloaded or removed under the page. */
  isAlive(): boolean;
  /** Loads the overlay module (overlay.js); called at most once unless it fails. */
  loadOverlay(): Promise<OverlayModule>;
}

export interface ContentAppOptions {
  doc: Document;
  /** The knowledge base's core: the companies and claims as matching needs them. */
  kb: KnowledgeCore;
  services: ContentServices;
  /** A prebuilt engine (tests share one); built from `kb` otherwise. */
  engine?: Engine;
  /** How long-running work yields to the page. */
  pause?: Yield;
  /** When batches of page changes run (idle time by default). */
  schedule?: Scheduler;
}

/** What the page turned up, for the popup: shown companies and claims, in page order. */
export interface FoundSummary {
  hostname: string;
  entities: Array<{ id: string; name: string }>;
  /** Claim ids: the popup has the knowledge base's texts itself. */
  claims: Array<{ id: string }>;
}

export interface ContentApp {
  /** Settles when the first scan is done (or skipped because the site is off). */
  ready: Promise<void>;
  /** The current findings (empty while the site is off or before the first scan). */
  summary(): FoundSummary;
  /** Aborts when the app is destroyed: hang the entry point's own listeners off it. */
  signal: AbortSignal;
  /** Settles when every page change seen so far has been scanned. */
  idle(): Promise<void>;
  destroy(): void;
}

/** Fired on the document by a newly started copy of the script, so an older copy steps aside. */
const TAKEOVER_EVENT = 'fact-context:takeover';

/** Marks handed to the highlighter per task on a page's first scan. */
const ADD_CHUNK = 2000;

/** Marks that find their text nodes per slice of work (see findPoints). */
const POINTS_PER_SLICE = 500;

/** Elements the reader cannot see are not content: `checkVisibility` where it exists. */
function isHidden(element: Element): boolean {
  return typeof element.checkVisibility === 'function' ? !element.checkVisibility() : false;
}

/** Starts the application on `doc`. */
export function startContentApp(options: ContentAppOptions): ContentApp {
  const { doc, services } = options;
  /** The details (excerpts, descriptions) join once the overlay module brings them (the findings are rebuilt then). */
  let kb: KnowledgeBase = joinKnowledgeBase(options.kb);
  const pause = options.pause ?? yieldToPage;
  // Compiled on first use, in its own task: a switched-off site never pays for it.
  let engine = options.engine;
  const app = new AbortController();
  const appSignal = app.signal;

  // A copy of this script from before an extension update may still be running: retire it.
  // The event is on the page's document, so the page can fire it too: a copy steps aside only
  // when its own extension context is gone, which is what an update or reload does to it.
  doc.dispatchEvent(new CustomEvent(TAKEOVER_EVENT));
  doc.addEventListener(TAKEOVER_EVENT, () => void checkAlive(), { signal: appSignal });

  const highlighter = createHighlighter();
  let settings: Settings | undefined;
  let active: AbortController | null = null;
  /** Identities of the marks on the page, built when a rescan first needs them (see addMarks). */
  let keys: Set<string> | undefined;
  /**
   * Mentions per company among the marks, while a batch of page changes is scanned: each of its
   * blocks needs what the whole page is about, and counting every mark on the page again for
   * each of 200 appended paragraphs made one long task of them. Dropped when marks are removed.
   */
  let mentionCounts: Map<string, number> | undefined;
  let scanned = new ScannedText();
  let pageText: string[] = [];
  /** Which excerpts' words are on the page: built by the overlay module, when it shows them. */
  let onPage: { has(quote: string): boolean } | undefined;
  let onPageStale = true;
  /** The overlay module, once loaded: it builds the findings the card and sidebar show. */
  let overlayModule: OverlayModule | undefined;
  /** Lookups for the popup's summary: names by company id, and the claim ids the knowledge base has. */
  let byId: { entities: Map<string, Entity>; claims: Set<string> } | undefined;
  let lastReport = '';
  /** The findings view, until marks or settings change (the card re-renders on every scroll). */
  let view: Findings | undefined;
  let pending: Promise<void> = Promise.resolve();

  function destroy(): void {
    if (appSignal.aborted) return;
    app.abort();
    active = null;
    highlighter.destroy();
    overlay.destroy();
  }

  /** Messaging failed: if the extension is gone, stop painting a page nobody can serve. */
  function checkAlive(): boolean {
    if (services.isAlive()) return true;
    destroy();
    return false;
  }

  /** The overlay's view of the page; the controller asks only once the module is loaded. */
  function findings(): Findings {
    if (view) return view;
    if (!overlayModule) throw new Error('overlay module not loaded');
    if (onPageStale || !onPage) {
      onPage = overlayModule.createOnPageIndex(pageText.join('\n'));
      onPageStale = false;
    }
    return (view = overlayModule.buildFindings({ kb, marks: highlighter.all(), settings: settings!, onPage }));
  }

  function report(): void {
    const visibleEntities = new Set(highlighter.visible('mention').flatMap((m) => m.entities));
    const visibleClaims = new Set(highlighter.visible('claim').map((m) => m.claim));
    const found = { mentions: visibleEntities.size, claims: visibleClaims.size };
    const key = `${found.mentions}/${found.claims}`;
    if (key === lastReport) return;
    lastReport = key;
    services.reportFound(found).catch(() => checkAlive());
  }

  function changed(): void {
    view = undefined;
    report();
    overlay.refresh();
  }

  /**
   * Adds one scan's marks (in document order), minus those already on the page. A page's first
   * scan cannot repeat itself, so the identities are only computed once a rescan (living page)
   * could add a mark twice: on a long page that is thousands of keys the first scan never needs.
   */
  async function addMarks(marks: readonly Mark[], signal: AbortSignal): Promise<void> {
    if (highlighter.all().length === 0) {
      keys = undefined;
      // In pieces, yielding between them: on a long page, handing the browser thousands of
      // ranges (and observers for them) at once is a long task of its own.
      for (let start = 0; start < marks.length; start += ADD_CHUNK) {
        if (signal.aborted) return;
        if (start > 0) await pause();
        highlighter.add(marks.slice(start, start + ADD_CHUNK), { inOrder: true });
      }
      countMentions(marks);
      return;
    }
    const known = (keys ??= new Set(highlighter.all().map(markKey)));
    const fresh = marks.filter((mark) => {
      const key = markKey(mark);
      if (known.has(key)) return false;
      known.add(key);
      return true;
    });
    highlighter.add(fresh, { inOrder: true });
    countMentions(fresh);
  }

  /** Adds marks just handed to the highlighter to the counts, when they are kept. */
  function countMentions(added: readonly Mark[]): void {
    if (!mentionCounts) return;
    for (const mark of added) {
      if (mark.kind !== 'mention') continue;
      const entity = mark.entities[0] ?? '';
      mentionCounts.set(entity, (mentionCounts.get(entity) ?? 0) + 1);
    }
  }

  /** What the page is about so far: its most mentioned companies. */
  function pageSubjects(): string[] {
    if (!mentionCounts) {
      mentionCounts = new Map();
      countMentions(highlighter.all());
    }
    return mostCounted(mentionCounts);
  }

  async function scanInto(root: Node, signal: AbortSignal): Promise<void> {
    if (!engine) {
      await pause();
      engine ??= createEngine(kb);
      await pause();
    }
    if (signal.aborted) return;
    // A part of the page (living pages) is about what the whole page is about: "the company"
    // in an appended paragraph stands for the company the page mentions most.
    const whole = root === doc;
    const about = whole ? undefined : pageSubjects();
    const { model, marks } = await scanRoot(engine, root, { title: doc.title, isHidden, signal, pause, ...(about ? { about } : {}) });
    if (signal.aborted) return;
    // Blocks read whole are remembered as blocks: listing their text nodes is work the marks
    // put off until they are painted.
    model.forEachPiece((piece, start, end) => (piece.nodeType === Node.TEXT_NODE ? scanned.addNode(piece) : scanned.addBlock(piece as Element, end - start)));
    if (model.text) {
      pageText.push(model.text);
      onPageStale = true;
    }
    await addMarks(marks, signal);
  }

  /**
   * Has every mark find its text nodes, yielding between slices: pruning and the marks'
   * identities need them, and on a long page most marks have not looked for theirs yet (the
   * text nodes of thousands of blocks to list: too much for one task).
   */
  async function findPoints(signal: AbortSignal): Promise<void> {
    const all = highlighter.all();
    const slices: number[] = [];
    for (let from = 0; from < all.length; from += POINTS_PER_SLICE) slices.push(from);
    await eachSliced(slices, (from) => all.slice(from, from + POINTS_PER_SLICE).forEach(boundsOf), signal, pause);
  }

  async function onBatch(batch: WatchBatch, signal: AbortSignal): Promise<void> {
    if (!checkAlive()) return;
    await findPoints(signal);
    if (signal.aborted) return;
    let dropped = 0;
    if (batch.changed.size > 0) dropped += highlighter.remove((mark) => mark.anchors.some((node) => batch.changed.has(node)));
    // Added text may have changed a block whose marks had not yet found their text nodes: those
    // marks are stale now, and the block is rescanned below.
    if (batch.removed || batch.changed.size > 0 || batch.roots.length > 0) dropped += highlighter.prune();
    if (dropped > 0) keys = undefined;
    mentionCounts = undefined;
    // A batch may hold hundreds of blocks (a page appending a long article): yield between
    // them once a slice has used its budget, as the scan of one long text does.
    await eachSliced(batch.roots, (root) => scanInto(root, signal), signal, pause);
    mentionCounts = undefined;
    if (signal.aborted) return;
    changed();
  }

  async function activate(): Promise<void> {
    const run = new AbortController();
    active = run;
    const signal = AbortSignal.any([appSignal, run.signal]);
    highlighter.setHiddenEntities(new Set(settings?.hiddenEntities ?? []));
    await scanInto(doc, signal);
    if (signal.aborted) return;
    changed();
    watchMutations({
      root: doc.body ?? doc.documentElement,
      isOwn: isInHost,
      scanned,
      onBatch: (batch) => (pending = onBatch(batch, signal).catch(() => undefined)),
      signal,
      ...(options.schedule ? { schedule: options.schedule } : {}),
    });
    trackHover({
      doc,
      items: () => highlighter.visible('mention'),
      isOwnUi: (target) => target instanceof Node && isInHost(target),
      onChange: (mark, source) => overlay.hover(mark, source),
      signal,
    });
  }

  function deactivate(): void {
    active?.abort();
    active = null;
    highlighter.clear();
    keys = undefined;
    scanned = new ScannedText();
    pageText = [];
    onPageStale = true;
    overlay.closeCard();
    changed();
  }

  function applySettings(next: Settings): void {
    if (appSignal.aborted) return;
    settings = next;
    view = undefined;
    const on = isSiteEnabled(next, doc.location?.hostname ?? '');
    if (on && !active) void activate();
    else if (!on && active) deactivate();
    else {
      highlighter.setHiddenEntities(new Set(next.hiddenEntities));
      for (const entity of next.hiddenEntities) overlay.closeCard(entity);
      changed();
    }
  }

  const overlay = createOverlayController({
    doc,
    highlighter,
    settingsStore: services.settings,
    settings: () => settings,
    findings,
    applySettings,
    onStoreError: () => void checkAlive(),
    async load() {
      const module = await services.loadOverlay();
      kb = joinKnowledgeBase(kb, module.knowledge);
      overlayModule = module;
      view = undefined;
      return module;
    },
    // An extension reloaded under the page can no longer serve its files.
    onLoadError: () => void checkAlive(),
    signal: appSignal,
  });
  services.onToggleSidebar(() => overlay.toggleSidebar(), appSignal);

  const ready = (async () => {
    const initial = await services.settings.get();
    if (appSignal.aborted) return;
    services.settings.subscribe(applySettings, { signal: appSignal });
    settings = initial;
    if (isSiteEnabled(initial, doc.location?.hostname ?? '')) await activate();
    else report();
  })();

  return {
    ready,
    signal: appSignal,
    summary() {
      const hostname = doc.location?.hostname ?? '';
      if (!settings || !active) return { hostname, entities: [], claims: [] };
      byId ??= { entities: new Map(kb.entities.map((e) => [e.id, e])), claims: new Set(kb.claims.map((c) => c.id)) };
      const { entities, claims } = byId;
      // Shown marks are in document order: companies by first mention, claims by first sentence.
      const shownEntities = new Set(highlighter.visible('mention').flatMap((mark) => mark.entities));
      const shownClaims = new Set(highlighter.visible('claim').flatMap((mark) => (mark.claim === undefined ? [] : [mark.claim])));
      return {
        hostname,
        entities: [...shownEntities].flatMap((id) => {
          const entity = entities.get(id);
          return entity ? [{ id, name: entity.name }] : [];
        }),
        claims: [...shownClaims].filter((id) => claims.has(id)).map((id) => ({ id })),
      };
    },
    async idle() {
      await ready;
      let seen: Promise<void> | undefined;
      while (seen !== pending) {
        seen = pending;
        await seen;
      }
    },
    destroy,
  };
}
