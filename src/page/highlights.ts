import { createPaintWindow, type IntersectionObserverCtor, type PaintWindow } from './paint-window.ts';

/**
 * Paints matches with the CSS Custom Highlight API: the page's DOM is never touched, we only
 * hand Ranges to `CSS.highlights`. The styles live in the content-script CSS
 * (`::highlight(fact-context-mention)` and friends), because `::highlight()` applies in the
 * document that owns the text, not in our shadow root.
 */

/** Highlight names, shared with the content CSS. */
export const HIGHLIGHT = {
  mention: 'fact-context-mention',
  claim: 'fact-context-claim',
  focus: 'fact-context-focus',
} as const;

export type MarkKind = 'mention' | 'claim';

/** One painted stretch of page text and the entities it concerns. */
export interface Mark {
  kind: MarkKind;
  /**
   * The marked text, as a live Range. A scan's marks ({@link markText}) make it on first use:
   * on a long page most are never painted (paint-window.ts), and every live Range costs time to
   * make and is kept up to date by the browser through every change to the page.
   */
  readonly range: Range;
  /** Entity ids: the mentioned company, or the subjects of a claim sentence. */
  entities: readonly string[];
  /** Claim id, for claim sentences. */
  claim?: string;
  /** Cue terms that recognised the claim, as written on the page. */
  cues?: readonly string[];
  /** Text nodes holding the boundaries when the mark was made; if they leave, the mark is stale. */
  readonly anchors: readonly Node[];
  /**
   * A node holding the mark's start, known before its anchors are worked out (a text node, or
   * the block a scan read whole): the paint window watches the element it is or lies in.
   */
  readonly holder?: Node;
}

/** The subset of `HighlightRegistry` we use, so tests can pass a fake. */
export interface HighlightRegistryLike {
  set(name: string, highlight: Highlight): unknown;
  delete(name: string): boolean;
}

export interface HighlighterOptions {
  registry?: HighlightRegistryLike;
  /** Constructor for highlights; `globalThis.Highlight` by default. */
  HighlightCtor?: new (...ranges: Range[]) => Highlight;
  /** How long "Show on page" keeps its mark, in ms. */
  focusMs?: number;
  /** Above this many marks only those near the viewport are painted (see paint-window.ts). */
  paintAllUpTo?: number;
  /** For tests; `globalThis.IntersectionObserver` by default. */
  IntersectionObserver?: IntersectionObserverCtor;
}

export interface Highlighter {
  /**
   * Adds marks; visible ones are painted at once. Pass `inOrder` when they are already in
   * document order (one scan's output): it saves sorting thousands of DOM Ranges.
   */
  add(marks: readonly Mark[], options?: { inOrder?: boolean }): void;
  /** Hides every mark that concerns only hidden entities, and shows the rest. */
  setHiddenEntities(hidden: ReadonlySet<string>): void;
  /** Visible marks of a kind, in document order. */
  visible(kind: MarkKind): readonly Mark[];
  /** All marks, hidden ones included, in document order. */
  all(): readonly Mark[];
  /** Drops marks whose text has left the document; returns how many. */
  prune(): number;
  /** Drops the marks `test` picks (e.g. those on text the page has since edited); returns how many. */
  remove(test: (mark: Mark) => boolean): number;
  /** Paints a temporary third highlight over `range` (Show on page). */
  focus(range: Range): void;
  /** Removes every mark and every highlight we registered. */
  clear(): void;
  destroy(): void;
}

/** What a claim's mark carries beside its entities. */
export interface MarkExtra {
  claim?: string;
  cues?: readonly string[];
}

/** Where a mark's text is: its boundary text nodes (start, then end if another) and offsets. */
export interface MarkPoints {
  anchors: readonly Text[];
  startOffset: number;
  endOffset: number;
}

/**
 * A mark between two points in text nodes. A scan's marks find their points when first asked
 * (painting, hover, staleness, identity) and make their Range when first painted: on a long
 * page most marks are far from the viewport, and finding their points means listing the text
 * nodes of the blocks they lie in (text-map.ts).
 */
class TextMark implements Mark {
  /** The Range, once made; until then the points are the ones the scan found. */
  made: Range | undefined;
  readonly claim: string | undefined;
  readonly cues: readonly string[] | undefined;
  /** The points once found; null when the text is no longer on the page. */
  private found: MarkPoints | null | undefined;

  constructor(
    readonly kind: MarkKind,
    readonly entities: readonly string[],
    readonly holder: Node,
    private readonly find: () => MarkPoints | null,
    extra: MarkExtra,
  ) {
    this.claim = extra.claim;
    this.cues = extra.cues;
  }

  /** The points, found on first use. */
  get points(): MarkPoints | null {
    if (this.found === undefined) this.found = this.find();
    return this.found;
  }

  get anchors(): readonly Node[] {
    return this.points?.anchors ?? [];
  }

