import type { ClaimMatch } from './types.ts';
import { EXCLUDE as EXCLUDE_ROLE, REFERENCE as REFERENCE_ROLE, type Compiled } from './compile.ts';

// Module-local: tsx and bundlers may turn imported bindings into getters.
const EXCLUDE = EXCLUDE_ROLE;
const REFERENCE = REFERENCE_ROLE;
import { RoughSentences, sentenceAt, type Span } from './sentences.ts';

/** A company mention found in the text, by entity index. */
export interface Found {
  entity: number;
  start: number;
  end: number;
}

/** A cue, exclude or reference term found in the text. */
export interface TermHit {
  term: number;
  start: number;
  end: number;
}

/** Sorted offsets, searched for the first at or after `at`. */
function firstFrom<T extends { start: number }>(items: readonly T[], at: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid]!.start < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** How far back "the company" may look for the company named last in its paragraph. */
const PARAGRAPH_REACH = 5000;

const EXCLUDED = 1;
const REFERENCED = 2;

/** Applies the claim rules to one stretch of text; reuses its typed arrays between calls. */
class Evaluator {
  /** Per claim: bit g set when cue group g is hit in the current stretch (see CompiledClaim.masks). */
  private readonly groups: Int32Array;
  /** Per claim: EXCLUDED | REFERENCED. */
  private readonly marks: Uint8Array;
  private readonly touched: number[] = [];

  constructor(
    private readonly compiled: Compiled,
    private readonly text: string,
    private readonly found: readonly Found[],
    private readonly hits: readonly TermHit[],
    private readonly context: ReadonlySet<number>,
    /** Per claim: 1 when the whole text could state it (see viableClaims); others are not looked at. */
    private readonly viable: Uint8Array,
  ) {
    this.groups = new Int32Array(compiled.claims.length);
    this.marks = new Uint8Array(compiled.claims.length);
  }

  /** The claims `sentence` states, in knowledge-base order; `[]` quickly when none. */
  evaluate(sentence: Span): ClaimMatch[] {
    const { compiled, text, found, hits, groups, marks, touched, viable } = this;
    for (const c of touched) {
      groups[c] = 0;
      marks[c] = 0;
    }
    touched.length = 0;
    const first = firstFrom(hits, sentence.start);
    const m = firstFrom(found, sentence.start);
    // No company named and no reference to one: nothing to attach a claim to.
    if (m >= found.length || found[m]!.start >= sentence.end) {
      let referenced = false;
      for (let k = first; k < hits.length && hits[k]!.start < sentence.end && !referenced; k++) {
        referenced = compiled.refTerm[hits[k]!.term] === 1;
      }
      if (!referenced) return [];
    }
    let i = first;
    for (; i < hits.length && hits[i]!.start < sentence.end; i++) {
      const hit = hits[i]!;
      if (hit.end > sentence.end) continue;
      for (const { claim, role } of compiled.roles[hit.term]!) {
        if (viable[claim] === 0) continue;
        if (groups[claim] === 0 && marks[claim] === 0) touched.push(claim);
        if (role === EXCLUDE) marks[claim]! |= EXCLUDED;
        else if (role === REFERENCE) marks[claim]! |= REFERENCED;
        else groups[claim]! |= 1 << role;
      }
    }
    const last = i;
    const matches: ClaimMatch[] = [];
    const complete = touched.filter((c) => !(marks[c]! & EXCLUDED) && compiled.claims[c]!.masks.some((mask) => (groups[c]! & mask) === mask));
    if (complete.length === 0) return matches;

    const named: number[] = [];
    for (let k = m; k < found.length && found[k]!.start < sentence.end; k++) {
      if (!named.includes(found[k]!.entity)) named.push(found[k]!.entity);
    }
    // The company named last before the sentence, if that was in the same paragraph (and
    // not too far back: looking further would cost a pass over a page without newlines).
    const before = m > 0 ? found[m - 1] : undefined;
    const previous =
      before && sentence.start - before.start <= PARAGRAPH_REACH && !text.slice(before.start, sentence.start).includes('\n') ? before.entity : -1;

    for (const c of complete.sort((a, b) => a - b)) {
      const claim = compiled.claims[c]!;
      let entities = named.filter((e) => claim.subjects.includes(e));
      // A reference ("the company") in a sentence that names some other company most likely
      // means that one, so it only stands for the page's subject when no company is named.
      if (named.length === 0 && marks[c]! & REFERENCED) {
        entities = claim.subjects.filter((e) => this.context.has(e) || e === previous);
      }
      if (entities.length === 0) continue;
      // The cues of the ways the claim was stated, not stray hits of an unfinished one.
      const stated = claim.masks.reduce((all, mask) => ((groups[c]! & mask) === mask ? all | mask : all), 0);
      // Hits are sorted by start, then end: a cue inside the previous one ("Access" inside
      // "Secretly Access") adds nothing for a reader.
      const cues: string[] = [];
      let reach = -1;
      for (let k = first; k < last; k++) {
        const hit = hits[k]!;
        if (hit.end > sentence.end || !compiled.roles[hit.term]!.some((r) => r.claim === c && r.role >= 0 && (stated >> r.role) & 1)) continue;
        if (hit.end <= reach) continue;
        reach = hit.end;
        const cue = text.slice(hit.start, hit.end);
        if (!cues.includes(cue)) cues.push(cue);
      }
      matches.push({
        claim: claim.id,
        text: text.slice(sentence.start, sentence.end),
        start: sentence.start,
        end: sentence.end,
        entities: entities.map((e) => compiled.entityIds[e]!),
        cues,
      });
    }
    return matches;
  }
}

