import { charFlags, foldUnit, IGNORABLE, INLINE_SPACE } from './chars.ts';

// Module-local: tsx and bundlers may turn an imported binding into a getter call per access.
const flags = charFlags;
const SKIP = IGNORABLE;
const SPACE_FLAG = INLINE_SPACE;

/**
 * An Aho-Corasick automaton over case-folded UTF-16 code units, compiled to a full transition
 * table in one typed array, so scanning costs one table load per code unit however many
 * patterns there are.
 *
 * Two rules are built into the table instead of the scan loop, so they cost nothing per char:
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
  /** `next * width`, bitwise-negated when the next state has output: one load, one sign test. */
  private readonly table: Int32Array;
  /** Pattern ending in each state, or -1. */
  private readonly out: Int32Array;
  /** Nearest proper suffix state with output, or -1. */
  private readonly dict: Int32Array;
  /** Pattern lengths in normalised units (a space run counts as one). */
  readonly lengths: Int32Array;

  constructor(patterns: readonly string[]) {
    const SPACE = 1;
    const IGNORE = 2;
    const classOf = new Uint16Array(0x10000);
    let width = 3; // 0: in no pattern, 1: space, 2: ignorable
    let total = 0;
    for (const p of patterns) {
      total += p.length;
      for (let i = 0; i < p.length; i++) {
        const c = p.charCodeAt(i);
        if (c !== 0x20 && classOf[c] === 0) classOf[c] = width++;
      }
    }
    // Every code unit takes the class of its fold; all inline spaces share one class.
    for (let c = 0; c < 0x10000; c++) {
      const f = charFlags[c]!;
      if (f & INLINE_SPACE) classOf[c] = SPACE;
      else if (f & IGNORABLE) classOf[c] = IGNORE;
      else if (foldUnit[c] !== c) classOf[c] = classOf[foldUnit[c]!]!;
    }
    this.classOf = classOf;
    this.width = width;

    const max = total + 1;
    const delta = new Int32Array(max * width).fill(-1);
    const out = new Int32Array(max).fill(-1);
    const lengths = new Int32Array(patterns.length);
    const viaSpace = new Uint8Array(max);
    let states = 1;
    patterns.forEach((p, id) => {
      let s = 0;
      for (let i = 0; i < p.length; i++) {
        const cls = p.charCodeAt(i) === 0x20 ? SPACE : classOf[p.charCodeAt(i)]!;
        let t = delta[s * width + cls]!;
        if (t < 0) {
          t = states++;
          delta[s * width + cls] = t;
          if (cls === SPACE) viaSpace[t] = 1;
        }
        s = t;
      }
      if (out[s]! < 0) out[s] = id;
      lengths[id] = p.length;
    });

    // Breadth-first: a state's failure state is shallower, so its row is final when we need it.
    const fail = new Int32Array(states);
    const dict = new Int32Array(states).fill(-1);
    const queue = new Int32Array(states);
    let head = 0;
    let tail = 1;
    while (head < tail) {
      const s = queue[head++]!;
      const row = s * width;
      const failRow = fail[s]! * width;
      for (let c = 0; c < width; c++) {
        const t = delta[row + c]!;
        if (t >= 0 && !(s === 0 && c === SPACE)) {
          const f = s === 0 ? 0 : delta[failRow + c]!;
          fail[t] = f;
          dict[t] = out[f]! >= 0 ? f : dict[f]!;
          queue[tail++] = t;
        } else {
          delta[row + c] = s === 0 ? 0 : delta[failRow + c]!;
        }
      }
    }

    // Renumber states breadth-first: a scan spends most of its time near the root, so the
    // shallow rows, packed together, stay in cache even with tens of thousands of patterns.
    const rank = new Int32Array(states);
    for (let k = 0; k < states; k++) rank[queue[k]!] = k;
    const table = new Int32Array(states * width);
    const outByRank = new Int32Array(states);
    const dictByRank = new Int32Array(states);
    for (let s = 0; s < states; s++) {
      const r = rank[s]!;
      outByRank[r] = out[s]!;
      dictByRank[r] = dict[s]! < 0 ? -1 : rank[dict[s]!]!;
      for (let c = 0; c < width; c++) {
        const t = delta[s * width + c]!;
        const next = rank[t]! * width;
        table[r * width + c] = out[t]! >= 0 || dict[t]! >= 0 ? ~next : next;
      }
      // Loops carry no output flag: staying in a state must not report its match twice.
      table[r * width + IGNORE] = r * width;
      if (viaSpace[s]) table[r * width + SPACE] = r * width;
    }
    this.table = table;
    this.out = outByRank;
    this.dict = dictByRank;
    this.states = states;
    this.lengths = lengths;
  }

  /** Calls `onMatch(pattern, end)` for every occurrence of every pattern, in order of `end`. */
  scan(text: string, onMatch: (pattern: number, end: number) => void): void {
    const { table, classOf, out, dict, width } = this;
    let off = 0;
    for (let i = 0, n = text.length; i < n; i++) {
      const v = table[off + classOf[text.charCodeAt(i)]!]!;
      if (v >= 0) {
        off = v;
        continue;
      }
      off = ~v;
      let s = off / width;
      if (out[s]! >= 0) onMatch(out[s]!, i + 1);
      s = dict[s]!;
      while (s >= 0) {
        onMatch(out[s]!, i + 1);
        s = dict[s]!;
      }
    }
  }

  /** Where an occurrence of `pattern` ending at `end` starts, counting a space run as one unit. */
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
