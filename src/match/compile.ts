import type { KnowledgeBase } from '../knowledge/types.ts';
import { Automaton } from './automaton.ts';
import { charFlags, UNSPACED, WORD } from './chars.ts';
import { parseTerm, termKey } from './terms.ts';

/** What one automaton pattern stands for; several payloads can share a pattern. */
export type Payload =
  | { kind: 'alias'; entity: number; text: string; sensitive: boolean; plural: boolean }
  | { kind: 'term'; term: number; prefix: boolean };

/** The role a cue term plays in one claim. */
export interface TermRole {
  claim: number;
  /** A cue group number (see CompiledClaim.masks), or EXCLUDE / REFERENCE. */
  role: number;
}
export const EXCLUDE = -1;
/** Payload bits. */
export const ALIAS = 1;
export const SENSITIVE = 2;
export const PLURAL = 4;
export const PREFIX = 8;
export const REFERENCE = -2;

export interface CompiledClaim {
  id: string;
  /** Entity indices that can be the subject. */
  subjects: number[];
  /**
   * One bit mask per way of stating the claim (`groups`, then each alternative): cue groups
   * are numbered across all of them, and a sentence states the claim when its hit groups
   * cover one whole mask.
   */
  masks: number[];
}

/** Everything `createEngine` derives from a knowledge base, once. */
export interface Compiled {
  automaton: Automaton;
  /** Number of distinct patterns. */
  patterns: number;
  /**
   * What each pattern stands for, flat (typed arrays, so a hit on one of 10,000 cold names
   * costs no pointer chasing): pattern `p` has payloads `first[p]` to `first[p + 1] - 1`.
   */
  first: Int32Array;
  /** Per payload: the entity index (an alias) or the term id (a cue term). */
  target: Int32Array;
  /** Per payload: ALIAS, SENSITIVE, PLURAL, PREFIX bits. */
  bits: Uint8Array;
  /** Per payload: the alias as written (for case-sensitive ones; '' for terms). */
  spelling: string[];
  /** Per pattern: must its last unit be at a word end? (Word starts are the automaton's job.) */
  rightWord: Uint8Array;
  /** Per pattern: 1 when some payload may run on into the next letters: a prefix term ... */
  prefixed: Uint8Array;
  /** ... or an alias read with a bare `s` after it (`Huaweis`). */
  plural: Uint8Array;
  entityIds: string[];
  claims: CompiledClaim[];
  /** Per term id: its roles in claims. */
  roles: TermRole[][];
  /** Per term id: 1 when it is in some cue group (so its sentence is worth a look). */
  cueTerm: Uint8Array;
  /** Per term id: 1 when it is a reference ("the company") of some claim. */
  refTerm: Uint8Array;
}

function isSpacedWordUnit(c: number): boolean {
  const f = charFlags[c]!;
  return (f & WORD) !== 0 && (f & UNSPACED) === 0;
}

/**
 * Compiles every alias, native name and cue term of the knowledge base into one automaton.
 * Throws with the claim or entity named when a term is unusable.
 */
