import { charFlags, fillByFlags, foldingUnits, foldUnit, IGNORABLE, INLINE_SPACE, UNSPACED, WORD } from './chars.ts';

// Module-local: tsx and bundlers may turn an imported binding into a getter call per access.
const flags = charFlags;
const SKIP = IGNORABLE;
const SPACE_FLAG = INLINE_SPACE;
/** The fixed classes the scan loop needs to know (see the constructor). */
const SPACE_CLASS = 1;
const IGNORE_CLASS = 2;
/** The other fixed classes: a letter or digit of a spaced script, and anything else. */
const IN_WORD_CLASS = 0;
const BREAK_CLASS = 3;
/** States this deep or deeper with at most one child are stored sparsely. */
const SPARSE_DEPTH = 3;

let fixed: Uint16Array | undefined;
/**
 * The class of every code unit in no pattern, the same for every automaton: inline spaces share
 * one class, invisible characters another, and the rest are letters or digits of a spaced script
 * (a pattern cannot start after one) or anything else (punctuation, newline, Han…). Made once,
 * by range fills over the flags' runs: a loop over all 65,536 code units would run in V8's
 * interpreter at load and cost milliseconds on every page.
 */
function fixedClasses(): Uint16Array {
  if (!fixed) {
    const byFlags: number[] = [];
    // Every combination of the four flags (chars.ts).
    for (let f = 0; f < 16; f++) byFlags.push(f & SPACE_FLAG ? SPACE_CLASS : f & SKIP ? IGNORE_CLASS : f & WORD && !(f & UNSPACED) ? IN_WORD_CLASS : BREAK_CLASS);
    fixed = new Uint16Array(0x10000);
    fillByFlags(fixed, byFlags);
  }
  return fixed;
}

/** Pattern occurrences: `patterns[i]` ends at `ends[i]`, for `i < count`. */
export interface Occurrences {
  patterns: Int32Array;
  ends: Int32Array;
  count: number;
  /**
   * Where a match under way first read a unit its pattern does not count (`to` when none
   * did): an invisible character, or a space after the first of a run. An occurrence that
   * ends at or before it spans exactly its pattern's length (see Automaton.lengths).
   */
  uncounted: number;
}

/**
 * An Aho-Corasick automaton over case-folded UTF-16 code units, compiled to a full transition
 * table in one typed array, so scanning costs one table load per code unit however many
 * patterns there are.
 *
 * Three rules are built into the table instead of the scan loop, so they cost nothing per char:
 * - a pattern that begins with a letter or digit of a spaced script only starts where a word
 *   starts: `zte` is never even tried inside `aztec`. There are two root states, "at a word
 *   start" and "inside a word", and failure links only fall back to suffixes that begin at a
 *   word start (or at a character of an unspaced script such as Han, where any position is a
 *   start). Whether a match also ends at a word end is for the caller (prefix terms, `'s`);
 * - a run of inline whitespace in the text matches the single space a pattern has between
 *   words (a state entered by a space loops on further spaces);
 * - invisible characters (soft hyphen, zero-width space/joiners) are skipped (every state loops
 *   on them), so `Hua\u00adwei` still reads `Huawei`.
 * Patterns are given folded, with single spaces between words and none at either end.
 */
export class Automaton {
  /** Number of character classes: the width of a table row. */
  readonly width: number;
  /** Number of states. */
  readonly states: number;
  private readonly classOf: Uint16Array;
  /**
   * Rows of the dense states. An entry codes the next state: `row * width` for a dense one,
   * `sparseBase + index` for a sparse one; bitwise-negated when that state has output, so a
   * step is one load and one sign test.
   */
  private readonly table: Int32Array;
  /** Codes at or above this are sparse states. */
  private readonly sparseBase: number;
  /**
   * Per sparse state `k`, at `4 * k`: the class of its one way on (-1: none), where it leads
   * (coded and flagged like a table entry), its failure state (coded), and 1 when it was
   * entered by a space (it loops on more spaces). Side by side, so a state cold in cache costs
   * one miss, not four.
   */
  private readonly sparse: Int32Array;
  /** Number of dense states: sparse state `k` has id `dense + k` in `out` and `dict`. */
  private readonly dense: number;
  /** Pattern ending in each state, or -1. */
  private readonly out: Int32Array;
  /** Nearest proper suffix state with output, or -1. */
  private readonly dict: Int32Array;
  /** Pattern lengths in normalised units (a space run counts as one). */
  readonly lengths: Int32Array;

