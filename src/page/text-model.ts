/**
 * The content text of a page as one string, with a map back to the DOM. The content script
 * and the CLI (over happy-dom) both build it; matching runs on `text`, and only the final
 * matches become DOM Ranges (`toRange`).
 *
 * What counts as content is decided in skip-rules.ts. Given a whole document (the Document,
 * `<html>` or `<body>`), the scan starts at the page's `<main>` when there is one and at
 * `<body>` otherwise; either way chrome inside is skipped by rule. It does not narrow to
 * `<article>`: pages put reader comments, live-blog entries and the headline beside it.
 *
 * Text between two blocks (or around a `<br>`, or a skipped block such as an `<aside>`) is
 * joined with one "\n" that belongs to no text node; inline elements join directly, so
 * `Deutsche <b>Telekom</b>` reads "Deutsche Telekom". Whitespace-only text nodes at a block
 * boundary (HTML source indentation) are left out.
 *
 * Given a subtree (e.g. nodes a MutationObserver reported), the model covers that subtree only,
 * with its own `text` starting at offset 0: models are independent, offsets never refer to
 * another model's text. A subtree inside chrome (or outside the page's `<main>`) yields an
 * empty model, so a rescan of added nodes agrees with what a full scan would have taken.
 *
 * In happy-dom (the CLI, unit tests) load the page into the Window's own document
 * (`window.document.write(html)`), not a DOMParser document: happy-dom 21 gives every Range the
 * window's document as owner, so `setEnd` on a node of another document collapses the Range.
 */
import { BREAKS, classify, SKIPPED, type IsHidden, type Verdict } from './skip-rules.ts';

/** The extracted content text of a page or subtree, and its map back to text nodes. */
export interface TextModel {
  /** The extracted content text. */
  readonly text: string;
  /** Text node + offset for a text offset (end-biased variant for range ends). */
  locate(offset: number, bias?: 'start' | 'end'): { node: Text; offset: number } | null;
  /** A DOM Range for [start, end) of `text`; null when out of bounds. */
  toRange(start: number, end: number): Range | null;
  /** The text nodes in order with their start offsets in `text`. */
  readonly segments: ReadonlyArray<{ node: Text; start: number; end: number }>;
}

/** Options for {@link buildTextModel}. */
export interface TextModelOptions {
  /**
   * Extra visibility test, e.g. `el => !el.checkVisibility()` in the content script. Asked once
   * per element the rules keep that has a class, id or style attribute (what stylesheets hide
   * things by; a bare `<p>`, `<b>` or `<a href>` is not asked), never per text node; a hidden
   * element's subtree is skipped. Leave it out where styles are unknown (the CLI).
   */
  isHidden?: IsHidden;
}

/** The string placed between blocks. */
export const BLOCK_SEPARATOR = '\n';

// Numeric DOM constants, so this runs where the Node global is absent (Node.js + happy-dom).
const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const DOCUMENT_NODE = 9;

/**
 * Builds the text model of `root`: a Document, a whole page (`<html>`, `<body>`) or any subtree.
 * One pass in document order; a skipped element is passed over with its whole subtree.
 *
 * The pass walks firstChild/nextSibling by hand rather than through a TreeWalker with a
 * NodeFilter: in Chromium every call into a JS filter costs about a microsecond, and a
 * filtered walk of a page with 30,000 text nodes took 58 ms where a bare SHOW_TEXT walk took
 * 3 ms. By hand, a subtree is skipped by simply not descending into it.
 */
