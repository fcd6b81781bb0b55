import { foldString } from './chars.ts';

/** A word or phrase as the automaton sees it. */
export interface ParsedTerm {
  /** Folded, single spaces between words, none at the ends: the automaton pattern. */
  pattern: string;
  /** `intercept*`: the last word may continue (`intercepts`, `interception`). */
  prefix: boolean;
}

/**
 * Parses a cue or alias term: whitespace is collapsed to single spaces, letter case is folded
 * and a trailing `*` marks the last word as a prefix. Throws on a term with no text, so a data
 * mistake fails at build time, not silently on every page.
 */
export function parseTerm(raw: string, allowPrefix = true): ParsedTerm {
  let text = raw.replace(/\s+/gu, ' ').trim();
  let prefix = false;
  if (allowPrefix && text.endsWith('*')) {
    prefix = true;
    text = text.slice(0, -1).trimEnd();
  }
  if (!text) throw new Error(`empty term ${JSON.stringify(raw)}`);
  return { pattern: foldString(text), prefix };
}

/** The key two terms share when they match the same text the same way. */
export function termKey(t: ParsedTerm): string {
  return t.prefix ? `${t.pattern}*` : t.pattern;
}