  constructor(patterns: readonly string[]) {
    // Classes 0-3 are fixed (see fixedClasses); each character that occurs in a pattern gets its
    // own after them, and so does every code unit that folds to it (unless it is a space or
    // invisible: those keep their fixed class).
    const classOf = fixedClasses().slice();
    const own = new Uint16Array(0x10000);
    // Does a character of this class let a word-initial pattern start right after it?
    const opens = [0, 1, 0, 1];
    let width = 4;
    let total = 0;
    for (const p of patterns) {
      total += p.length;
      for (let i = 0; i < p.length; i++) {
        const c = p.charCodeAt(i);
        if (c === 0x20 || own[c] !== 0) continue;
        own[c] = width++;
        opens.push((flags[c]! & WORD) === 0 || (flags[c]! & UNSPACED) !== 0 ? 1 : 0);
        if (foldUnit(c) === c && !(flags[c]! & (SPACE_FLAG | SKIP))) classOf[c] = own[c];
      }
    }
    // The other code units that fold to a pattern character: the few that fold at all.
    for (const c of foldingUnits) {
      const cls = own[foldUnit(c)]!;
      if (cls !== 0 && !(flags[c]! & (SPACE_FLAG | SKIP))) classOf[c] = cls;
    }
    this.classOf = classOf;
    this.width = width;

    // State 0: at a word start (the trie root); state 1: inside a word, nothing under way.
    const max = total + 2;
    // A row of moves per state; in the trie, 0 is "no child" (the root is no one's child), which
    // spares filling the whole matrix with -1 (about 0.5 ms at load for the bundled data).
    const delta = new Int32Array(max * width);
    const out = new Int32Array(max).fill(-1);
    const lengths = new Int32Array(patterns.length);
    const viaSpace = new Uint8Array(max);
    const depth = new Int32Array(max);
    // Each state's children as a list (first child, next sibling; 0 ends it, as the root is no
    // one's child) and the class that leads to each: a state's row can then be its failure
    // state's row, copied, with only its children written over, instead of one step per class.
    const firstChild = new Int32Array(max);
    const sibling = new Int32Array(max);
    const via = new Int32Array(max);
    let states = 2;
    patterns.forEach((p, id) => {
      let s = 0;
      for (let i = 0; i < p.length; i++) {
        const cls = p.charCodeAt(i) === 0x20 ? SPACE_CLASS : classOf[p.charCodeAt(i)]!;
        let t = delta[s * width + cls]!;
        if (t === 0) {
          t = states++;
          delta[s * width + cls] = t;
          if (cls === SPACE_CLASS) viaSpace[t] = 1;
          depth[t] = depth[s]! + 1;
          via[t] = cls;
          sibling[t] = firstChild[s]!;
          firstChild[s] = t;
        }
        s = t;
      }
      if (out[s]! < 0) out[s] = id;
      lengths[id] = p.length;
    });

    // The two roots. From a word start: into the trie, or to a root by what the char opens.
    // Inside a word: only patterns that begin with a character that opens (Han, punctuation).
    const rootChild = delta.slice(0, width);
    for (let c = 0; c < width; c++) {
      const rest = opens[c] ? 0 : 1;
      delta[c] = rootChild[c]! > 0 ? rootChild[c]! : rest;
      delta[width + c] = rootChild[c]! > 0 && opens[c] ? rootChild[c]! : rest;
    }

    // Deep states with at most one way on (the tail of a long name) get no table row: a class
    // and a next state, else their failure state's move. A dictionary of 10,000 names is
    // mostly such tails; with a row each it would not fit in cache.
    const sparse = new Uint8Array(states);
    for (let st = 0; st < states; st++) sparse[st] = depth[st]! >= SPARSE_DEPTH && sibling[firstChild[st]!] === 0 ? 1 : 0;

    // Breadth-first: a state's failure state is shallower, so its row is final when we need it.
    const fail = new Int32Array(states);
    const dict = new Int32Array(states).fill(-1);
    const queue = new Int32Array(states);
    queue[0] = 0;
    queue[1] = 1;
    let tail = 2;
    for (let c = 0; c < width; c++) {
      const t = rootChild[c]!;
      if (t === 0) continue;
      // After one character, the only shorter candidate is the empty match at the next position.
      fail[t] = opens[c] ? 0 : 1;
      queue[tail++] = t;
    }
    // Where class `c` leads from `s`, once the rows of all shallower states are final: a sparse
    // state's row is never filled in (most states are sparse), so its way on is its one
    // child, else its failure state's move.
    const next = (s: number, c: number): number => {
      while (sparse[s] === 1) {
        const t = firstChild[s]!;
        if (t !== 0 && via[t] === c) return t;
        s = fail[s]!;
      }
      return delta[s * width + c]!;
    };
    for (let head = 2; head < tail; head++) {
      const s = queue[head]!;
      const row = s * width;
      const f = fail[s]!;
      if (sparse[s] === 0) {
        // Every class without a child goes where it goes from the failure state.
        if (sparse[f] === 0) delta.copyWithin(row, f * width, f * width + width);
        else for (let c = 0; c < width; c++) delta[row + c] = next(f, c);
      }
      for (let t = firstChild[s]!; t !== 0; t = sibling[t]!) {
        const c = via[t]!;
        const g = sparse[s] === 0 ? delta[row + c]! : next(f, c);
        delta[row + c] = t;
        fail[t] = g;
        dict[t] = out[g]! >= 0 ? g : dict[g]!;
        queue[tail++] = t;
      }
    }

    // Renumber breadth-first, table rows first: a scan spends most of its time near the root,
    // so the shallow rows, packed together, stay in cache.
    const id = new Int32Array(states);
    let dense = 0;
    for (let k = 0; k < states; k++) if (sparse[queue[k]!] === 0) id[queue[k]!] = dense++;
    let thin = 0;
    for (let k = 0; k < states; k++) if (sparse[queue[k]!] === 1) id[queue[k]!] = dense + thin++;
    const sparseBase = dense * width;
    // Each state's code (its row's offset, or sparseBase + its sparse index), and its code as
    // the target of a move: bitwise-negated when it has output.
    const code = new Int32Array(states);
    const move = new Int32Array(states);
    for (let st = 0; st < states; st++) {
      code[st] = sparse[st] === 1 ? sparseBase + id[st]! - dense : id[st]! * width;
      move[st] = out[st]! >= 0 || dict[st]! >= 0 ? ~code[st]! : code[st]!;
    }

    const table = new Int32Array(sparseBase);
    const sparseData = new Int32Array(4 * thin);
    const outById = new Int32Array(states);
    const dictById = new Int32Array(states);
    // In breadth-first order, so that a failure state's table row is written before the rows
    // copied from it.
    for (let k = 0; k < states; k++) {
      const st = queue[k]!;
      outById[id[st]!] = out[st]!;
      dictById[id[st]!] = dict[st]! < 0 ? -1 : id[dict[st]!]!;
      if (sparse[st] === 1) {
        const at = 4 * (id[st]! - dense);
        const t = firstChild[st]!;
        sparseData[at] = t === 0 ? -1 : via[t]!;
        sparseData[at + 1] = t === 0 ? 0 : move[t]!;
        sparseData[at + 2] = code[fail[st]!]!;
        sparseData[at + 3] = viaSpace[st]!;
        continue;
      }
      const row = code[st]!;
      const from = st * width;
      const f = fail[st]!;
      if (k < 2 || sparse[f] === 1) {
        for (let c = 0; c < width; c++) table[row + c] = move[delta[from + c]!]!;
      } else {
        // Every class this state has no child for moves as from the failure state: copy its
        // row and write the children over it. The loops it holds are this state's too (its
        // failure state ends with a space only if it does), and are rewritten below.
        table.copyWithin(row, code[f]!, code[f]! + width);
        for (let t = firstChild[st]!; t !== 0; t = sibling[t]!) table[row + via[t]!] = move[t]!;
      }
      // Loops carry the output flag, so that the scan notes where the first one was taken
      // (Occurrences.uncounted) without a test on its common path; it reports nothing there.
      table[row + IGNORE_CLASS] = ~row;
      if (viaSpace[st]) table[row + SPACE_CLASS] = ~row;
    }
    this.table = table;
    this.sparseBase = sparseBase;
    this.sparse = sparseData;
    this.dense = dense;
    this.out = outById;
    this.dict = dictById;
    this.states = states;
    this.lengths = lengths;
  }

