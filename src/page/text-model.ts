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
 */
import { classify, BLOCK_TAGS, type IsHidden } from './skip-rules.ts';

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
   * Extra visibility test per element, e.g. `el => !el.checkVisibility()` in the content script.
   * Called once for each element the rules keep (not per text node); a hidden element's
   * subtree is skipped. Leave it out where styles are unknown (the CLI).
   */
  isHidden?: IsHidden;
}

/** The string placed between blocks. */
export const BLOCK_SEPARATOR = '\n';

// Numeric DOM constants, so this runs where the NodeFilter/Node globals are absent (Node + happy-dom).
const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const DOCUMENT_NODE = 9;
const SHOW_ELEMENT = 0x1;
const SHOW_TEXT = 0x4;
const FILTER_ACCEPT = 1;
const FILTER_REJECT = 2;
const FILTER_SKIP = 3;

/**
 * Builds the text model of `root`: a Document, a whole page (`<html>`, `<body>`) or any subtree.
 * One TreeWalker pass; skipped elements are rejected with their whole subtree.
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
  // Set by the filter, which the walker calls on every element in document order before the
  // text inside it: a block, <br> or skipped block seen since the last text node.
  let pendingBreak = false;

  const filter = (node: Node): number => {
    if (node.nodeType !== ELEMENT_NODE) return FILTER_ACCEPT;
    const verdict = classify(node as Element, isHidden);
    if ((verdict & 1) !== 0) pendingBreak = true;
    return verdict >= 2 ? FILTER_REJECT : FILTER_SKIP;
  };
  const walker = doc.createTreeWalker(start, SHOW_ELEMENT | SHOW_TEXT, filter);

  let lastBlock: Node | null = null;
  let lastParent: Node | null = null;
  let lastParentBlock: Node | null = null;
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    const data = (node as Text).data;
    if (data.length === 0) continue;
    const parent = node.parentNode;
    // A block ended between two text nodes when their nearest block ancestors differ.
    if (parent !== lastParent) {
      lastParent = parent;
      lastParentBlock = blockOf(parent, start);
    }
    const atBoundary = pendingBreak || lastParentBlock !== lastBlock;
    if (atBoundary) {
      if (isBlank(data)) {
        pendingBreak = true;
        continue;
      }
      if (length > 0) {
        parts.push(BLOCK_SEPARATOR);
        length += BLOCK_SEPARATOR.length;
      }
      pendingBreak = false;
      lastBlock = lastParentBlock;
    }
    nodes.push(node as Text);
    starts.push(length);
    parts.push(data);
    length += data.length;
    ends.push(length);
  }
  return new DomTextModel(parts.join(''), nodes, starts, ends, doc);
}

/**
 * The element a whole-page scan starts from: the page's `<main>` (or `[role=main]`) when there
 * is one outermost main, else `<body>`.
 */
export function contentRoot(doc: Document): Element {
  const body = doc.body ?? doc.documentElement;
  const mains = doc.querySelectorAll('main, [role="main"]');
  const first = mains[0];
  if (first === undefined) return body;
  for (let i = 1; i < mains.length; i++) {
    const other = mains[i];
    if (other !== undefined && !first.contains(other)) return body;
  }
  return first;
}

/**
 * The text offset of a DOM point (e.g. from `caretPositionFromPoint`) in `model`, or null
 * when the node is not one of the model's text nodes.
 */
export function textOffsetOf(model: TextModel, node: Node, offset: number): number | null {
  const segments = model.segments;
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i];
    if (seg !== undefined && seg.node === node) {
      return Math.min(seg.start + Math.max(0, offset), seg.end);
    }
  }
  return null;
}

/** Where the walk starts, or null when `root` lies in skipped content. */
function scanStart(root: Node, isHidden: IsHidden | undefined): Node | null {
  if (root.nodeType === DOCUMENT_NODE) return contentRoot(root as Document);
  const doc = root.ownerDocument;
  if (doc !== null && (root === doc.body || root === doc.documentElement)) return contentRoot(doc);
  if (root.nodeType === TEXT_NODE && (root as Text).data.length === 0) return null;
  // A subtree counts only if a full scan would have walked into it.
  let first = true;
  for (let el = root.nodeType === ELEMENT_NODE ? (root as Element) : root.parentElement; el !== null; el = el.parentElement) {
    if (el === doc?.body || el === doc?.documentElement) break;
    if (classify(el, first ? isHidden : undefined) >= 2) return null;
    first = false;
  }
  if (doc !== null && root.isConnected) {
    const main = contentRoot(doc);
    if (main !== doc.body && !main.contains(root)) return null;
  }
  return root;
}

/** The nearest block element at or above `node`, stopping at the scan root. */
function blockOf(node: Node | null, stop: Node): Node | null {
  let n = node;
  while (n !== null && n !== stop && n.nodeType === ELEMENT_NODE && !BLOCK_TAGS.has((n as Element).localName)) {
    n = n.parentNode;
  }
  return n;
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
