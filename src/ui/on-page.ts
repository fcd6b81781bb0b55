/**
 * "On this page": does an excerpt's wording appear in the page the reader is on? Quotes in the
 * knowledge base normalise whitespace, and pages differ in typography (curly quotes, dashes,
 * non-breaking spaces), so both sides are folded to one form before comparing.
 */

/** Folds text to a comparable form: NFKC, one space, straight quotes, plain dashes, lower case. */
export function foldText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u201A\u201B\u2032\u00B4`]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\u2026/g, '...')
    .replace(/[\u00AD\u200B-\u200D\u2060\uFEFF]/g, '')
    .replace(/\s+/g, ' ')
    .toLowerCase();
}

/**
 * Pieces of a quote between elisions (`...`, `[...]`), trimmed of quote marks and of closing
 * punctuation (a quoted sentence's full stop is often a comma on the page), empty ones dropped.
 */
function quoteParts(quote: string): string[] {
  return foldText(quote)
    .split(/\s*\[?\.\.\.\]?\s*/)
    .map((part) => part.replace(/^["'\s]+|["'\s.,;:!?]+$/g, ''))
    .filter((part) => part.length > 0);
}

/**
 * Finds quotes in one page text. Folds the page once; each lookup is a substring search.
 */
export function createOnPageIndex(pageText: string): { has(quote: string): boolean } {
  const page = foldText(pageText);
  const cache = new Map<string, boolean>();
  return {
    has(quote) {
      const cached = cache.get(quote);
      if (cached !== undefined) return cached;
      const parts = quoteParts(quote);
      // Very short fragments ("Yes.") would be found on many pages by chance.
      let found = parts.join(' ').length >= 12 && parts.length > 0;
      let from = 0;
      for (const part of parts) {
        if (!found) break;
        const at = page.indexOf(part, from);
        found = at >= 0;
        from = at + part.length;
      }
      cache.set(quote, found);
      return found;
    },
  };
}
