/**
 * The props contract between the overlay controller and the Preact components: plain data in,
 * callbacks out. Components never reach the page, the settings store or the browser API.
 */
import type { ExcerptKind } from '../knowledge/types.ts';

/** Something the sidebar can open at, or the page can show. */
export interface Target {
  type: 'company' | 'claim';
  id: string;
}

/** The occurrence "Show on page" went to last: the `index`-th (from 1) of `total`. */
export interface ShownState extends Target {
  index: number;
  total: number;
}

/** The hover card's state: which company, and the hovered word's box in viewport pixels. */
export interface CardState {
  entity: string;
  anchor: { top: number; left: number; width: number; height: number };
  /**
   * The page element that had the keyboard focus when the keyboard opened the card (a link
   * that holds the name): Tab from it goes into the card, and out of the card comes back to it.
   */
  origin?: Element | null;
}

/** What the reader can do in the overlay. */
export interface OverlayActions {
  openSidebar(target?: Target): void;
  closeSidebar(): void;
  closeCard(): void;
  /** The pointer entered (true) or left (false) the card. */
  cardHover(inside: boolean): void;
  showOnPage(target: Target): void;
  setOutletVisible(outlet: string, visible: boolean): void;
  setKindsVisible(kinds: readonly ExcerptKind[], visible: boolean): void;
  setEntityVisible(entity: string, visible: boolean): void;
}