export function compile(kb: KnowledgeBase): Compiled {
  const patternIds = new Map<string, number>();
  const patterns: string[] = [];
  const payloads: Payload[][] = [];
  const add = (pattern: string, payload: Payload): void => {
    let id = patternIds.get(pattern);
    if (id === undefined) {
      id = patterns.length;
      patternIds.set(pattern, id);
      patterns.push(pattern);
      payloads.push([]);
    }
    payloads[id]!.push(payload);
  };

  const entityIndex = new Map<string, number>();
  kb.entities.forEach((entity, e) => {
    entityIndex.set(entity.id, e);
    const names = [
      ...entity.aliases.map((a) => ({ text: a.text, sensitive: a.case === 'sensitive' })),
      ...entity.native.map((text) => ({ text, sensitive: false })),
    ];
    for (const name of names) {
      const parsed = parseTerm(name.text, false);
      const last = parsed.pattern.charCodeAt(parsed.pattern.length - 1);
      // `Huaweis` (a possessive without its apostrophe, or a plural) names Huawei; a
      // case-sensitive alias like `Apple` would make `Apples` the fruit, so only insensitive ones.
      const plural = !name.sensitive && isSpacedWordUnit(last) && last !== 0x73;
      add(parsed.pattern, { kind: 'alias', entity: e, text: name.text.replace(/\s+/gu, ' ').trim(), sensitive: name.sensitive, plural });
    }
  });

  const termIds = new Map<string, number>();
  const roles: TermRole[][] = [];
  const claims: CompiledClaim[] = [];
  const addTerm = (raw: string, role: TermRole, where: string): void => {
    let parsed;
    try {
      parsed = parseTerm(raw);
    } catch (error) {
      throw new Error(`${where}: ${(error as Error).message}`, { cause: error });
    }
    const key = termKey(parsed);
    let id = termIds.get(key);
    if (id === undefined) {
      id = roles.length;
      termIds.set(key, id);
      roles.push([]);
      add(parsed.pattern, { kind: 'term', term: id, prefix: parsed.prefix });
    }
    roles[id]!.push(role);
  };
  kb.claims.forEach((claim, c) => {
    const cues = claim.cues;
    const subjectIds = cues.subjects ?? claim.entities;
    const subjects = subjectIds.map((id) => {
      const e = entityIndex.get(id);
      if (e === undefined) throw new Error(`claim ${claim.id}: unknown subject entity "${id}"`);
      return e;
    });
    const ways = [cues.groups, ...(cues.alternatives ?? [])];
    const count = ways.reduce((n, groups) => n + groups.length, 0);
    if (ways.some((groups) => groups.length === 0)) throw new Error(`claim ${claim.id}: cues need at least one group`);
    if (count > 31) throw new Error(`claim ${claim.id}: at most 31 cue groups in all`);
    const masks: number[] = [];
    let bit = 0;
    for (const groups of ways) {
      let mask = 0;
      for (const group of groups) {
        for (const term of group.terms) addTerm(term, { claim: c, role: bit }, `claim ${claim.id}, cue group ${group.name}`);
        mask |= 1 << bit++;
      }
      masks.push(mask);
    }
    claims.push({ id: claim.id, subjects, masks });
    for (const term of cues.exclude ?? []) addTerm(term, { claim: c, role: EXCLUDE }, `claim ${claim.id}, exclude`);
    for (const term of cues.references ?? []) addTerm(term, { claim: c, role: REFERENCE }, `claim ${claim.id}, references`);
  });

  const automaton = new Automaton(patterns);
  const rightWord = new Uint8Array(patterns.length);
  patterns.forEach((p, i) => {
    rightWord[i] = isSpacedWordUnit(p.charCodeAt(p.length - 1)) ? 1 : 0;
  });
  const prefixed = Uint8Array.from(payloads, (list) => (list.some((pl) => pl.kind === 'term' && pl.prefix) ? 1 : 0));
  const plural = Uint8Array.from(payloads, (list) => (list.some((pl) => pl.kind === 'alias' && pl.plural) ? 1 : 0));
  const cueTerm = Uint8Array.from(roles, (r) => (r.some((role) => role.role >= 0) ? 1 : 0));
  const refTerm = Uint8Array.from(roles, (r) => (r.some((role) => role.role === REFERENCE) ? 1 : 0));
  const first = new Int32Array(patterns.length + 1);
  payloads.forEach((list, p) => (first[p + 1] = first[p]! + list.length));
  const flat = payloads.flat();
  const target = Int32Array.from(flat, (pl) => (pl.kind === 'alias' ? pl.entity : pl.term));
  const bits = Uint8Array.from(flat, (pl) =>
    pl.kind === 'alias' ? ALIAS | (pl.sensitive ? SENSITIVE : 0) | (pl.plural ? PLURAL : 0) : pl.prefix ? PREFIX : 0,
  );
  const spelling = flat.map((pl) => (pl.kind === 'alias' ? pl.text : ''));
  return { automaton, patterns: patterns.length, first, target, bits, spelling, rightWord, prefixed, plural, entityIds: kb.entities.map((e) => e.id), claims, roles, cueTerm, refTerm };
}
