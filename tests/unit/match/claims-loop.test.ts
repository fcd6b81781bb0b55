/**
 * The claim loop jumps over the stretches of a page where no claim can be (no subject named,
 * no reference); these tests check that it never jumps over one that is there. First by
 * example, through the engine; then against the plain loop it replaced (claims-reference.ts),
 * which must give the very same claims, sentence bounds and cues on every text.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPage } from '../../../src/cli/commands/scan.ts';
import type { KnowledgeBase } from '../../../src/knowledge/types.ts';
import { loadKnowledgeBase } from '../../../src/knowledge/load.ts';
import { findClaims } from '../../../src/match/claims.ts';
import { compile } from '../../../src/match/compile.ts';
import { createEngine, find, pageContext } from '../../../src/match/engine.ts';
import { REACH } from '../../../src/match/sentences.ts';
import type { ClaimMatch, ScanContext } from '../../../src/match/types.ts';
import { referenceClaims } from './claims-reference.ts';
import { HELD_OUT_NEAR_MISSES, HELD_OUT_PARAPHRASES, NEAR_MISSES, PARAPHRASES } from './paraphrases.ts';
import { claim, entity, tinyKb } from './tiny-kb.ts';
import { prng } from '../../bench/synthetic.ts';

/** Cue terms in every sentence, no company and no reference: nothing for a claim to hold on to. */
const FILLER = 'Analysts said access to lawful interception tools is common in every network. ';
const CLAIM = 'Huawei can access networks through lawful interception.';
const AFTER = 'Through lawful interception, police can access networks built by Huawei.';
const REFERENCE = 'The company can tap into carrier networks through lawful interception.';

describe('claims far apart on a long page full of cue terms', () => {
  const engine = createEngine(tinyKb);
  const filler = FILLER.repeat(1500); // about 120 kB

  it('finds each claim, wherever it is, with its exact bounds', () => {
    const text = `${CLAIM} ${filler}${AFTER} ${filler}${CLAIM}\n${filler}`;
    const starts = [0, text.indexOf(AFTER), text.lastIndexOf(CLAIM)];
    expect(engine.scan(text).claims.map((c) => [c.start, c.text])).toEqual([
      [starts[0], CLAIM],
      [starts[1], AFTER],
      [starts[2], CLAIM],
    ]);
  });

  it('finds a claim whose only anchor is a reference to the page subject', () => {
    const text = `${filler}${REFERENCE} ${filler}`;
    expect(engine.scan(text, { title: 'Huawei under scrutiny' }).claims).toMatchObject([{ text: REFERENCE, start: filler.length, entities: ['huawei'] }]);
    expect(engine.scan(text).claims).toEqual([]);
  });

  it('finds a claim whose subject comes after its cues', () => {
    const text = `${filler}${AFTER} ${filler}`;
    expect(engine.scan(text).claims).toMatchObject([{ text: AFTER, cues: ['lawful interception', 'access'] }]);
  });

  it('finds a claim in the sentence right after a quote closes', () => {
    const quoted = `He said, “access is lawful interception.” ${CLAIM}`;
    const text = `${filler}${quoted} ${filler}`;
    expect(engine.scan(text).claims).toMatchObject([{ text: CLAIM, start: filler.length + quoted.length - CLAIM.length }]);
  });
});

describe('terms that begin in the closing quotes after a full stop', () => {
  // Odd terms, but data: the loop must not resume after a full stop whose quotes hold one.
  const kb: KnowledgeBase = {
    entities: [entity('huawei', ['Huawei', '” Huawei'])],
    claims: [claim('c', ['huawei'], { groups: [{ name: 'mechanism', terms: ['lawful interception'] }, { name: 'access', terms: ['access*', '” access'] }] })],
    sources: [],
    excerpts: [],
  };
  const engine = createEngine(kb);
  const filler = FILLER.repeat(3);

  it('a cue there: its rough sentence reaches back past the full stop, as Intl.Segmenter does', () => {
    const sentence = 'We never do that.” access to networks built by Huawei via lawful interception.';
    expect(engine.scan(`${filler}${sentence} ${filler}`).claims).toMatchObject([{ start: filler.length, text: sentence, cues: ['” access', 'lawful interception'] }]);
  });

  it('a name there: the sentence before holds it', () => {
    const sentence = 'Access is through lawful interception.”';
    expect(engine.scan(`${filler}${sentence} Huawei denies it. ${filler}`).claims).toMatchObject([{ start: filler.length, text: sentence, entities: ['huawei'] }]);
  });
});

interface Case {
  name: string;
  text: string;
  context: ScanContext;
}

