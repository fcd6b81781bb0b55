/**
 * Spans of text found by the automaton (company names or cue terms), as three parallel typed
 * arrays: a page yields tens of thousands of term hits, and one object each was a good part of
 * a scan's garbage-collection time.
 */
export class Spans {
  /** What span `i` stands for: an entity index (names) or a term id (cue terms). */
  key: Int32Array;
  start: Int32Array;
  end: Int32Array;
  /** Spans in use; the arrays are longer. */
  count = 0;

  constructor(capacity = 64) {
    this.key = new Int32Array(capacity);
    this.start = new Int32Array(capacity);
    this.end = new Int32Array(capacity);
  }

  push(key: number, start: number, end: number): void {
    if (this.count === this.key.length) this.grow();
    const i = this.count++;
    this.key[i] = key;
    this.start[i] = start;
    this.end[i] = end;
  }

  private grow(): void {
    const size = this.key.length * 2;
    const key = new Int32Array(size);
    const start = new Int32Array(size);
    const end = new Int32Array(size);
    key.set(this.key);
    start.set(this.start);
    end.set(this.end);
    this.key = key;
    this.start = start;
    this.end = end;
  }

  /** The spans of each list in turn, in a new list. */
  static concat(lists: readonly Spans[]): Spans {
    // One more than needed: a list of capacity 0 would never grow (grow() doubles it).
    const all = new Spans(lists.reduce((n, l) => n + l.count, 1));
    for (const { key, start, end, count } of lists) for (let i = 0; i < count; i++) all.push(key[i]!, start[i]!, end[i]!);
    return all;
  }

  /** The first span that starts at or after `at` (`count` when none); the spans must be sorted. */
  firstFrom(at: number): number {
    const { start } = this;
    let lo = 0;
    let hi = this.count;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (start[mid]! < at) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /**
   * Sorts by start, the longest first on a tie, keeping the order of equal spans (a stable
   * sort). The automaton reports spans in order of their ends, which for words that do not
   * overlap is already right; a name inside a longer one (`Kalomi Dorbar` in `Kalomi Dorbar
   * Group`) is out of place by a step or two. An insertion sort puts such near-sorted lists
   * right in linear time; a list far from sorted (never what the automaton gives) falls back
   * to a full sort, so it is never quadratic.
   */
  sort(): void {
    const { key, start, end, count } = this;
    let moves = 0;
    for (let i = 1; i < count; i++) {
      const k = key[i]!;
      const s = start[i]!;
      const e = end[i]!;
      let j = i - 1;
      if (start[j]! < s || (start[j] === s && end[j]! >= e)) continue;
      do {
        key[j + 1] = key[j]!;
        start[j + 1] = start[j]!;
        end[j + 1] = end[j]!;
        j--;
      } while (j >= 0 && (start[j]! > s || (start[j] === s && end[j]! < e)));
      key[j + 1] = k;
      start[j + 1] = s;
      end[j + 1] = e;
      moves += i - 1 - j;
      if (moves > 4 * count) {
        this.fullSort();
        return;
      }
    }
  }

  private fullSort(): void {
    const { key, start, end, count } = this;
    // The index breaks ties, so the order is total and the result is that of a stable sort.
    const order = Array.from({ length: count }, (_, i) => i).sort((a, b) => start[a]! - start[b]! || end[b]! - end[a]! || a - b);
    const k = key.slice(0, count);
    const s = start.slice(0, count);
    const e = end.slice(0, count);
    order.forEach((from, to) => {
      key[to] = k[from]!;
      start[to] = s[from]!;
      end[to] = e[from]!;
    });
  }
}
