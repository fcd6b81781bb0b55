import type { ClaimMatch } from './types.ts';
import { EXCLUDE, REFERENCE, type Compiled } from './compile.ts';
import { sentenceAt, type Span } from './sentences.ts';

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

interface Tally {
  /** Bit g set when cue group g is hit. */
  groups: number;
  excluded: boolean;
  referenced: boolean;
  cues: TermHit[];
}

/**
 * The sentences to look at: only those around a cue term, so the slow sentence segmenter sees
 * a few hundred characters per cue, not the page.
 */
function cueSentences(compiled: Compiled, text: string, hits: readonly TermHit[]): Span[] {
  const sentences: Span[] = [];
  let covered = -1;
  for (const hit of hits) {
    if (hit.start < covered) continue;
    if (!compiled.roles[hit.term]!.some((r) => r.role >= 0)) continue;
    const sentence = sentenceAt(text, hit.start);
    sentences.push(sentence);
    covered = sentence.end;
  }
  return sentences;
}

/**
 * Finds claims sentence by sentence. A sentence states a claim when it hits every cue group,
 * no exclude term, and names one of the claim's subjects, or uses one of its references
 * ("the company") while the subject is what the page is about (`context`) or the company
 * named last before it in the same paragraph.
 *
 * `found` and `hits` must be sorted by start.
 */
export function findClaims(
  compiled: Compiled,
  text: string,
  found: readonly Found[],
  hits: readonly TermHit[],
  context: ReadonlySet<number>,
): ClaimMatch[] {
  const matches: ClaimMatch[] = [];
  let h = 0;
  let m = 0;
  for (const sentence of cueSentences(compiled, text, hits)) {
    while (h < hits.length && hits[h]!.start < sentence.start) h++;
    while (m < found.length && found[m]!.start < sentence.start) m++;

    const tallies = new Map<number, Tally>();
    for (let i = h; i < hits.length && hits[i]!.start < sentence.end; i++) {
      const hit = hits[i]!;
      if (hit.end > sentence.end) continue;
      for (const { claim, role } of compiled.roles[hit.term]!) {
        let tally = tallies.get(claim);
        if (!tally) tallies.set(claim, (tally = { groups: 0, excluded: false, referenced: false, cues: [] }));
        if (role === EXCLUDE) tally.excluded = true;
        else if (role === REFERENCE) tally.referenced = true;
        else {
          tally.groups |= 1 << role;
          tally.cues.push(hit);
        }
      }
    }
    if (tallies.size === 0) continue;

    const named: number[] = [];
    for (let i = m; i < found.length && found[i]!.start < sentence.end; i++) {
      if (!named.includes(found[i]!.entity)) named.push(found[i]!.entity);
    }
    const blockStart = text.lastIndexOf('\n', sentence.start - 1) + 1;
    const before = m > 0 ? found[m - 1] : undefined;
    const previous = before && before.start >= blockStart ? before.entity : -1;

    for (const [c, tally] of [...tallies].sort((a, b) => a[0] - b[0])) {
      const claim = compiled.claims[c]!;
      if (tally.excluded || tally.groups !== 2 ** claim.groups - 1) continue;
      let entities = named.filter((e) => claim.subjects.includes(e));
      if (entities.length === 0 && tally.referenced) {
        entities = claim.subjects.filter((e) => context.has(e) || e === previous);
      }
      if (entities.length === 0) continue;
      const cues: string[] = [];
      for (const hit of tally.cues.sort((a, b) => a.start - b.start)) {
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
  }
  return matches;
}
