import { charFlags, INLINE_SPACE, WORD } from './chars.ts';

// Module-local: bundlers may turn an imported binding into a getter call on every access.
const flags = charFlags;
const SPACE = INLINE_SPACE;
const LETTER = WORD;

/** A sentence as offsets into the text, without surrounding whitespace. */
export interface Span {
  start: number;
  end: number;
}

/** How far a window reaches either side of a hit: a sentence longer than this is cut. */
export const REACH = 1500;

// Intl.Segmenter's cost grows faster than linearly with the input in V8 (measured: 20 MB/s on
// 1 kB, under 2 MB/s on 100 kB), so it only ever sees a few sentences around a hit.
let segmenter: Intl.Segmenter | undefined;

// ICU as shipped in V8 applies no abbreviation suppressions: it splits "the U.S. Commerce
// Department" and "Mr. Smith". These endings do not end a sentence: initialisms (`U.S.`,
// `p.m.`) and the titles and short forms below.
const ABBREVIATIONS = new Set(
  'Mr Mrs Ms Dr Prof Sen Rep Gov Gen Lt Col Sgt Capt St Jr Sr Inc Co Corp Ltd No vs Jan Feb Mar Apr Aug Sep Sept Oct Nov Dec'.split(' '),
);

const TERMINATOR = /\p{Sentence_Terminal}/u;
const INTERIOR_BREAK = /[\p{Sentence_Terminal}\n\r\u0085\u2028\u2029]/u;
const CLOSERS = new Set(['"', "'", '”', '’', ')', ']', '»']);

// The functions below take the part of the text being scanned as [from, to) (by default all
// of it) and never read outside it: a part of a long text is judged as if it stood alone
// (Engine.prepare with a range).

/** Does the `.` just before `end` close an abbreviation? Written without a regex: it runs on every full stop. */
function endsAbbreviation(text: string, end: number, from: number): boolean {
  const dot = end - 1;
  let j = dot - 1;
  while (j >= from && flags[text.charCodeAt(j)]! & LETTER && dot - j <= 5) j--;
  const letters = dot - 1 - j;
  if (letters === 0 || letters > 4) return false;
  if (j >= from && flags[text.charCodeAt(j)]! & LETTER) return false;
  // `U.S.`: one letter, and a letter-dot before it.
  if (letters === 1 && j > from && text[j] === '.' && flags[text.charCodeAt(j - 1)]! & LETTER) return true;
  return ABBREVIATIONS.has(text.slice(j + 1, dot));
}

/**
 * If a sentence ends with the terminator at `i`, where the next one starts (after closing
 * quotes or brackets); -1 when it does not end there (no space follows, or an abbreviation).
 */
function endAfter(text: string, i: number, from: number, to: number): number {
  const c = text[i];
  if (c === '。' || c === '！' || c === '？') return i + 1;
  let j = i + 1;
  while (j < to && CLOSERS.has(text[j]!)) j++;
  if (j < to && !isSpace(text.charCodeAt(j))) return -1;
  return c === '.' && endsAbbreviation(text, i + 1, from) ? -1 : j;
}

/**
 * Where the next sentence starts if one ends with the character at `i` (a `\n` always ends
 * one), or -1 when none ends there: not a terminator, an abbreviation, no space after it.
 */
export function sentenceStartAfter(text: string, i: number, from = 0, to = text.length): number {
  const cu = text.charCodeAt(i);
  if (cu === 0x0a) return i + 1;
  if (cu === 0x2e || cu === 0x21 || cu === 0x3f || cu === 0x3002 || cu === 0xff01 || cu === 0xff1f) return endAfter(text, i, from, to);
  return -1;
}

function asciiLetter(cu: number): boolean {
  return (cu | 0x20) >= 0x61 && (cu | 0x20) <= 0x7a;
}

function isSpace(cu: number): boolean {
  return (flags[cu]! & SPACE) !== 0 || cu === 0x0a || cu === 0x0d;
}

function trim(text: string, start: number, end: number): Span {
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  return { start, end };
}

/**
 * Cheap sentence bounds for offsets asked in increasing order: from the last sentence end
 * before the offset (searched backwards, never past the previous answer) to the next one (a
 * native regex search over the whole text, remembered for the offsets after, so all the
 * forward searches together read the text at most once). A block separator (`\n`) always ends
 * a sentence. Good enough to rule a sentence out; `sentenceAt` has the final word.
 */
export class RoughSentences {
  private readonly ends = /[.!?\n。！？]/g;
  /** Where the sentence under the cursor starts. */
  private start: number;
  /** The forward search last ran from here ... */
  private searchedFrom = -1;
  /** ... and found the first sentence end at or after it at this terminator (text.length: none) ... */
  private endIndex = -1;
  /** ... which ends the sentence here (the newline itself, or past the closing quotes). */
  private endAt = -1;

