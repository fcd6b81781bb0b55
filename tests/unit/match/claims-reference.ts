/**
 * The sentence loop of findClaims as it was before it learned to jump between anchors: it
 * stops at every cue term that is not inside the sentence it looked at last, bounds that
 * sentence with a fresh backward walk and a fresh regex search, and evaluates it. Slow and
 * plain on purpose: it is the specification the fast loop must agree with, claim for claim
 * and offset for offset. The claim rules themselves (Evaluator) and the final bounds
 * (sentenceAt) are shared, so only the loop and the rough bounds are under test.
 */
import type { Spans } from '../../../src/match/spans.ts';
import type { Compiled } from '../../../src/match/compile.ts';
import { charFlags, INLINE_SPACE } from '../../../src/match/chars.ts';
import { viableClaims } from '../../../src/match/claims.ts';
import { Evaluator } from '../../../src/match/evaluate.ts';
import { REACH, sentenceAt, sentenceStartAfter, type Span } from '../../../src/match/sentences.ts';
import type { ClaimMatch } from '../../../src/match/types.ts';

function isSpace(cu: number): boolean {
  return (charFlags[cu]! & INLINE_SPACE) !== 0 || cu === 0x0a || cu === 0x0d;
}

function trim(text: string, start: number, end: number): Span {
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  return { start, end };
}

/** Rough sentence bounds: a cursor walked back from each offset, a search forward from it. */
class SlowRoughSentences {
  private start = 0;

  constructor(private readonly text: string) {}

  at(at: number): Span {
    const { text } = this;
    for (let i = at - 1, stop = Math.max(this.start, at - REACH); i >= stop; i--) {
      const next = sentenceStartAfter(text, i);
      if (next >= 0 && next <= at) {
        this.start = next;
        break;
      }
    }
    const ends = /[.!?\n。！？]/g;
    const ahead = text.slice(at, at + REACH);
    let end = Math.min(text.length, at + REACH);
    for (let m = ends.exec(ahead); m; m = ends.exec(ahead)) {
      const i = at + m.index;
      const next = sentenceStartAfter(text, i);
      if (next < 0) continue;
      end = m[0] === '\n' ? i : next;
      break;
    }
    return trim(text, Math.max(this.start, at - REACH), Math.min(end, at + REACH));
  }
}

/** What findClaims must return for the same arguments. */
export function referenceClaims(compiled: Compiled, text: string, found: Spans, hits: Spans, context: ReadonlySet<number>): ClaimMatch[] {
  const viable = viableClaims(compiled, found, hits, context);
  if (viable === null) return [];
  const evaluator = new Evaluator(compiled, text, found, hits, context, viable);
  const rough = new SlowRoughSentences(text);
  const matches: ClaimMatch[] = [];
  let covered = -1;
  for (let k = 0; k < hits.count; k++) {
    const at = hits.start[k]!;
    if (at < covered || compiled.cueTerm[hits.key[k]!] === 0) continue;
    const guess = rough.at(at);
    covered = guess.end;
    if (evaluator.evaluate(guess).length === 0) continue;
    const sentence = sentenceAt(text, at, guess);
    matches.push(...evaluator.evaluate(sentence));
    covered = sentence.end;
  }
  return matches;
}
