/** The claim rules, applied to one sentence at a time (claims.ts decides which sentences). */
import type { ClaimMatch } from './types.ts';
import { EXCLUDE as EXCLUDE_ROLE, REFERENCE as REFERENCE_ROLE, type Compiled } from './compile.ts';
import type { Span } from './sentences.ts';
import type { Spans } from './spans.ts';

// Module-local: tsx and bundlers may turn imported bindings into getters.
const EXCLUDE = EXCLUDE_ROLE;
const REFERENCE = REFERENCE_ROLE;

/** How far back "the company" may look for the company named last in its paragraph. */
const PARAGRAPH_REACH = 5000;

const EXCLUDED = 1;
const REFERENCED = 2;

/**
 * Applies the claim rules to one stretch of text; reuses its typed arrays between calls.
 *
 * A stretch that neither names a subject of a viable claim nor holds a whole reference term
 * of one states nothing: findClaims (claims.ts) relies on that to skip most of a page, so a
 * rule that lets a claim match without either must change its anchors too.
 */
export class Evaluator {
  /** Per claim: bit g set when cue group g is hit in the current stretch (see CompiledClaim.masks). */
  private readonly groups: Int32Array;
  /** Per claim: EXCLUDED | REFERENCED. */
  private readonly marks: Uint8Array;
  private readonly touched: number[] = [];

  constructor(
    private readonly compiled: Compiled,
    private readonly text: string,
    /** Company names, by entity index, sorted by start. */
    private readonly found: Spans,
    /** Cue, exclude and reference terms, by term id, sorted by start. */
    private readonly hits: Spans,
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
    const first = hits.firstFrom(sentence.start);
    const m = found.firstFrom(sentence.start);
    // No company named and no reference to one: nothing to attach a claim to.
    if (m >= found.count || found.start[m]! >= sentence.end) {
      let referenced = false;
      for (let k = first; k < hits.count && hits.start[k]! < sentence.end && !referenced; k++) {
        referenced = compiled.refTerm[hits.key[k]!] === 1;
      }
      if (!referenced) return [];
    }
    let i = first;
    for (; i < hits.count && hits.start[i]! < sentence.end; i++) {
      if (hits.end[i]! > sentence.end) continue;
      for (const { claim, role } of compiled.roles[hits.key[i]!]!) {
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
    for (let k = m; k < found.count && found.start[k]! < sentence.end; k++) {
      if (!named.includes(found.key[k]!)) named.push(found.key[k]!);
    }
    // The company named last before the sentence, if that was in the same paragraph (and
    // not too far back: looking further would cost a pass over a page without newlines).
    const before = m > 0 ? found.start[m - 1]! : -1;
    const previous =
      before >= 0 && sentence.start - before <= PARAGRAPH_REACH && !text.slice(before, sentence.start).includes('\n') ? found.key[m - 1]! : -1;

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
        const end = hits.end[k]!;
        if (end > sentence.end || !compiled.roles[hits.key[k]!]!.some((r) => r.claim === c && r.role >= 0 && (stated >> r.role) & 1)) continue;
        if (end <= reach) continue;
        reach = end;
        const cue = text.slice(hits.start[k]!, end);
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
