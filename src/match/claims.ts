import type { ClaimMatch } from './types.ts';
import { REFERENCE as REFERENCE_ROLE, type Compiled } from './compile.ts';
import { Evaluator } from './evaluate.ts';
import { REACH, RoughSentences, sentenceAt, sentenceStartAfter } from './sentences.ts';
import type { Spans } from './spans.ts';

// Module-local: tsx and bundlers may turn imported bindings into getters.
const REFERENCE = REFERENCE_ROLE;

/**
 * The claims the whole text could state, or null when none: a sentence's cue groups, names
 * and references are a part of the whole text's, so a claim whose cue groups the text never
 * completes, or whose subjects it neither names nor (with a reference) has as its page's
 * subject, cannot match in any sentence. On a long page of other companies' news, that is
 * most of the sentence work saved.
 */
export function viableClaims(compiled: Compiled, found: Spans, hits: Spans, context: ReadonlySet<number>): Uint8Array | null {
  const count = compiled.claims.length;
  const groups = new Int32Array(count);
  const referenced = new Uint8Array(count);
  // Each term's roles once, however often it occurs: a page says "data" hundreds of times.
  const seen = new Uint8Array(compiled.roles.length);
  for (let i = 0; i < hits.count; i++) seen[hits.key[i]!] = 1;
  seen.forEach((hit, term) => {
    if (hit === 0) return;
    for (const { claim, role } of compiled.roles[term]!) {
      if (role >= 0) groups[claim]! |= 1 << role;
      else if (role === REFERENCE) referenced[claim] = 1;
    }
  });
  const named = new Uint8Array(compiled.entityIds.length);
  for (let i = 0; i < found.count; i++) named[found.key[i]!] = 1;
  const viable = new Uint8Array(count);
  let any = false;
  for (let c = 0; c < count; c++) {
    const claim = compiled.claims[c]!;
    if (!claim.masks.some((mask) => (groups[c]! & mask) === mask)) continue;
    if (claim.subjects.some((e) => named[e] === 1 || (referenced[c] === 1 && context.has(e)))) {
      viable[c] = 1;
      any = true;
    }
  }
  return any ? viable : null;
}

/**
 * Where a sentence could take hold of a viable claim, sorted: the start of every mention of a
 * viable claim's subject and of every reference term of a viable claim. A stretch of text with
 * none of these states no claim (see Evaluator.evaluate: a claim needs a subject named, or no
 * company named and a reference), however many cue terms it holds.
 */
function anchorsOf(compiled: Compiled, found: Spans, hits: Spans, viable: Uint8Array): Int32Array {
  const subject = new Uint8Array(compiled.entityIds.length);
  compiled.claims.forEach((claim, c) => {
    if (viable[c] === 1) for (const e of claim.subjects) subject[e] = 1;
  });
  // Not Uint8Array.from(roles, fn): V8 runs that through a generic path, which cost about a
  // fifth of findClaims on the bench page.
  const reference = new Uint8Array(compiled.roles.length);
  compiled.roles.forEach((roles, t) => {
    for (const r of roles) if (r.role === REFERENCE && viable[r.claim] === 1) reference[t] = 1;
  });
  const names: number[] = [];
  for (let i = 0; i < found.count; i++) if (subject[found.key[i]!] === 1) names.push(found.start[i]!);
  const references: number[] = [];
  for (let i = 0; i < hits.count; i++) if (reference[hits.key[i]!] === 1) references.push(hits.start[i]!);
  // Both are sorted by start: merge them.
  const anchors = new Int32Array(names.length + references.length);
  for (let n = 0, r = 0; n + r < anchors.length; ) {
    anchors[n + r] = r === references.length || (n < names.length && names[n]! <= references[r]!) ? names[n++]! : references[r++]!;
  }
  return anchors;
}

/** The first cue term in `hits` that starts at or after `at`. */
function firstCue(compiled: Compiled, hits: Spans, at: number): number {
  let k = hits.firstFrom(at);
  while (k < hits.count && compiled.cueTerm[hits.key[k]!] === 0) k++;
  return k;
}

