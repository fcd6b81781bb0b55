/**
 * Per-code-unit lookup tables, built once: what counts as a word character, which scripts are
 * written without spaces, which characters are inline whitespace, and a length-preserving case
 * fold. Tables, not regexes, because the scanner consults them for every code unit of a page.
 *
 * The tables are defined by the Unicode property regexes and `toLowerCase` below, but testing
 * all 65,536 code units against them took 12–17 ms at every load of the content script, on
 * every page. So the property part comes precomputed as ranges and fold runs from
 * unicode-data.ts (written by `npm run gen:unicode` from these same definitions) and is decoded
 * here with a few hundred range fills and the fold's identity (the one loop left, see
 * identity()); the special cases stay in code. The chars test checks, for every code unit, that
 * the decoded tables equal the definitions under the running Node.
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

/** What the properties cannot say; applied last, over whatever they gave. */
function applySpecialCases(flags: Uint8Array, fold: Uint16Array): void {
  // Lone halves of a surrogate pair: most astral characters in text are CJK extension
  // ideographs or emoji; treat them as unspaced word characters and let isWordAt look closer.
  // Their fold stays the identity.
  flags.fill(WORD | UNSPACED, 0xd800, 0xe000);
  for (const c of ignorable) flags[c] = IGNORABLE;
  for (const [from, to] of Object.entries(sameAs)) fold[Number(from)] = to;
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
  applySpecialCases(flags, fold);
  return { flags, fold };
}

/** The tables decoded from unicode-data.ts (see its header for the layout). */
function decodeTables(): { flags: Uint8Array; fold: Uint16Array } {
  const flags = new Uint8Array(0x10000);
  const fold = new Uint16Array(0x10000);
  identity(fold);
  for (let i = 0, c = 0; i < FLAG_RUNS.length; i += 2) {
    const end = c + FLAG_RUNS[i]!;
    const f = FLAG_RUNS[i + 1]!;
    if (f !== 0) flags.fill(f, c, end);
    c = end;
  }
  // Fold runs of (start gap, count, delta, stride): `count` code units from `start`, `stride`
  // apart, each folding to itself plus `delta`.
  for (let i = 0, start = 0; i < FOLD_RUNS.length; i += 4) {
    start += FOLD_RUNS[i]!;
    const count = FOLD_RUNS[i + 1]!;
    const delta = FOLD_RUNS[i + 2]!;
    const stride = FOLD_RUNS[i + 3]!;
    for (let k = 0, c = start; k < count; k++, c += stride) fold[c] = c + delta;
  }
  applySpecialCases(flags, fold);
  return { flags, fold };
}

/**
 * Fills `fold` with the identity, the one part no range can encode: 65,536 distinct values,
 * written two per 32-bit store (units 2k and 2k+1 on a little-endian host), eight stores per
 * turn. The cheapest form measured: runs once, so it never gets
 * optimized code, and every store and turn of the loop costs interpreter time.
 */
function identity(fold: Uint16Array): void {
  const w = new Int32Array(fold.buffer);
  for (let k = 0, x = 0x10000; k < 0x8000; k += 8, x += 0x100010) {
    w[k] = x;
    w[k + 1] = x + 0x20002;
    w[k + 2] = x + 0x40004;
    w[k + 3] = x + 0x60006;
    w[k + 4] = x + 0x80008;
    w[k + 5] = x + 0xa000a;
    w[k + 6] = x + 0xc000c;
    w[k + 7] = x + 0xe000e;
  }
  // A big-endian host (Node on s390x) would see each pair swapped: take the slow way there.
  if (fold[1] !== 1) for (let c = 0; c < 0x10000; c++) fold[c] = c;
}

const { flags, fold } = decodeTables();

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
  const { word, unspaced } = propertyRes();
  return word.test(ch) && !unspaced.test(ch);
}

/** Folds a whole string unit by unit (same length, same offsets). */
export function foldString(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) out += String.fromCharCode(fold[s.charCodeAt(i)]!);
  return out;
}
