/**
 * The map from a text model's offsets back to DOM text nodes (see text-model.ts).
 *
 * The model's text is made of pieces in document order: a single text node, or a whole block
 * whose content is plain inline text (no block, skipped or hidden element inside), taken in
 * one `textContent` read. A block's text nodes are listed only when an offset in it is first
 * asked for: on a long page most blocks hold nothing to mark, and listing every node up front
 * cost more than reading the text.
 *
 * A block listed after the page changed it may no longer hold the text it was scanned with:
 * when its text nodes no longer add up to that length it maps nowhere (`locate` gives null),
 * as a stale mark should, rather than somewhere wrong. (An edit that keeps the length is a
 * change of a node's text, which the page watcher reports, and its marks are dropped.)
 */

import type { TextModel } from './text-model.ts';

const SHOW_TEXT = 4;
const TEXT_NODE = 3;

/** A block's text nodes, listed, with the [start, end) of each in the model's text. */
interface Listing {
  nodes: Text[];
  starts: number[];
  ends: number[];
}

/** A listing that failed: the block's text nodes no longer add up to the text scanned. */
const STALE: Listing = { nodes: [], starts: [], ends: [] };

/** A text model: its text, and its offsets mapped to text nodes through its pieces. */
export class PiecedTextModel implements TextModel {
  private readonly listings: Array<Listing | undefined> = [];

  /**
   * `pieces[i]` spans [starts[i], ends[i]) of `text`: a Text node spells exactly that; an
   * Element's descendant text nodes, joined, did when the text was built.
   */
  constructor(
    readonly text: string,
    private readonly pieces: ReadonlyArray<Text | Element>,
    private readonly starts: readonly number[],
    private readonly ends: readonly number[],
  ) {}

  pieceAt(start: number, end: number): Text | Element | null {
    if (this.pieces.length === 0 || !(start >= 0 && start < end && end <= this.text.length)) return null;
    const p = lastAtOrBefore(this.starts, start);
    // A start in the separator after piece p: the text begins with the next piece, if the range reaches it.
    if (start < this.ends[p]!) return this.pieces[p]!;
    return end > (this.starts[p + 1] ?? Infinity) ? this.pieces[p + 1]! : null;
  }

  forEachPiece(visit: (piece: Text | Element, start: number, end: number) => void): void {
    this.pieces.forEach((piece, p) => visit(piece, this.starts[p]!, this.ends[p]!));
  }

  locate(offset: number, bias: 'start' | 'end' = 'start'): { node: Text; offset: number } | null {
    const at = this.find(offset, bias);
    return at && { node: at.nodes[at.i]!, offset: clampTo(offset - at.starts[at.i]!, at.ends[at.i]! - at.starts[at.i]!) };
  }

  /**
   * The listing and index of the text node holding `offset` for the given bias, or null when
   * out of bounds or stale. In a separator (between two nodes) start bias picks the next node's
   * start and end bias the previous node's end; at a node boundary end bias prefers the earlier
   * node's end.
   */
  private find(offset: number, bias: 'start' | 'end'): (Listing & { i: number }) | null {
    if (this.pieces.length === 0 || !Number.isInteger(offset) || offset < 0 || offset > this.text.length) return null;
    let p = lastAtOrBefore(this.starts, offset);
    let at = this.listing(p);
    if (at.nodes.length === 0) return null;
    let i = lastAtOrBefore(at.starts, offset);
    const by = bias === 'end' ? (offset === at.starts[i] ? -1 : 0) : offset >= at.ends[i]! ? 1 : 0;
    if (by !== 0) {
      if (i + by >= 0 && i + by < at.nodes.length) i += by;
      else if ((p += by) >= 0 && p < this.pieces.length && this.listing(p).nodes.length > 0) {
        at = this.listing(p);
        i = by > 0 ? 0 : at.nodes.length - 1;
      }
    }
    return { ...at, i };
  }

  /** The text nodes of piece `p`, listed on first use. */
  private listing(p: number): Listing {
    const piece = this.pieces[p]!;
    return (this.listings[p] ??=
      piece.nodeType === TEXT_NODE ? { nodes: [piece as Text], starts: [this.starts[p]!], ends: [this.ends[p]!] } : list(piece as Element, this.starts[p]!, this.ends[p]!));
  }
}

/** The text nodes of a block spanning [from, to) of the text, or STALE if they no longer fill it. */
function list(block: Element, from: number, to: number): Listing {
  const listing: Listing = { nodes: [], starts: [], ends: [] };
  const walker = block.ownerDocument.createTreeWalker(block, SHOW_TEXT);
  let at = from;
  for (let node = walker.nextNode() as Text | null; node !== null; node = walker.nextNode() as Text | null) {
    // Lengths, not `data`: reading a node's string costs as much as the scan read it once.
    const length = node.length;
    if (length === 0) continue;
    if (at + length > to) return STALE;
    listing.nodes.push(node);
    listing.starts.push(at);
    listing.ends.push((at += length));
  }
  return at === to ? listing : STALE;
}

/** The last index whose value is <= `offset` (0 when none is). */
function lastAtOrBefore(values: readonly number[], offset: number): number {
  let a = 0;
  let b = values.length - 1;
  while (a < b) {
    const mid = (a + b + 1) >>> 1;
    if (values[mid]! <= offset) a = mid;
    else b = mid - 1;
  }
  return a;
}

function clampTo(value: number, max: number): number {
  return value < 0 ? 0 : value > max ? max : value;
}
