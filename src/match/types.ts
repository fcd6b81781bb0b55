/**
 * What the engine reports. Offsets are UTF-16 code unit offsets into the text it was given
 * (for pages: the text model's extracted text), `end` exclusive.
 */

export interface Mention {
  /** Entity id. */
  entity: string;
  /** The text as it appears on the page (`Huawei's` reports `Huawei`). */
  text: string;
  start: number;
  end: number;
}

export interface ClaimMatch {
  /** Claim id. */
  claim: string;
  /** The whole sentence. */
  text: string;
  start: number;
  end: number;
  /** Entity ids the sentence is about (named, or resolved from page context). */
  entities: string[];
  /** Why it matched: the cue terms found, as they appear in the text. */
  cues: string[];
}

export interface ScanResult {
  mentions: Mention[];
  claims: ClaimMatch[];
}

/** What the caller knows about the page beyond its text. */
export interface ScanContext {
  /**
   * The page title or headline: the companies it names count as what the page is about, so a
   * sentence saying "the Chinese vendor" can stand for them.
   */
  title?: string;
  /**
   * Entity ids already known to be what the page is about, e.g. when only blocks the page
   * added later are scanned and the most-mentioned company was counted over the whole page.
   * Added to what the engine works out itself (the title's companies, the text's most mentioned).
   */
  about?: string[];
}