export function buildTextModel(root: Node, options: TextModelOptions = {}): TextModel {
  const isHidden = options.isHidden;
  const start = scanStart(root, isHidden);
  if (start === null) return new DomTextModel('', [], [], [], null);
  if (start.nodeType === TEXT_NODE) {
    const t = start as Text;
    return new DomTextModel(t.data, [t], [0], [t.data.length], t.ownerDocument);
  }
  const doc = start.ownerDocument ?? (start as Document);

  const parts: string[] = [];
  const nodes: Text[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  let length = 0;
  // A block began or ended (or a <br> or skipped block sat) since the last text taken. Starts
  // true so that leading indentation is dropped.
  let pendingBreak = true;
  // The verdicts of the open elements between `start` and `node`, to know which ones we leave.
  const open: Verdict[] = [];

  let node: Node | null = start.firstChild;
  while (node !== null) {
    const type = node.nodeType;
    if (type === TEXT_NODE) {
      const data = (node as Text).data;
      if (data.length !== 0 && !(pendingBreak && isBlank(data))) {
        if (pendingBreak) {
          if (length > 0) {
            parts.push(BLOCK_SEPARATOR);
            length += BLOCK_SEPARATOR.length;
          }
          pendingBreak = false;
        }
        nodes.push(node as Text);
        starts.push(length);
        parts.push(data);
        length += data.length;
        ends.push(length);
      }
    } else if (type === ELEMENT_NODE) {
      const verdict = classify(node as Element, isHidden);
      if ((verdict & BREAKS) !== 0) pendingBreak = true;
      if ((verdict & SKIPPED) === 0) {
        const child: Node | null = node.firstChild;
        if (child !== null) {
          open.push(verdict);
          node = child;
          continue;
        }
      }
    }
    // On to the next node after this subtree, closing the elements we climb out of.
    let next: Node | null = node.nextSibling;
    while (next === null) {
      const parent: Node | null = node.parentNode;
      if (parent === start || parent === null) break;
      if (((open.pop() ?? 0) & BREAKS) !== 0) pendingBreak = true;
      node = parent;
      next = node.nextSibling;
    }
    node = next;
  }
  return new DomTextModel(parts.join(''), nodes, starts, ends, doc);
}

/**
 * The element a whole-page scan starts from: the page's first visible `<main>`, else the first
 * `[role=main]`, else `<body>`. (HTML allows one visible `<main>`; the others must be hidden.)
 */
export function contentRoot(doc: Document): Element {
  // querySelector stops at the first hit, and <main> comes early; querySelectorAll, or an
  // attribute selector tried first, would visit the whole page on every scan of added nodes.
  return doc.querySelector('main:not([hidden])') ?? doc.querySelector('[role="main"]') ?? doc.body ?? doc.documentElement;
}

/**
 * The text offset of a DOM point (e.g. from `caretPositionFromPoint`) in `model`, or null
 * when the node is not one of the model's text nodes. The node index is built on first use.
 */
export function textOffsetOf(model: TextModel, node: Node, offset: number): number | null {
  let index = nodeIndexes.get(model);
  if (index === undefined) {
    index = new Map();
    for (const segment of model.segments) index.set(segment.node, segment);
    nodeIndexes.set(model, index);
  }
  const segment = index.get(node);
  if (segment === undefined) return null;
  return Math.min(segment.start + Math.max(0, offset), segment.end);
}

const nodeIndexes = new WeakMap<TextModel, Map<Node, { start: number; end: number }>>();

/** Where the walk starts, or null when `root` lies in skipped content. */
function scanStart(root: Node, isHidden: IsHidden | undefined): Node | null {
  if (root.nodeType === DOCUMENT_NODE) return contentRoot(root as Document);
  const doc = root.ownerDocument;
  if (doc !== null && (root === doc.body || root === doc.documentElement)) return contentRoot(doc);
  if (root.nodeType === TEXT_NODE && (root as Text).data.length === 0) return null;
  // A subtree counts only if a full scan would have walked into it. The visibility hook is
  // asked about the nearest element only: it answers for the ancestors too (checkVisibility).
  const nearest: Element | null = (root.nodeType === ELEMENT_NODE ? (root as Element) : root.parentElement) ?? null;
  for (let el = nearest; el !== null && el !== doc?.body && el !== doc?.documentElement; el = el.parentElement) {
    if ((classify(el, el === nearest ? isHidden : undefined) & SKIPPED) !== 0) return null;
  }
  if (doc !== null && root.isConnected) {
    const main = contentRoot(doc);
    if (main !== doc.body && !main.contains(root)) return null;
  }
  return root;
}

/** True for text HTML would collapse away entirely (ASCII whitespace only). */
function isBlank(data: string): boolean {
  for (let i = 0; i < data.length; i++) {
    const c = data.charCodeAt(i);
    if (c !== 0x20 && c !== 0x0a && c !== 0x09 && c !== 0x0d && c !== 0x0c) return false;
  }
  return true;
}

class DomTextModel implements TextModel {
  private segmentList: Array<{ node: Text; start: number; end: number }> | null = null;

  constructor(
    readonly text: string,
    private readonly nodes: readonly Text[],
    private readonly starts: readonly number[],
    private readonly ends: readonly number[],
    private readonly doc: Document | null,
  ) {}

  get segments(): ReadonlyArray<{ node: Text; start: number; end: number }> {
    // Built on first use: most scans only need `text` and a few `toRange` calls.
    if (this.segmentList === null) {
      const list: Array<{ node: Text; start: number; end: number }> = new Array(this.nodes.length);
      for (let i = 0; i < this.nodes.length; i++) {
        list[i] = { node: this.nodes[i]!, start: this.starts[i]!, end: this.ends[i]! };
      }
      this.segmentList = list;
    }
    return this.segmentList;
  }

  locate(offset: number, bias: 'start' | 'end' = 'start'): { node: Text; offset: number } | null {
    const i = this.find(offset, bias);
    if (i < 0) return null;
    return { node: this.nodes[i]!, offset: Math.min(Math.max(offset - this.starts[i]!, 0), this.ends[i]! - this.starts[i]!) };
  }

  toRange(start: number, end: number): Range | null {
    if (this.doc === null || !(start <= end)) return null;
    const a = this.find(start, 'start');
    const b = start === end ? a : this.find(end, 'end');
    if (a < 0 || b < 0) return null;
    const range = this.doc.createRange();
    const startNode = this.nodes[a]!;
    range.setStart(startNode, clampTo(start - this.starts[a]!, this.ends[a]! - this.starts[a]!));
    if (b < a) {
      // Both ends fall in one separator: an empty range where the next text begins.
      range.collapse(true);
    } else {
      range.setEnd(this.nodes[b]!, clampTo(end - this.starts[b]!, this.ends[b]! - this.starts[b]!));
    }
    return range;
  }

  /**
   * The segment holding `offset` for the given bias, or -1 when out of bounds. In a separator
   * (between two segments) start bias picks the next segment's start and end bias the previous
   * segment's end; at a segment boundary end bias prefers the earlier segment's end.
   */
  private find(offset: number, bias: 'start' | 'end'): number {
    const n = this.nodes.length;
    if (n === 0 || !Number.isInteger(offset) || offset < 0 || offset > this.text.length) return -1;
    const starts = this.starts;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    if (bias === 'end') return offset === starts[lo]! && lo > 0 ? lo - 1 : lo;
    return offset >= this.ends[lo]! && lo + 1 < n ? lo + 1 : lo;
  }
}

function clampTo(value: number, max: number): number {
  return value < 0 ? 0 : value > max ? max : value;
}
