/**
 * Which highlighted stretch of text is under the pointer? Highlights are not elements, so the
 * pointer never "enters" them: we ask the browser for the caret position at the point, binary
 * search the marks (kept in document order) with `Range.comparePoint`, and confirm with the
 * range's client rects so a pointer in the margin next to a line does not count.
 */

/** A DOM position. */
export interface Caret {
  node: Node;
  offset: number;
}

interface CaretDocument {
  caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
  caretRangeFromPoint?: (x: number, y: number) => Range | null;
}

/** The caret position at a viewport point: standard API first, WebKit/Blink's older one second. */
export function caretFromPoint(doc: Document, x: number, y: number): Caret | null {
  const d = doc as unknown as CaretDocument;
  if (typeof d.caretPositionFromPoint === 'function') {
    const position = d.caretPositionFromPoint.call(doc, x, y);
    return position ? { node: position.offsetNode, offset: position.offset } : null;
  }
  if (typeof d.caretRangeFromPoint === 'function') {
    const range = d.caretRangeFromPoint.call(doc, x, y);
    return range ? { node: range.startContainer, offset: range.startOffset } : null;
  }
  return null;
}

/** -1: caret before range, 0: inside (boundaries included), 1: after; null if not comparable. */
function compare(range: Range, caret: Caret): number | null {
  try {
    return range.comparePoint(caret.node, caret.offset);
  } catch {
    return null;
  }
}

/** Index of a mark whose range contains the caret, or -1. `items` must be in document order. */
export function searchByCaret<T extends { range: Range }>(items: readonly T[], caret: Caret): number {
  let lo = 0;
  let hi = items.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const item = items[mid];
    if (!item) return -1;
    const side = compare(item.range, caret);
    if (side === null) return -1;
    if (side === 0) return mid;
    if (side < 0) hi = mid - 1;
    else lo = mid + 1;
  }
  return -1;
}

/** Index of the first item that does not end before `caret` (items in document order), or -1. */
export function firstNotBefore<T extends { range: Range }>(items: readonly T[], caret: Caret): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const side = compare(items[mid]!.range, caret);
    if (side === null) return -1;
    // side 1: the caret is after this range, so the answer lies to the right.
    if (side > 0) lo = mid + 1;
    else hi = mid;
  }
  return lo < items.length ? lo : -1;
}

/** True if the point lies in one of the range's line boxes (with a pixel of slack). */
export function rangeContainsPoint(range: Range, x: number, y: number, slack = 1): boolean {
  for (const rect of Array.from(range.getClientRects())) {
    if (x >= rect.left - slack && x <= rect.right + slack && y >= rect.top - slack && y <= rect.bottom + slack) return true;
  }
  return false;
}

/**
 * The item under the viewport point, or null. Neighbours of the caret hit are checked too:
 * at the edge between two adjacent ranges the caret belongs to both.
 */
export function hitTest<T extends { range: Range }>(doc: Document, items: readonly T[], x: number, y: number): T | null {
  if (items.length === 0) return null;
  const caret = caretFromPoint(doc, x, y);
  if (caret) {
    const index = searchByCaret(items, caret);
    if (index >= 0) {
      for (const i of [index, index - 1, index + 1]) {
        const item = items[i];
        if (item && rangeContainsPoint(item.range, x, y)) return item;
      }
    }
    return null;
  }
  // No caret API (or the point is in an iframe / image): fall back to geometry.
  return items.find((item) => rangeContainsPoint(item.range, x, y)) ?? null;
}
