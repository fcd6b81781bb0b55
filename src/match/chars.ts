/**
 * Per-code-unit lookup tables, built once: what counts as a word character, which scripts are
 * written without spaces, which characters are inline whitespace, and a length-preserving case
 * fold. Tables, not regexes, because the scanner consults them for every code unit of a page.
 *
 * The tables are defined by the Unicode property regexes and `toLowerCase` below, but testing
 * all 65,536 code units against them took 12–17 ms at every load of the content script, on
 * every page. So the property part comes precomputed as ranges and fold runs from
 * unicode-data.ts (written by `npm run gen:unicode` from these same definitions) and is decoded
 * here with a few hundred range fills and about 1,200 fold stores; the special cases stay in
 * code. No load-time code walks all 65,536 code units: in the page it runs once, in V8's
 * interpreter, where such a loop costs milliseconds. The chars test checks, for every code
 * unit, that the decoded tables equal the definitions under the running Node.
 */
import { FLAG_RUNS, FOLD_RUNS } from './unicode-data.ts';

/** Letters, marks and digits of any script: the inside of a word. */
export const WORD = 1;
/** Han, kana and the like: scripts written without spaces, so no word-boundary rule applies. */
export const UNSPACED = 2;
/** Spaces inside a line (space, tab, nbsp, ideographic space…); never `\n`, the block separator. */
export const INLINE_SPACE = 4;
/** Invisible characters that may sit inside a word (soft hyphen, zero-width space/joiners). */
export const IGNORABLE = 8;

/** The property regexes that define the tables (see propertyFlags). */
interface PropertyRes {
  word: RegExp;
  unspaced: RegExp;
  space: RegExp;
}
let res: PropertyRes | undefined;
// Built on first use, not as literals: V8 checks a regex literal when it parses the module,
// and for these property classes that alone cost about 0.5 ms each at every load. Only
// the generator, the tests and astral characters (isSpacedWordAt) need them.
function propertyRes(): PropertyRes {
  return (res ??= {
    word: new RegExp(String.raw`[\p{L}\p{M}\p{N}]`, 'u'),
    unspaced: new RegExp(String.raw`[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]`, 'u'),
    space: new RegExp(String.raw`[^\S\n\r\u2028\u2029\f\v]`, 'u'),
  });
}
const ignorable = [0x00ad, 0x200b, 0x200c, 0x200d, 0x2060, 0xfeff];
// Typographic apostrophes and hyphens compare equal to their ASCII forms (`Huawei’s`, `Wi‑Fi`).
const sameAs: Record<number, number> = {
  0x2019: 0x27, 0x2018: 0x27, 0x02bc: 0x27, 0xff07: 0x27, 0x2010: 0x2d, 0x2011: 0x2d,
};

/**
 * The flags Unicode properties give one BMP code unit, before the special cases. The definition
 * that unicode-data.ts is generated from (and checked against); not used at load.
 */
export function propertyFlags(c: number): number {
  const ch = String.fromCharCode(c);
  const { word, unspaced, space } = propertyRes();
  let f = 0;
  if (word.test(ch)) f |= WORD;
  if (unspaced.test(ch)) f |= UNSPACED;
  if (space.test(ch)) f |= INLINE_SPACE;
  return f;
}

/**
 * The case fold `toLowerCase` gives one BMP code unit, before the special cases. The definition
 * that unicode-data.ts is generated from (and checked against); not used at load.
 */
export function propertyFold(c: number): number {
  const lower = String.fromCharCode(c).toLowerCase();
  // Only one-to-one folds: `İ` lowercases to two code units and would shift every offset.
  return lower.length === 1 ? lower.charCodeAt(0) : c;
}

/**
 * What the properties cannot say about the flags, applied last over whatever they gave, to a
 * table of `valueOf(flags)`: the flags table itself, or a table derived from it.
 */
function applySpecialFlags(table: Uint8Array | Uint16Array, valueOf: (flags: number) => number): void {
  // Lone halves of a surrogate pair: most astral characters in text are CJK extension
  // ideographs or emoji; treat them as unspaced word characters and let isWordAt look closer.
  // Their fold stays the identity.
  table.fill(valueOf(WORD | UNSPACED), 0xd800, 0xe000);
  const ignore = valueOf(IGNORABLE);
  for (const c of ignorable) table[c] = ignore;
}