  constructor(
    private readonly text: string,
    private readonly from = 0,
    private readonly to = text.length,
  ) {
    this.start = from;
  }

  /** The sentence containing `at`; `at` must not decrease between calls. */
  at(at: number): Span {
    const { text } = this;
    // Back from `at` to the cursor or the last sentence end, whichever is nearer: cue hits
    // are usually sparse, and walking every sentence between them would cost a pass.
    for (let i = at - 1, stop = Math.max(this.start, at - REACH); i >= stop; i--) {
      const cu = text.charCodeAt(i);
      if (cu !== 0x2e && cu !== 0x21 && cu !== 0x3f && cu !== 0x0a && cu < 0x3000) continue;
      const next = sentenceStartAfter(text, i, this.from, this.to);
      if (next >= 0 && next <= at) {
        this.start = next;
        break;
      }
    }
    if (at < this.searchedFrom || at > this.endIndex) this.searchForward(at);
    // Within REACH only: a "sentence" without terminators (a list, a table, a 1 MB line) is
    // looked at near `at` only.
    return trim(text, Math.max(this.start, at - REACH), Math.min(this.endAt, at + REACH));
  }

  /** The first sentence end at or after `from`: a terminator that ends a sentence there. */
  private searchForward(at: number): void {
    const { text, ends, to } = this;
    this.searchedFrom = at;
    this.endIndex = this.endAt = to;
    ends.lastIndex = at;
    for (let m = ends.exec(text); m && m.index < to; m = ends.exec(text)) {
      const i = m.index;
      const next = m[0] === '\n' ? i + 1 : endAfter(text, i, this.from, to);
      if (next < 0) continue;
      this.endIndex = i;
      this.endAt = m[0] === '\n' ? i : next;
      return;
    }
  }
}

/**
 * Could ICU break the rough sentence `text[from, to)` where sentenceAt would keep the break?
 * ICU breaks only after a terminator or at a paragraph separator. A full stop that ends a
 * known abbreviation and is followed by a space is no such place: ICU may break there ("the
 * U.S. Commerce Department"), but sentenceAt glues that break back, so the answer is the rough
 * sentence either way. Most claim sentences hold no other stop, and then ICU is not asked at
 * all: besides its own cost, the first Intl object in a renderer costs 11-22 ms to set up, on
 * every page whose own scripts have not made one.
 */
function mayBreak(text: string, from: number, to: number, textFrom: number): boolean {
  for (let i = from; i < to; i++) {
    const cu = text.charCodeAt(i);
    if (cu === 0x2e) {
      // ICU never breaks before a lowercase letter, closing quotes between or not (`U.S.’s`,
      // `huawei.com`: its rule SB8), nor between two letters (`U.S`: SB7). A stop is never the
      // last unit here (the caller leaves trailing stops out).
      let j = i + 1;
      while (j < to && CLOSERS.has(text[j]!)) j++;
      const next = text.charCodeAt(j);
      if (j < to && ((next >= 0x61 && next <= 0x7a) || (j === i + 1 && i > from && asciiLetter(next) && asciiLetter(text.charCodeAt(i - 1))))) continue;
      if (!isSpace(text.charCodeAt(i + 1)) || !endsAbbreviation(text, i + 1, textFrom)) return true;
    } else if (cu === 0x21 || cu === 0x3f || cu === 0x0a || cu === 0x0d || (cu >= 0x80 && (cu >> 10 === 0x36 || INTERIOR_BREAK.test(text[i]!)))) {
      // `!`, `?`, a line break, a non-ASCII terminator, or a high surrogate (the test above
      // sees one unit, so any character outside the BMP goes to ICU).
      return true;
    }
  }
  return false;
}

/**
 * The sentence containing offset `at`, as Intl.Segmenter sees it, with the known abbreviations
 * glued back together. It only sees the rough sentence (from RoughSentences), so sentences
 * never cross a block separator (`\n`). `textFrom` is where the scanned part of `text` starts.
 */
export function sentenceAt(text: string, at: number, rough: Span, textFrom = 0): Span {
  const { start: from, end: to } = rough;
  // ICU only breaks after a sentence terminator or a paragraph separator: with none before the
  // end, it would hand back the rough sentence whole, so skip the (slow) call.
  let last = to;
  while (last > from && (CLOSERS.has(text[last - 1]!) || TERMINATOR.test(text[last - 1]!))) last--;
  if (!mayBreak(text, from, last, textFrom)) return rough;
  segmenter ??= new Intl.Segmenter('en', { granularity: 'sentence' });
  let start = from;
  for (const piece of segmenter.segment(text.slice(from, to))) {
    const end = from + piece.index + piece.segment.length;
    const trimmedEnd = trim(text, start, end).end;
    if (end < to && endsAbbreviation(text, trimmedEnd, textFrom)) continue;
    if (end > at) return trim(text, start, end);
    start = end;
  }
  return trim(text, start, to);
}
