import type { KnowledgeBase } from '../knowledge/types.ts';
import type { ClaimMatch, Mention, ScanContext, ScanResult } from './types.ts';
import { Spans } from './spans.ts';
import { charFlags, foldUnit, IGNORABLE, INLINE_SPACE, isSpacedWordAt, WORD } from './chars.ts';
import { findClaims } from './claims.ts';
import { ALIAS as ALIAS_BIT, compile, PLURAL as PLURAL_BIT, PREFIX as PREFIX_BIT, SENSITIVE as SENSITIVE_BIT, type Compiled } from './compile.ts';

// Module-local copies: tsx and bundlers may turn imported bindings into getters, and these
// are read for every candidate match.
const flags = charFlags;
const fold = foldUnit;
const SKIP = IGNORABLE;
const SPACE = INLINE_SPACE;
const LETTER = WORD;
const spacedWordAt = isSpacedWordAt;
const ALIAS = ALIAS_BIT;
const SENSITIVE = SENSITIVE_BIT;
const PLURAL = PLURAL_BIT;
const PREFIX = PREFIX_BIT;

/** The detector, compiled once from a knowledge base; `scan` is pure and reentrant. */
export interface Engine {
  /** Finds company mentions and claims in `text`; offsets are UTF-16 code units into it. */
  scan(text: string, context?: ScanContext): ScanResult;
  /**
   * `scan` in two steps: one pass over `text` finds the mentions now; the claims are judged
   * later ({@link Engine.claimsOf}), from what that pass found, without reading the text again,
   * once the caller knows what the page is about (a long page scanned in chunks needs every
   * chunk's mentions first).
   *
   * With `from` and `to`, only `text[from, to)` is read, and what is found is what
   * `prepare(text.slice(from, to))` finds, with offsets into `text`: a caller scanning a long
   * text in chunks need not slice it (reading a sliced string costs V8 about 20% more per
   * character) nor shift every offset. The range must not split a surrogate pair.
   */
  prepare(text: string, from?: number, to?: number): PreparedScan;
  /**
   * The claims of a text prepared in one part or several (each `prepare(text, from, to)` of this
   * engine, in order, each starting where the one before ends), judged once, from every part's
   * mentions: what `scan(text, context).claims` gives for the text they cover, as long as each
   * cut is at a block separator (a sentence never crosses one).
   */
  claimsOf(text: string, parts: readonly PreparedScan[], context?: ScanContext): ClaimMatch[];
  /** Patterns in the automaton (aliases, native names and cue terms, deduplicated). */
  readonly patterns: number;
}

// The helpers below read the text up to `to` only: a caller may scan part of a longer text
// (Engine.prepare), and must find there what it would in that part alone.

/** The first offset at or after `i` that is not an invisible character (`to` at most). */
function after(text: string, i: number, to: number): number {
  let j = i;
  while (j < to && flags[text.charCodeAt(j)]! & SKIP) j++;
  return j;
}

/** Is there a letter or digit of a spaced script at `i`, before `to`? */
function wordAt(text: string, i: number, to: number): boolean {
  return i < to && spacedWordAt(text, i);
}

/** The end of the word that a prefix term (`intercept*`) starts. */
function wordEnd(text: string, i: number, to: number): number {
  while (i < to && wordAt(text, after(text, i, to), to)) i = after(text, i, to) + 1;
  return i;
}

/** `Huaweis`: one lowercase `s` and then the word ends. */
function pluralAt(text: string, end: number, to: number): boolean {
  const s = after(text, end, to);
  return s < to && text.charCodeAt(s) === 0x73 && !wordAt(text, after(text, s + 1, to), to);
}

/**
 * Does `text[start, end)` spell `alias` with the same letter case? Space runs stand for one
 * space and invisible characters are skipped, as in the automaton; punctuation compares folded
 * (`’` equals `'`).
 */
function sameCase(text: string, start: number, end: number, alias: string): boolean {
  let i = start;
  for (let k = 0; k < alias.length; k++) {
    while (i < end && flags[text.charCodeAt(i)]! & SKIP) i++;
    const a = alias.charCodeAt(k);
    const t = text.charCodeAt(i);
    if (a === 0x20) {
      while (i < end && flags[text.charCodeAt(i)]! & (SPACE | SKIP)) i++;
      continue;
    }
    if (t !== a && (flags[a]! & LETTER || fold(t) !== fold(a))) return false;
    i++;
  }
  return true;
}

/**
 * The company names (`found`, leftmost-longest, by entity index) and cue terms (`hits`, all of
 * them, by term id) in `text[from, to)`, as if that were the whole text (offsets into `text`),
 * each sorted by start, the longest first. The range must not split a surrogate pair.
 */