/**
 * The tables computed the slow way, straight from the definitions (about 15 ms): what the
 * generator encodes and the drift test compares the decoded tables with.
 */
export function tablesFromProperties(): { flags: Uint8Array; fold: Uint16Array } {
  const flags = new Uint8Array(0x10000);
  const fold = new Uint16Array(0x10000);
  for (let c = 0; c < 0x10000; c++) {
    if (c >= 0xd800 && c <= 0xdfff) {
      fold[c] = c;
      continue;
    }
    flags[c] = propertyFlags(c);
    fold[c] = propertyFold(c);
  }
  applySpecialFlags(flags, (f) => f);
  for (const [from, to] of Object.entries(sameAs)) fold[Number(from)] = to;
  return { flags, fold };
}

/**
 * Writes `values[flags]` (by default the flags themselves) for every code unit, by the flags'
 * runs: the few hundred range fills that decode the flags table itself, so that a table keyed by
 * what the flags say (the automaton's character classes) needs no loop over 65,536 code units
 * either. A lookup, not a callback: a call per run measurably slows this load-time loop.
 */
export function fillByFlags(table: Uint8Array | Uint16Array, values?: readonly number[]): void {
  for (let i = 0, c = 0; i < FLAG_RUNS.length; i += 2) {
    const end = c + FLAG_RUNS[i]!;
    const value = values ? values[FLAG_RUNS[i + 1]!]! : FLAG_RUNS[i + 1]!;
    if (value !== 0) table.fill(value, c, end);
    c = end;
  }
  applySpecialFlags(table, (f) => (values ? values[f]! : f));
}

/**
 * The flags and the fold decoded from unicode-data.ts (see its header for the layout). The fold
 * table holds 0 for a code unit that folds to itself (no unit folds to U+0000): an absolute
 * table would need the identity written for all 65,536 units, the one part no range fill can
 * encode, and that loop alone cost about 2 ms at every load.
 */
function decodeTables(): { flags: Uint8Array; foldTo: Uint16Array; folding: Uint16Array } {
  const flags = new Uint8Array(0x10000);
  fillByFlags(flags);
  const foldTo = new Uint16Array(0x10000);
  const units: number[] = [];
  // Fold runs of (start gap, count, delta, stride): `count` code units from `start`, `stride`
  // apart, each folding to itself plus `delta`.
  for (let i = 0, start = 0; i < FOLD_RUNS.length; i += 4) {
    start += FOLD_RUNS[i]!;
    const count = FOLD_RUNS[i + 1]!;
    const delta = FOLD_RUNS[i + 2]!;
    const stride = FOLD_RUNS[i + 3]!;
    for (let k = 0, c = start; k < count; k++, c += stride) {
      foldTo[c] = c + delta;
      units.push(c);
    }
  }
  for (const [from, to] of Object.entries(sameAs)) {
    if (foldTo[Number(from)] === 0) units.push(Number(from));
    foldTo[Number(from)] = to;
  }
  return { flags, foldTo, folding: Uint16Array.from(units) };
}

const { flags, foldTo, folding } = decodeTables();

/** Character class flags of a UTF-16 code unit. */
export const charFlags: Readonly<Uint8Array> = flags;

/** Case fold of a UTF-16 code unit, always one code unit. */
export function foldUnit(c: number): number {
  return foldTo[c] || c;
}

/**
 * Every code unit that folds to another one (about 1,200 of them), in no particular order:
 * with the identity for all others, that is the whole fold, for code that would otherwise
 * look at all 65,536 units (the automaton's classes).
 */
export const foldingUnits: Readonly<Uint16Array> = folding;

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
  const { word, unspaced } = propertyRes();
  return word.test(ch) && !unspaced.test(ch);
}

/** Folds a whole string unit by unit (same length, same offsets). */
export function foldString(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) out += String.fromCharCode(foldUnit(s.charCodeAt(i)));
  return out;
}