  get range(): Range {
    if (!this.made) {
      const points = this.points;
      const range = (this.holder.ownerDocument ?? (this.holder as Document)).createRange();
      // Text gone from the page gets an empty Range, which paints nothing; pruning drops it.
      if (points) {
        const start = points.anchors[0]!;
        const end = points.anchors.at(-1)!;
        // The page may have shortened the text since the scan (the watcher drops such marks a
        // moment later): a Range must not be asked to reach past the end of its node.
        range.setStart(start, Math.min(points.startOffset, start.length));
        range.setEnd(end, Math.min(points.endOffset, end.length));
      }
      this.made = range;
    }
    return this.made;
  }
}

/**
 * A mark from `start` in one text node to `end` in the same or a later one. Its Range is made
 * on first use (painting, hover, Show on page).
 */
export function markText(kind: MarkKind, start: Text, startOffset: number, end: Text, endOffset: number, entities: readonly string[], extra: MarkExtra = {}): Mark {
  const points: MarkPoints = { anchors: start === end ? [start] : [start, end], startOffset, endOffset };
  return new TextMark(kind, entities, start, () => points, extra);
}

/**
 * A mark whose points `find` works out when first needed (null if its text is gone by then).
 * `holder` holds its start: the text node, or the block a scan read whole.
 */
export function markLater(kind: MarkKind, holder: Node, find: () => MarkPoints | null, entities: readonly string[], extra: MarkExtra = {}): Mark {
  return new TextMark(kind, entities, holder, find, extra);
}

/** Creates a mark from a Range, remembering its boundary nodes. */
export function makeMark(kind: MarkKind, range: Range, entities: readonly string[], extra: MarkExtra = {}): Mark {
  const anchors = range.startContainer === range.endContainer ? [range.startContainer] : [range.startContainer, range.endContainer];
  return { kind, range, entities, anchors, ...extra };
}

/** A mark's boundary points (start node and offset, end node and offset), read without making its Range. */
export function boundsOf(mark: Mark): [Node, number, Node, number] {
  if (mark instanceof TextMark && !mark.made) {
    const points = mark.points;
    // Text that is gone: bounds no mark on text can have.
    if (!points) return [mark.holder, -1, mark.holder, -1];
    return [points.anchors[0]!, points.startOffset, points.anchors.at(-1)!, points.endOffset];
  }
  const r = mark.range;
  return [r.startContainer, r.startOffset, r.endContainer, r.endOffset];
}

/** A mark is stale when its text left the document or the page emptied it. */
export function isStale(mark: Mark): boolean {
  if (mark instanceof TextMark && !mark.made) {
    const points = mark.points;
    if (!points || points.anchors.some((node) => !node.isConnected)) return true;
    // No live Range has followed the text: a node now shorter than the mark's end has been edited.
    return points.startOffset > points.anchors[0]!.length || points.endOffset > points.anchors.at(-1)!.length;
  }
  if (mark.anchors.some((node) => !node.isConnected)) return true;
  return mark.range.collapsed;
}

function byDocumentOrder(a: Mark, b: Mark): number {
  try {
    return a.range.compareBoundaryPoints(Range.START_TO_START, b.range) || a.range.compareBoundaryPoints(Range.END_TO_END, b.range);
  } catch {
    // Ranges in different roots cannot be compared; keep them apart but stable.
    return 0;
  }
}

/** True if the Highlight API exists here (Chromium 105+, Firefox 140+). */
export function highlightsSupported(): boolean {
  return typeof Highlight === 'function' && typeof CSS !== 'undefined' && 'highlights' in CSS;
}