/**
 * The claims the whole text could state, or null when none: a sentence's cue groups, names
 * and references are a part of the whole text's, so a claim whose cue groups the text never
 * completes, or whose subjects it neither names nor (with a reference) has as its page's
 * subject, cannot match in any sentence. On a long page of other companies' news, that is
 * most of the sentence work saved.
 */
function viableClaims(compiled: Compiled, found: readonly Found[], hits: readonly TermHit[], context: ReadonlySet<number>): Uint8Array | null {
  const count = compiled.claims.length;
  const groups = new Int32Array(count);
  const referenced = new Uint8Array(count);
  for (const hit of hits) {
    for (const { claim, role } of compiled.roles[hit.term]!) {
      if (role >= 0) groups[claim]! |= 1 << role;
      else if (role === REFERENCE) referenced[claim] = 1;
    }
  }
  const named = new Uint8Array(compiled.entityIds.length);
  for (const f of found) named[f.entity] = 1;
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
 * Finds claims sentence by sentence. A sentence states a claim when it hits every cue group,
 * no exclude term, and names one of the claim's subjects, or names no company at all but uses
 * one of its references ("the company") while the subject is what the page is about
 * (`context`) or the company named last before it in the same paragraph.
 *
 * Only sentences around a cue term are looked at, first as cheap rough sentences; the slow
 * Intl.Segmenter only runs on the few that state a claim, to settle their bounds.
 * `found` and `hits` must be sorted by start.
 */
export function findClaims(
  compiled: Compiled,
  text: string,
  found: readonly Found[],
  hits: readonly TermHit[],
  context: ReadonlySet<number>,
): ClaimMatch[] {
  const viable = viableClaims(compiled, found, hits, context);
  if (viable === null) return [];
  const evaluator = new Evaluator(compiled, text, found, hits, context, viable);
  const matches: ClaimMatch[] = [];
  const rough = new RoughSentences(text);
  let covered = -1;
  for (const hit of hits) {
    if (hit.start < covered) continue;
    if (compiled.cueTerm[hit.term] === 0) continue;
    const guess = rough.at(hit.start);
    covered = guess.end;
    if (evaluator.evaluate(guess).length === 0) continue;
    const sentence = sentenceAt(text, hit.start, guess);
    matches.push(...evaluator.evaluate(sentence));
    covered = sentence.end;
  }
  return matches;
}
