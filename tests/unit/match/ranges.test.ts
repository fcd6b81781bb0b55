/**
 * Engine.prepare(text, from, to) reads a part of a longer text in place (the page scanner
 * cuts a long page into chunks that way): it must find exactly what a scan of that part alone
 * finds, shifted to offsets into the whole text, whatever lies just outside the part.
 */
import { describe, expect, it } from 'vitest';
import { createEngine, type PreparedScan } from '../../../src/match/engine.ts';
import type { ScanContext } from '../../../src/match/types.ts';
import { prng } from '../../bench/synthetic.ts';
import { tinyKb } from './tiny-kb.ts';

const engine = createEngine(tinyKb);

/** Mentions and claims as comparable rows, offsets moved by `by`. */
function rows(text: string, scan: PreparedScan, context: ScanContext, by = 0): unknown[] {
  return [
    ...scan.mentions.map((m) => ['mention', m.entity, m.text, m.start + by, m.end + by]),
    ...engine.claimsOf(text, [scan], context).map((c) => ['claim', c.claim, c.text, c.start + by, c.end + by, c.entities, c.cues]),
  ];
}

function inPlace(text: string, from: number, to: number, context: ScanContext = {}): unknown[] {
  return rows(text, engine.prepare(text, from, to), context);
}

function sliced(text: string, from: number, to: number, context: ScanContext = {}): unknown[] {
  const part = text.slice(from, to);
  return rows(part, engine.prepare(part), context, from);
}

describe('scanning part of a text in place', () => {
  it('takes a name cut off by the end of the part as a whole word', () => {
    const text = 'Huawei and Huaweiopportunity';
    expect(inPlace(text, 11, 17)).toEqual([['mention', 'huawei', 'Huawei', 11, 17]]);
    // The whole text has no such word there.
    expect(inPlace(text, 0, text.length)).toEqual([['mention', 'huawei', 'Huawei', 0, 6]]);
  });

  it('does not reach back before the part for the start of a name', () => {
    const text = 'Huawei  Technologies said';
    expect(inPlace(text, 7, text.length)).toEqual([]);
    expect(inPlace(text, 6, text.length)).toEqual(sliced(text, 6, text.length));
  });

  it('judges claims on the part alone, with offsets into the whole text', () => {
    const claim = 'Huawei can access networks through lawful interception.';
    const text = `Filler text here. ${claim} More filler.`;
    const from = text.indexOf(claim);
    expect(inPlace(text, from, from + claim.length)).toContainEqual(['claim', 'huawei-lawful-interception-access', claim, from, from + claim.length, ['huawei'], ['access', 'lawful interception']]);
    expect(inPlace(text, from + 7, text.length)).toEqual(sliced(text, from + 7, text.length));
  });

  it('bounds sentences by the part, not by the text around it', () => {
    const claim = 'Huawei can access networks through lawful interception.';
    // The sentence starts where the part does, not where the text's does; a part starting
    // inside `Mr.` or `U.S.` has a full stop that, alone, ends a sentence.
    for (const [before, stated] of [
      ['Analysts said that ', `at ${claim}`],
      ['Mr. ', claim],
      ['U.S. ', claim],
    ] as const) {
      const text = before + claim;
      const from = before.length - 3;
      const claims = engine.claimsOf(text, [engine.prepare(text, from, text.length)]);
      expect(claims.map((c) => [c.text, c.start]), before).toEqual([[stated, text.length - stated.length]]);
      expect(engine.scan(text).claims.map((c) => c.text)).toEqual([text]);
    }
  });

  it('finds what a scan of the slice finds, on random texts cut anywhere', () => {
    const rand = prng(11);
    // Names, their plurals and joins, prefix terms, space runs, invisible characters, sentence
    // ends, abbreviations, closing quotes, Han text and a surrogate pair: what the look-arounds
    // of names and sentences read past a word.
    const pieces = [
      'Huawei', 'Huaweis', 'Huawei’s', 'HUAWEI', 'Hua\u00adwei', 'Huawei   Technologies Co.', 'ZTE', 'zte', 'Oppo', 'opportunity',
      'access', 'accessing', 'lawful interception', 'lawful  interception', 'tap into', 'the company', 'court-ordered', 'Mr.', 'U.S.',
      '华为', '中兴', '😀', ' ', ' ', ' ', '  ', '. ', '.” ', '.”', '! ', '\n', ',', 's', 'the', 'said', 'can', 'networks',
    ];
    // Claims, often enough for most texts to state one.
    for (let i = 0; i < 4; i++) pieces.push('Huawei can access networks through lawful interception. ', 'The company can tap into networks by lawful interception.');
    let withClaims = 0;
    for (let round = 0; round < 400; round++) {
      let text = '';
      const words = 5 + Math.floor(rand() * 60);
      for (let w = 0; w < words; w++) text += pieces[Math.floor(rand() * pieces.length)];
      let from = Math.floor(rand() * text.length);
      let to = from + Math.floor(rand() * (text.length - from + 1));
      // A range must not split a surrogate pair.
      if (/[\udc00-\udfff]/.test(text[from] ?? '')) from--;
      if (/[\udc00-\udfff]/.test(text[to] ?? '')) to++;
      const context = rand() < 0.5 ? { title: 'Huawei' } : {};
      const expected = sliced(text, from, to, context);
      expect(inPlace(text, from, to, context), `${JSON.stringify(text)} [${from}, ${to})`).toEqual(expected);
      if (expected.some((row) => (row as string[])[0] === 'claim')) withClaims++;
    }
    // Enough of them state claims for the sentence bounds to be put to the test.
    expect(withClaims).toBeGreaterThan(100);
  });
});