  /**
   * Every occurrence of every pattern in `text[from, to)` (as if that were the whole text), in
   * order of `end`, as two parallel arrays (`count` entries used): collected in the loop rather
   * than reported through a callback, which keeps the loop small enough to stay fast.
   */
  scan(text: string, from = 0, to = text.length): Occurrences {
    let patterns = new Int32Array(256);
    let ends = new Int32Array(256);
    let count = 0;
    const push = (pattern: number, end: number): void => {
      if (count === patterns.length) {
        const grown = new Int32Array(count * 2);
        grown.set(patterns);
        patterns = grown;
        const grownEnds = new Int32Array(count * 2);
        grownEnds.set(ends);
        ends = grownEnds;
      }
      patterns[count] = pattern;
      ends[count++] = end;
    };
    const { table, classOf, out, dict, width, sparseBase, sparse, dense } = this;
    let off = 0;
    let uncounted = to;
    // A call, like push: the position then lives in the closure's context, not in the loop's
    // registers; as a plain local it made the loop about 4% slower in Chromium.
    const skip = (at: number): void => {
      if (uncounted === to) uncounted = at;
    };
    // Bounded by the text's length, with `to` checked apart: V8 then drops its bounds check on
    // charCodeAt, which made this loop about 8% faster in Chromium than `i < to`.
    for (let i = from, n = text.length; i < n; i++) {
      if (i === to) break;
      const cls = classOf[text.charCodeAt(i)]!;
      let v: number;
      if (off < sparseBase) {
        v = table[off + cls]!;
      } else {
        // A sparse state: its one way on, a loop, or its failure state's move (repeat).
        let k = (off - sparseBase) * 4;
        for (;;) {
          if (cls === sparse[k]) {
            v = sparse[k + 1]!;
            break;
          }
          if (cls === IGNORE_CLASS || (cls === SPACE_CLASS && sparse[k + 3] === 1)) {
            v = ~(sparseBase + k / 4);
            break;
          }
          const f = sparse[k + 2]!;
          if (f < sparseBase) {
            v = table[f + cls]!;
            break;
          }
          k = (f - sparseBase) * 4;
        }
      }
      if (v >= 0) {
        off = v;
        continue;
      }
      off = ~v;
      // A loop (no move on a space or an invisible character ends a pattern otherwise).
      if (cls === IGNORE_CLASS || cls === SPACE_CLASS) {
        skip(i);
        continue;
      }
      let s = off < sparseBase ? off / width : dense + off - sparseBase;
      if (out[s]! >= 0) push(out[s]!, i + 1);
      s = dict[s]!;
      while (s >= 0) {
        push(out[s]!, i + 1);
        s = dict[s]!;
      }
    }
    return { patterns, ends, count, uncounted };
  }

  /**
   * Where an occurrence of `pattern` ending at `end` starts, counting a space run as one unit.
   * It walks back over the very units the scan matched, so it never leaves the scanned range.
   */
  startOf(text: string, pattern: number, end: number): number {
    let left = this.lengths[pattern]!;
    let i = end;
    while (left > 0 && i > 0) {
      const f = flags[text.charCodeAt(--i)]!;
      if (f & SKIP) continue;
      left--;
      if (f & SPACE_FLAG) {
        while (i > 0 && flags[text.charCodeAt(i - 1)]! & (SPACE_FLAG | SKIP)) i--;
      }
    }
    return i;
  }
}
