/**
 * Test views of a text model. Every text node with the [start, end) it spans in the model's
 * text, listed here from the model's pieces (a block read whole: its non-empty text nodes, in order). The
 * product never needs them all at once; the tests check each against the text.
 */
import type { TextModel } from '../../../src/page/text-model.ts';

export interface Segment {
  node: Text;
  start: number;
  end: number;
}

export function segmentsOf(model: TextModel): Segment[] {
  const segments: Segment[] = [];
  model.forEachPiece((piece, start, end) => {
    if (piece.nodeType === 3) {
      segments.push({ node: piece as Text, start, end });
      return;
    }
    const walker = piece.ownerDocument!.createTreeWalker(piece, 4);
    let at = start;
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      if (node.length === 0) continue;
      segments.push({ node, start: at, end: at + node.length });
      at += node.length;
    }
  });
  return segments;
}

/**
 * A DOM Range for [start, end) of the model's text, from `locate` (null when out of bounds): how
 * the tests see what a mark would cover. Both ends in one separator (the end before the start)
 * give an empty range where the next text begins.
 */
export function rangeOf(model: TextModel, start: number, end: number): Range | null {
  if (!(start <= end)) return null;
  const a = model.locate(start, 'start');
  const b = start === end ? a : model.locate(end, 'end');
  if (a === null || b === null) return null;
  const range = a.node.ownerDocument.createRange();
  range.setStart(a.node, a.offset);
  // Node.DOCUMENT_POSITION_FOLLOWING
  if (a.node === b.node || a.node.compareDocumentPosition(b.node) & 4) range.setEnd(b.node, b.offset);
  return range;
}