/** Runs the fast loop and the reference on the same hits; returns both. */
/** Both loops find the same claims in every case, and the cases hold enough claims for that to mean something. */
function expectSameClaims(cases: readonly Case[], run: (c: Case) => { fast: ClaimMatch[]; slow: ClaimMatch[] }): void {
  let total = 0;
  for (const c of cases) {
    const { fast, slow } = run(c);
    expect(fast, c.name).toEqual(slow);
    total += slow.length;
  }
  expect(total).toBeGreaterThan(500);
}

function both(kb: KnowledgeBase): (c: Case) => { fast: ClaimMatch[]; slow: ClaimMatch[] } {
  const compiled = compile(kb);
  return ({ text, context }) => {
    const { found, hits } = find(compiled, text);
    const about = pageContext(compiled, found, context);
    return { fast: findClaims(compiled, text, found, hits, about), slow: referenceClaims(compiled, text, found, hits, about) };
  };
}

/** Random texts from `pieces`, some with a title. */
function jumbles(seed: number, count: number, pieces: readonly string[], title: string): Case[] {
  const rand = prng(seed);
  return Array.from({ length: count }, (_, n) => {
    let text = '';
    for (let i = 0, parts = 1 + Math.floor(rand() * 40); i < parts; i++) {
      text += pieces[Math.floor(rand() * pieces.length)]! + (rand() < 0.6 ? ' ' : '');
    }
    return { name: `jumble ${seed}/${n}`, text, context: rand() < 0.5 ? { title } : {} };
  });
}

/**
 * Sentence ends and long runs without one, so that rough sentences get cut at REACH, quotes
 * close across that cut, and anchors sit near the ends of a window.
 */
const PUNCTUATION = ['.', '. ', '."', '.” ', '!', '? ', '\n', '\n\n', ' U.S. ', ' Mr. ', '。', '('];
const LONG = ['access data '.repeat(150), 'word '.repeat(Math.ceil(REACH / 5)), 'x'.repeat(REACH - 1), 'access '.repeat(40)];

describe('the fast claim loop agrees with the plain one', () => {
  it('on texts built from the test knowledge base: claims near, far, in long sentences, after quotes', () => {
    const compare = both(tinyKb);
    const pieces = [
      CLAIM, AFTER, REFERENCE, FILLER, 'Huawei said a court-ordered wiretap gave police access.', 'ZTE can access networks through lawful interception.',
      'Huawei', 'the company', 'The Chinese vendor', 'lawful interception', 'access', 'wiretapping', 'Oppo', ...PUNCTUATION, ...LONG,
    ];
    const cases = jumbles(1, 600, pieces, 'Huawei');
    // A quote closes just before a long sentence, whose first cue is REACH past the full stop:
    // its rough sentence starts at the quote unless the loop stopped after the quote before
    // (in a claim that Intl.Segmenter ends at `‼`, which the rough pass does not know).
    for (const early of ['', 'Huawei can access networks through lawful interception\u203c ']) {
      const head = `${FILLER.repeat(30)}He said “that is access.” ${early}`;
      const stop = head.indexOf('.” ');
      const cue = stop + 1 + REACH;
      const run = `${'word '.repeat(REACH / 5).slice(0, cue - 'Huawei can '.length - head.length - 1)} `;
      const text = `${head}${run}Huawei can access networks through lawful interception, more. ${FILLER}`;
      expect(text.indexOf('access', head.length + run.length)).toBe(cue);
      const { fast, slow } = compare({ name: 'quote', text, context: {} });
      expect(slow.length).toBeGreaterThan(0);
      expect(fast).toEqual(slow);
    }
    expectSameClaims(cases, compare);
  });

  it('on the news pages, the paraphrase sets and texts built from them, with the bundled knowledge base', () => {
    const run = both(loadKnowledgeBase({ seedsDir: false }));
    const dir = resolve(import.meta.dirname, '../../fixtures');
    const pages = [...readdirSync(dir).filter((f) => f.endsWith('.html')), ...readdirSync(`${dir}/traps`).map((f) => `traps/${f}`)].map((name) => {
      const { text, title } = readPage(readFileSync(`${dir}/${name}`, 'utf8'));
      return { name, text, context: { title } };
    });
    const sets = [PARAPHRASES, HELD_OUT_PARAPHRASES, NEAR_MISSES, HELD_OUT_NEAR_MISSES];
    const sentences = sets.flatMap((set) => set.map((p) => p.text));
    const cases: Case[] = [
      ...pages,
      // Each page as one long line, twice over: claims far apart, no block separators.
      ...pages.map((p) => ({ ...p, name: `${p.name} flat`, text: `${p.text.replaceAll('\n', ' ')} ${p.text}` })),
      ...sets.flatMap((set) => set.map((p, i) => ({ name: `set ${i}`, text: p.text, context: p.title ? { title: p.title } : {} }))),
      ...jumbles(2, 200, [...sentences, ...PUNCTUATION, ...LONG, 'the company', 'Huawei'], 'Huawei'),
    ];
    expectSameClaims(cases, run);
  });
});
