/**
 * Per-code-unit lookup tables, built once: what counts as a word character, which scripts are
 * written without spaces, which characters are inline whitespace, and a length-preserving case
 * fold. Tables, not regexes, because the scanner consults them for every code unit of a page.
 */

/** Letters, marks and digits of any script: the inside of a word. */
export const WORD = 1;
/** Han, kana and the like: scripts written without spaces, so no word-boundary rule applies. */
export const UNSPACED = 2;
/** Spaces inside a line (space, tab, nbsp, ideographic space…); never `\n`, the block separator. */
export const INLINE_SPACE = 4;
/** Invisible characters that may sit inside a word (soft hyphen, zero-width space/joiners). */
export const IGNORABLE = 8;

const flags = new Uint8Array(0x10000);
const fold = new Uint16Array(0x10000);

const wordRe = /[\p{L}\p{M}\p{N}]/u;
const unspacedRe = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
const spaceRe = /[^\S\n\r\u2028\u2029\f\v]/u;
const ignorable = [0x00ad, 0x200b, 0x200c, 0x200d, 0x2060, 0xfeff];
// Typographic apostrophes and hyphens compare equal to their ASCII forms (`Huawei’s`, `Wi‑Fi`).
const sameAs: Record<number, number> = {
  0x2019: 0x27, 0x2018: 0x27, 0x02bc: 0x27, 0xff07: 0x27, 0x2010: 0x2d, 0x2011: 0x2d,
};

for (let c = 0; c < 0x10000; c++) {
  fold[c] = c;
  if (c >= 0xd800 && c <= 0xdfff) {
    // Lone halves of a surrogate pair: most astral characters in text are CJK extension
    // ideographs or emoji; treat them as unspaced word characters and let isWordAt look closer.
    flags[c] = WORD | UNSPACED;
    continue;
  }
  const ch = String.fromCharCode(c);
  let f = 0;
  if (wordRe.test(ch)) f |= WORD;
  if (unspacedRe.test(ch)) f |= UNSPACED;
  if (spaceRe.test(ch)) f |= INLINE_SPACE;
  flags[c] = f;
  const lower = ch.toLowerCase();
  // Only one-to-one folds: `İ` lowercases to two code units and would shift every offset.
  if (lower.length === 1) fold[c] = lower.charCodeAt(0);
}
for (const c of ignorable) flags[c] = IGNORABLE;
for (const [from, to] of Object.entries(sameAs)) fold[Number(from)] = to;

/** Character class flags of a UTF-16 code unit. */
export const charFlags: Readonly<Uint8Array> = flags;
/** Case fold of a UTF-16 code unit, always one code unit. */
export const foldUnit: Readonly<Uint16Array> = fold;

/**
 * Is the code point at `i` a word character that is not from an unspaced script? Offsets
 * outside the text are not. Surrogate pairs are decoded (rare, so the slow path is fine).
 */
export function isSpacedWordAt(text: string, i: number): boolean {
  if (i < 0 || i >= text.length) return false;
  const f = flags[text.charCodeAt(i)]!;
  if ((f & UNSPACED) === 0) return (f & WORD) !== 0;
  const cu = text.charCodeAt(i);
  if (cu < 0xd800 || cu > 0xdfff) return false;
  const start = cu >= 0xdc00 && i > 0 ? i - 1 : i;
  const cp = text.codePointAt(start) ?? cu;
  const ch = String.fromCodePoint(cp);
  return wordRe.test(ch) && !unspacedRe.test(ch);
}

/** Folds a whole string unit by unit (same length, same offsets). */
export function foldString(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) out += String.fromCharCode(fold[s.charCodeAt(i)]!);
  return out;
}