/**
 * The last sentence end `i` in `(after, before)` from which the loop of findClaims can resume
 * as if it had stopped at every cue on the way there; -1 when there is none. That holds when:
 * - the next sentence starts at or before `before`, so the sentences skipped end before it;
 * - no cue starts between `i` and that start (inside closing quotes): the rough sentence of a
 *   cue before `i` ends at that start or earlier, so the loop is sure to stop at the first cue
 *   after it;
 * - that cue is within REACH of `i`: its rough sentence looks back as far as `i` and stops
 *   there or later, so it starts where it would have after any earlier stops.
 */
function resumeBefore(compiled: Compiled, text: string, hits: Spans, after: number, before: number, from: number, to: number): number {
  for (let i = before - 1; i > after; i--) {
    const cu = text.charCodeAt(i);
    if (cu !== 0x2e && cu !== 0x21 && cu !== 0x3f && cu !== 0x0a && cu < 0x3000) continue;
    const next = sentenceStartAfter(text, i, from, to);
    if (next < 0 || next > before) continue;
    const j = firstCue(compiled, hits, i + 1);
    if (j === hits.count || (hits.start[j]! >= next && hits.start[j]! <= i + REACH)) return i;
  }
  return -1;
}

/**
 * Finds claims sentence by sentence. A sentence states a claim when it hits every cue group,
 * no exclude term, and names one of the claim's subjects, or names no company at all but uses
 * one of its references ("the company") while the subject is what the page is about
 * (`context`) or the company named last before it in the same paragraph.
 *
 * The loop stops at the first cue term of each sentence (cues inside a sentence already
 * looked at are passed over), bounds its sentence roughly, and evaluates it. Only sentences
 * that hold an anchor (see anchorsOf) can state a claim, and on a long page they are few: the
 * loop jumps from one to the next, resuming where it is sure to stop anyway (resumeBefore),
 * so it finds exactly the sentences, bounds and claims that stopping at every cue finds. The
 * slow Intl.Segmenter only runs on the few that state a claim, to settle their bounds.
 * `found` and `hits` must be sorted by start. Only `text[from, to)` is read, as if it were the
 * whole text (the part that `found` and `hits` come from).
 */
export function findClaims(
  compiled: Compiled,
  text: string,
  found: Spans,
  hits: Spans,
  context: ReadonlySet<number>,
  from = 0,
  to = text.length,
): ClaimMatch[] {
  const viable = viableClaims(compiled, found, hits, context);
  if (viable === null) return [];
  const anchors = anchorsOf(compiled, found, hits, viable);

  const evaluator = new Evaluator(compiled, text, found, hits, context, viable);
  const matches: ClaimMatch[] = [];
  const rough = new RoughSentences(text, from, to);
  /** Cues before this are inside a sentence already looked at. */
  let covered = -1;
  /** No rough sentence from here on starts before this (they never move back). */
  let floor = 0;
  /** The first anchor a rough sentence from here on could hold. */
  let a = 0;
  /** The anchor a jump towards found nowhere to resume: step towards it instead. */
  let stuck = -1;
  for (let k = 0; k < hits.count; ) {
    const at = hits.start[k]!;
    if (at < covered || compiled.cueTerm[hits.key[k]!] === 0) {
      k++;
      continue;
    }
    const low = Math.max(floor, at - REACH);
    while (a < anchors.length && anchors[a]! < low) a++;
    if (a === anchors.length) break;
    const target = anchors[a]!;
    if (target > at && target !== stuck) {
      // No anchor in [low, target): the sentences the loop would stop in before it state nothing.
      const end = resumeBefore(compiled, text, hits, at, target, from, to);
      if (end >= 0) {
        k = firstCue(compiled, hits, end + 1);
        if (k === hits.count) break;
        covered = sentenceStartAfter(text, end, from, to);
        floor = end + 1;
        continue;
      }
      stuck = target;
    }
    k++;
    const guess = rough.at(at);
    covered = guess.end;
    floor = Math.max(floor, guess.start);
    let p = a;
    while (p < anchors.length && anchors[p]! < guess.start) p++;
    if (p === anchors.length || anchors[p]! >= guess.end) continue;
    if (evaluator.evaluate(guess).length === 0) continue;
    const sentence = sentenceAt(text, at, guess, from);
    matches.push(...evaluator.evaluate(sentence));
    covered = sentence.end;
  }
  return matches;
}
