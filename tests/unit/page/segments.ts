/**
 * Every text node of a text model with the [start, end) it spans in the model's text, listed
 * here from the model's pieces (a block read whole: its non-empty text nodes, in order). The
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
