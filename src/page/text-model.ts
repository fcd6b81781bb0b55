/**
 * The content text of a page as one string, with a map back to the DOM. The content script
 * and the CLI (over happy-dom) both build it; matching runs on `text`, and only the final
 * matches become DOM Ranges (their ends found with `locate`).
 *
 * What counts as content is decided in skip-rules.ts. Given a whole document (the Document,
 * `<html>` or `<body>`), the scan starts at the page's `<main>` when there is one and at
 * `<body>` otherwise; either way chrome inside is skipped by rule. It does not narrow to
 * `<article>`: pages put reader comments, live-blog entries and the headline beside it.
 *
 * Text between two blocks (or around a `<br>`, or a skipped block such as an `<aside>`) is
 * joined with one "\n" that belongs to no text node; inline elements join directly, so
 * `Deutsche <b>Telekom</b>` reads "Deutsche Telekom". Whitespace-only text nodes between blocks
 * (HTML source indentation) are left out; a block of inline text only is taken whole, so its
 * leading indentation stays (it only adds space before the first word).
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
import { BREAKS, classify, KEEP_INLINE, SKIPPED, type IsHidden, type Verdict } from './skip-rules.ts';
import { PiecedTextModel } from './text-map.ts';

/** The extracted content text of a page or subtree, and its map back to text nodes. */
export interface TextModel {
  /** The extracted content text. */
  readonly text: string;
  /** Text node + offset for a text offset (end-biased variant for range ends). */
  locate(offset: number, bias?: 'start' | 'end'): { node: Text; offset: number } | null;
  /**
   * What holds the first text of [start, end), found without listing text nodes: the text node,
   * or the block whose text was read whole. Null when the range covers no page text (a
   * separator) or is out of bounds.
   */
  pieceAt(start: number, end: number): Text | Element | null;
  /** Each text node taken alone and each block read whole, with the [start, end) of text it gave. */
  forEachPiece(visit: (piece: Text | Element, start: number, end: number) => void): void;
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
 *
 * Most blocks of an article (a paragraph with links and emphasis) hold only inline elements
 * the walk would join anyway. Such a block is read whole with one `textContent`, after a check
 * of its elements only, and its text nodes are listed when an offset in it is first needed
 * (text-map.ts): each node the walk visits costs a few DOM property reads, and on a 1 MB page
 * this took the model from 16-19 ms to about 6.
 */
export function buildTextModel(root: Node, options: TextModelOptions = {}): TextModel {
  const isHidden = options.isHidden;
  const start = scanStart(root, isHidden);
  if (start === null) return new PiecedTextModel('', [], [], []);
  if (start.nodeType === TEXT_NODE) {
    const t = start as Text;
    return new PiecedTextModel(t.data, [t], [0], [t.data.length]);
  }
  const whole = start.nodeType === ELEMENT_NODE ? inlineText(start as Element, isHidden) : null;
  if (whole !== null) return whole === '' ? new PiecedTextModel('', [], [], []) : new PiecedTextModel(whole, [start as Element], [0], [whole.length]);

  const parts: string[] = [];
  const pieces: Array<Text | Element> = [];
  const starts: number[] = [];
  const ends: number[] = [];
  let length = 0;
  // A block began or ended (or a <br> or skipped block sat) since the last text taken. Starts
  // true so that leading indentation is dropped.
  let pendingBreak = true;
  // The verdicts of the open elements between `start` and `node`, to know which ones we leave.
  const open: Verdict[] = [];
  const take = (piece: Text | Element, text: string): void => {
    if (pendingBreak) {
      if (length > 0) {
        parts.push(BLOCK_SEPARATOR);
        length += BLOCK_SEPARATOR.length;
      }
      pendingBreak = false;
    }
    pieces.push(piece);
    starts.push(length);
    parts.push(text);
    length += text.length;
    ends.push(length);
  };

  let node: Node | null = start.firstChild;
  while (node !== null) {
    const type = node.nodeType;
    if (type === TEXT_NODE) {
      const data = (node as Text).data;
      if (data.length !== 0 && !(pendingBreak && isBlank(data))) take(node as Text, data);
    } else if (type === ELEMENT_NODE) {
      const verdict = classify(node as Element, isHidden);
      if ((verdict & BREAKS) !== 0) pendingBreak = true;
      if ((verdict & SKIPPED) === 0) {
        const whole = verdict === KEEP_INLINE ? null : inlineText(node as Element, isHidden);
        if (whole === null) {
          const child: Node | null = node.firstChild;
          if (child !== null) {
            open.push(verdict);
            node = child;
            continue;
          }
        } else if (whole !== '') {
          take(node as Element, whole);
          pendingBreak = true;
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
  return new PiecedTextModel(parts.join(''), pieces, starts, ends);
}

/**
 * The text of `block` in one read, when the walk would take all of it joined: null when it
 * must be walked. That is when an element inside is not inline text, and when the text begins
 * with white space, which may be a blank node the walk would drop. Blank text gives ''.
 */
function inlineText(block: Element, isHidden: IsHidden | undefined): string | null {
  if (!inlineOnly(block, isHidden)) return null;
  const text = block.textContent ?? '';
  if (isBlank(text)) return '';
  return startsBlank(text) ? null : text;
}

/**
 * True when every element inside `block` is one the walk would join as inline text (verdict
 * KEEP_INLINE, visibility asked as the walk would) and none is nested deeper than
 * MAX_INLINE_DEPTH. Visits elements only, iteratively, and stops at the first that fails. The visibility
 * hook is asked only once the tags and attributes pass: a block that fails is walked, and the
 * walk asks again.
 */
function inlineOnly(block: Element, isHidden: IsHidden | undefined): boolean {
  stylable.length = 0;
  let depth = 1;
  let element: Element | null = block.firstElementChild;
  while (element !== null) {
    if (classify(element, noteStylable) !== KEEP_INLINE) return false;
    const child: Element | null = element.firstElementChild;
    if (child !== null) {
      if (++depth > MAX_INLINE_DEPTH) return false;
      element = child;
      continue;
    }
    let next: Element | null = element.nextElementSibling;
    while (next === null) {
      const parent: Element | null = element.parentElement;
      if (parent === block || parent === null) return visible(isHidden);
      depth--;
      element = parent;
      next = element.nextElementSibling;
    }
    element = next;
  }
  return visible(isHidden);
}

/**
 * Inline elements nested deeper than this are walked node by node: some DOMs (happy-dom, which
 * the CLI runs) read `textContent` recursively, and a hostile page can nest thousands deep.
 */
const MAX_INLINE_DEPTH = 64;

/** The elements of the block being checked that the visibility hook must be asked about. */
const stylable: Element[] = [];

/** Stands in for the visibility hook while tags and attributes are checked: notes and passes. */
function noteStylable(element: Element): boolean {
  stylable.push(element);
  return false;
}

/** True when the hook finds none of the noted elements hidden. */
function visible(isHidden: IsHidden | undefined): boolean {
  if (isHidden === undefined || stylable.length === 0) return true;
  const asked = stylable.splice(0);
  return !asked.some(isHidden);
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

/** True when `text` begins with ASCII white space (empty text does not). */
function startsBlank(text: string): boolean {
  const c = text.charCodeAt(0);
  return c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d || c === 0x0c;
}

/** True for text HTML would collapse away entirely (ASCII whitespace only). */
function isBlank(data: string): boolean {
  for (let i = 0; i < data.length; i++) {
    const c = data.charCodeAt(i);
    if (c !== 0x20 && c !== 0x0a && c !== 0x09 && c !== 0x0d && c !== 0x0c) return false;
  }
  return true;
}