export function find(compiled: Compiled, text: string, from = 0, to = text.length): { found: Spans; hits: Spans } {
  const { automaton, first, target, bits, spelling, rightWord, prefixed, plural } = compiled;
  const occurrences = automaton.scan(text, from, to);
  const lengths = automaton.lengths;
  const uncounted = occurrences.uncounted;
  // Most raw occurrences on a news page are cue terms, so both lists start at that size.
  const candidates = new Spans(Math.max(64, occurrences.count >> 2));
  const hits = new Spans(Math.max(64, occurrences.count));
  for (let i = 0; i < occurrences.count; i++) {
    const p = occurrences.patterns[i]!;
    const end = occurrences.ends[i]!;
    // Most raw hits that fail do so here (`oppo` in `opportunity`): decide before anything else.
    const joined = rightWord[p] === 1 && wordAt(text, after(text, end, to), to);
    if (joined && prefixed[p] === 0 && !(plural[p] === 1 && pluralAt(text, end, to))) continue;
    // A match spans exactly its pattern's length unless it holds an invisible character or a
    // run of spaces, and none does before the first the automaton met (on most pages, none
    // at all): only an occurrence after that needs the walk back unit by unit.
    const start = end > uncounted ? automaton.startOf(text, p, end) : end - lengths[p]!;
    for (let k = first[p]!, last = first[p + 1]!; k < last; k++) {
      const b = bits[k]!;
      if (b & ALIAS) {
        if (joined && !(b & PLURAL && pluralAt(text, end, to))) continue;
        if (b & SENSITIVE && !sameCase(text, start, end, spelling[k]!)) continue;
        candidates.push(target[k]!, start, end);
      } else if (!joined || b & PREFIX) {
        hits.push(target[k]!, start, b & PREFIX ? wordEnd(text, end, to) : end);
      }
    }
  }

  // Leftmost-longest: `Huawei Technologies Co.` is one mention, not `Huawei` and a remainder.
  candidates.sort();
  const found = new Spans(Math.max(64, candidates.count));
  let reached = 0;
  for (let i = 0; i < candidates.count; i++) {
    if (candidates.start[i]! < reached) continue;
    found.push(candidates.key[i]!, candidates.start[i]!, candidates.end[i]!);
    reached = candidates.end[i]!;
  }
  hits.sort();
  return { found, hits };
}

/**
 * The rule for what a page is about by its mentions: the company mentioned most, if at least
 * twice, and all of them on a tie; none when no company is mentioned twice. `counts` gives a
 * count per company (a Map, or `entries()` of an array indexed by company); the result keeps
 * their order. One rule for the engine's claims and the page's summary (src/page/scan.ts), so
 * the two can never disagree about what a page is about.
 */
export function mostCounted<K>(counts: Iterable<readonly [K, number]>): K[] {
  let most = 2;
  let top: K[] = [];
  for (const [key, count] of counts) {
    if (count > most) {
      most = count;
      top = [key];
    } else if (count === most) {
      top.push(key);
    }
  }
  return top;
}

/**
 * What the page is about: the companies its title names, those the caller says it is about,
 * and the company it mentions most ({@link mostCounted}).
 */
export function pageContext(compiled: Compiled, found: Spans, { title, about = [] }: ScanContext): Set<number> {
  const context = new Set<number>();
  if (title) {
    const named = find(compiled, title).found;
    for (let i = 0; i < named.count; i++) context.add(named.key[i]!);
  }
  for (const id of about) {
    const e = compiled.entityIds.indexOf(id);
    if (e >= 0) context.add(e);
  }
  const counts = new Int32Array(compiled.entityIds.length);
  const twice: number[] = [];
  for (let i = 0; i < found.count; i++) if (counts[found.key[i]!]!++ === 1) twice.push(found.key[i]!);
  // Only the companies named twice or more (the rule ignores the others), not each of the
  // knowledge base's thousands; in another order, which a set to look up does not keep.
  for (const entity of mostCounted(twice.map((e) => [e, counts[e]!] as const))) context.add(entity);
  return context;
}

/** One pass of {@link Engine.prepare}: its mentions (and, kept inside, what claims need). */
export interface PreparedScan {
  readonly mentions: Mention[];
}

/** What a pass keeps for judging claims later ({@link Engine.claimsOf}). */
interface Pass extends PreparedScan {
  found: Spans;
  hits: Spans;
  from: number;
  to: number;
}

/**
 * Compiles the knowledge base into an engine: every alias, native name and cue term goes into
 * one automaton, so a scan is one pass over the text whatever the size of the knowledge base.
 * Throws, naming the claim, on unusable cue data.
 */
export function createEngine(kb: KnowledgeBase): Engine {
  const compiled = compile(kb);
  const claimsOf = (text: string, parts: readonly PreparedScan[], context: ScanContext = {}): ClaimMatch[] => {
    const passes = parts as readonly Pass[];
    const found = Spans.concat(passes.map((p) => p.found));
    const hits = Spans.concat(passes.map((p) => p.hits));
    return hits.count === 0 ? [] : findClaims(compiled, text, found, hits, pageContext(compiled, found, context), passes[0]!.from, passes.at(-1)!.to);
  };
  const prepare = (text: string, from = 0, to = text.length): Pass => {
    const { found, hits } = find(compiled, text, from, to);
    const mentions: Mention[] = [];
    for (let i = 0; i < found.count; i++) {
      const start = found.start[i]!;
      const end = found.end[i]!;
      mentions.push({ entity: compiled.entityIds[found.key[i]!]!, text: text.slice(start, end), start, end });
    }
    return { mentions, found, hits, from, to };
  };
  return {
    patterns: compiled.patterns,
    prepare,
    claimsOf,
    scan(text: string, context: ScanContext = {}): ScanResult {
      const prepared = prepare(text);
      return { mentions: prepared.mentions, claims: claimsOf(text, [prepared], context) };
    },
  };
}