/** Creates the highlighter. Without API support it keeps marks (for hover and the sidebar) but paints nothing. */
export function createHighlighter(options: HighlighterOptions = {}): Highlighter {
  const supported = options.registry !== undefined || highlightsSupported();
  const registry: HighlightRegistryLike | undefined = options.registry ?? (supported ? CSS.highlights : undefined);
  const Ctor = options.HighlightCtor ?? (supported ? Highlight : undefined);
  const focusMs = options.focusMs ?? 2000;
  const paintAllUpTo = options.paintAllUpTo ?? 1500;
  const Observer = options.IntersectionObserver ?? (typeof IntersectionObserver === 'function' ? IntersectionObserver : undefined);

  // Always in document order: hit testing binary-searches it.
  let marks: Mark[] = [];
  // Hit testing reads the visible mentions on every animation frame: keep the list until it changes.
  const visibleCache = new Map<MarkKind, Mark[]>();
  let hidden: ReadonlySet<string> = new Set();
  let focusTimer: ReturnType<typeof setTimeout> | undefined;
  const painted = new Map<MarkKind, Highlight>();
  /** Set once the page has more marks than are worth painting at once. */
  let paintWindow: PaintWindow | undefined;

  function highlightFor(kind: MarkKind): Highlight | undefined {
    if (!registry || !Ctor) return undefined;
    let highlight = painted.get(kind);
    if (!highlight) {
      highlight = new Ctor();
      // Names sit above claim sentences so the underline stays visible inside a tinted sentence.
      highlight.priority = kind === 'mention' ? 2 : 1;
      painted.set(kind, highlight);
      registry.set(HIGHLIGHT[kind], highlight);
    }
    return highlight;
  }

  const isVisible = (mark: Mark): boolean => mark.entities.length === 0 || mark.entities.some((id) => !hidden.has(id));
  const shouldPaint = (mark: Mark): boolean => isVisible(mark) && (!paintWindow || paintWindow.isNear(mark));

  function repaint(): void {
    visibleCache.clear();
    for (const kind of ['mention', 'claim'] as const) {
      const highlight = highlightFor(kind);
      if (!highlight) continue;
      highlight.clear();
      for (const mark of marks) if (mark.kind === kind && shouldPaint(mark)) highlight.add(mark.range);
    }
  }

  function onWindowChange(entered: Mark[], left: Mark[]): void {
    for (const mark of left) highlightFor(mark.kind)?.delete(mark.range);
    for (const mark of entered) if (isVisible(mark)) highlightFor(mark.kind)?.add(mark.range);
  }

  /** Paints added marks, switching to the viewport window when the page has grown too many. */
  function paintAdded(added: readonly Mark[]): void {
    if (!paintWindow && Observer && registry && marks.length > paintAllUpTo) {
      paintWindow = createPaintWindow(onWindowChange, Observer);
      paintWindow.track(marks);
      // Until the observer reports (next frame), nothing is near: start from a clean slate
      // (what repaint() would leave, without asking about thousands of marks).
      visibleCache.clear();
      for (const kind of ['mention', 'claim'] as const) highlightFor(kind)?.clear();
      return;
    }
    paintWindow?.track(added);
    for (const mark of added) if (shouldPaint(mark)) highlightFor(mark.kind)?.add(mark.range);
  }

  /** Merges a batch in document order into `marks`; the common cases (appended text) cost one compare. */
  function merge(batch: Mark[]): void {
    const first = batch[0];
    const last = batch[batch.length - 1];
    const head = marks[0];
    const tail = marks[marks.length - 1];
    if (!first || !last) return;
    if (!head || !tail || byDocumentOrder(tail, first) <= 0) {
      for (const mark of batch) marks.push(mark);
      return;
    }
    if (byDocumentOrder(last, head) <= 0) {
      marks = batch.concat(marks);
      return;
    }
    const merged: Mark[] = [];
    let i = 0;
    let j = 0;
    while (i < marks.length && j < batch.length) merged.push(byDocumentOrder(marks[i]!, batch[j]!) <= 0 ? marks[i++]! : batch[j++]!);
    while (i < marks.length) merged.push(marks[i++]!);
    while (j < batch.length) merged.push(batch[j++]!);
    marks = merged;
  }

  function remove(test: (mark: Mark) => boolean): number {
    const before = marks.length;
    marks = marks.filter((mark) => !test(mark));
    const dropped = before - marks.length;
    if (dropped > 0) {
      paintWindow?.reset(marks);
      repaint();
    }
    return dropped;
  }

  function clearFocus(): void {
    if (focusTimer !== undefined) clearTimeout(focusTimer);
    focusTimer = undefined;
    registry?.delete(HIGHLIGHT.focus);
  }

  return {
    add(added, options = {}) {
      if (added.length === 0) return;
      merge(options.inOrder ? [...added] : [...added].sort(byDocumentOrder));
      visibleCache.clear();
      paintAdded(added);
    },
    setHiddenEntities(next) {
      hidden = new Set(next);
      repaint();
    },
    visible(kind) {
      let list = visibleCache.get(kind);
      if (!list) {
        list = marks.filter((mark) => mark.kind === kind && isVisible(mark));
        visibleCache.set(kind, list);
      }
      return list;
    },
    all() {
      return marks;
    },
    prune: () => remove(isStale),
    remove,
    focus(range) {
      clearFocus();
      if (!registry || !Ctor) return;
      const highlight = new Ctor(range);
      highlight.priority = 3;
      registry.set(HIGHLIGHT.focus, highlight);
      focusTimer = setTimeout(clearFocus, focusMs);
    },
    clear() {
      marks = [];
      paintWindow?.destroy();
      paintWindow = undefined;
      visibleCache.clear();
      for (const highlight of painted.values()) highlight.clear();
      clearFocus();
    },
    destroy() {
      clearFocus();
      paintWindow?.destroy();
      paintWindow = undefined;
      for (const kind of painted.keys()) registry?.delete(HIGHLIGHT[kind]);
      painted.clear();
      marks = [];
    },
  };
}
