/**
 * Where the hover card goes: below the hovered word if it fits, above it otherwise, never over
 * it, and always inside the viewport.
 */

export interface Box {
  top: number;
  left: number;
  width: number;
  height: number;
}

export interface CardPlacement {
  top: number;
  left: number;
  /** The card's height is capped to the space on its side, so it cannot spill over the word. */
  maxHeight: number;
  side: 'below' | 'above';
}

/** Margin kept from the viewport edges and from the word, in CSS pixels. */
const MARGIN = 8;

/** Places a card of `card` size next to the `anchor` rect within a viewport of `vw` x `vh`. */
export function placeCard(anchor: Box, card: { width: number; height: number }, vw: number, vh: number): CardPlacement {
  const below = vh - (anchor.top + anchor.height) - 2 * MARGIN;
  const above = anchor.top - 2 * MARGIN;
  const side = card.height <= below || below >= above ? 'below' : 'above';
  const room = Math.max(0, side === 'below' ? below : above);
  const height = Math.min(card.height, room);
  const top = side === 'below' ? anchor.top + anchor.height + MARGIN : anchor.top - MARGIN - height;
  const width = Math.min(card.width, vw - 2 * MARGIN);
  const left = Math.min(Math.max(MARGIN, anchor.left), Math.max(MARGIN, vw - width - MARGIN));
  return { top, left, maxHeight: room, side };
}
