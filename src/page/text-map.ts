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

/** One text node of the model and the [start, end) it spans in the model's text. */
export interface Segment {
  node: Text;
  start: number;
  end: number;
}

const SHOW_TEXT = 4;
const TEXT_NODE = 3;

/** A block's text nodes, listed, with their start offsets in the model's text. */
interface Listing {
  nodes: Text[];
  starts: number[];
  ends: number[];
}

/** A listing that failed: the block's text nodes no longer add up to the text scanned. */
const STALE: Listing = { nodes: [], starts: [], ends: [] };

/** A segment found by offset: piece index and index in that piece's listing. */
type At = readonly [piece: number, index: number];

/** Offsets to text nodes for the pieces of one text model. */
export class TextMap {
  private readonly listings: Array<Listing | undefined>;

  /**
   * `pieces[i]` spans [starts[i], ends[i]) of a text `length` long: a Text node spells exactly
   * that; an Element's descendant text nodes, joined, did when the text was built.
   */
  constructor(
    private readonly length: number,
    private readonly pieces: ReadonlyArray<Text | Element>,
    private readonly starts: readonly number[],
    private readonly ends: readonly number[],
  ) {
    this.listings = new Array<Listing | undefined>(pieces.length);
  }

  /** Every segment in order (listing every block). */
  segments(): Segment[] {
    const list: Segment[] = [];
    for (let p = 0; p < this.pieces.length; p++) {
      const listing = this.listing(p);
      for (let i = 0; i < listing.nodes.length; i++) list.push({ node: listing.nodes[i]!, start: listing.starts[i]!, end: listing.ends[i]! });
    }
    return list;
  }

  /**
   * The segment holding `offset` for the given bias, or null when out of bounds or stale. In a
   * separator (between two segments) start bias picks the next segment's start and end bias the
   * previous segment's end; at a segment boundary end bias prefers the earlier segment's end.
   */
  find(offset: number, bias: 'start' | 'end'): Segment | null {
    const n = this.pieces.length;
    if (n === 0 || !Number.isInteger(offset) || offset < 0 || offset > this.length) return null;
    const piece = lastAtOrBefore(this.starts, 0, n, offset);
    const listing = this.listing(piece);
    if (listing.nodes.length === 0) return null;
    let at: At = [piece, lastAtOrBefore(listing.starts, 0, listing.nodes.length, offset)];
    const here = this.segment(at);
    if (bias === 'end') {
      if (offset === here.start) at = this.step(at, -1) ?? at;
    } else if (offset >= here.end) {
      at = this.step(at, 1) ?? at;
    }
    return this.segment(at);
  }

  private segment([piece, index]: At): Segment {
    const listing = this.listing(piece);
    return { node: listing.nodes[index]!, start: listing.starts[index]!, end: listing.ends[index]! };
  }

  /** The segment before (-1) or after (1) `at`, across pieces; null at either end or a stale piece. */
  private step([piece, index]: At, by: -1 | 1): At | null {
    const next = index + by;
    if (next >= 0 && next < this.listing(piece).nodes.length) return [piece, next];
    const neighbour = piece + by;
    if (neighbour < 0 || neighbour >= this.pieces.length) return null;
    const count = this.listing(neighbour).nodes.length;
    if (count === 0) return null;
    return [neighbour, by === 1 ? 0 : count - 1];
  }

  /** The text nodes of piece `p`, listed on first use. */
  private listing(p: number): Listing {
    let listing = this.listings[p];
    if (listing === undefined) {
      const piece = this.pieces[p]!;
      listing =
        piece.nodeType === TEXT_NODE
          ? { nodes: [piece as Text], starts: [this.starts[p]!], ends: [this.ends[p]!] }
          : this.list(piece as Element, this.starts[p]!, this.ends[p]!);
      this.listings[p] = listing;
    }
    return listing;
  }

  /** The text nodes of a block piece spanning [from, to), or STALE if they no longer fill it. */
  private list(block: Element, from: number, to: number): Listing {
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
      at += length;
      listing.ends.push(at);
    }
    return at === to ? listing : STALE;
  }
}

/** The last index in [lo, hi) whose value is <= `offset` (lo when none is). */
function lastAtOrBefore(values: readonly number[], lo: number, hi: number, offset: number): number {
  let a = lo;
  let b = hi - 1;
  while (a < b) {
    const mid = (a + b + 1) >>> 1;
    if (values[mid]! <= offset) a = mid;
    else b = mid - 1;
  }
  return a;
}
