// A file of its own: sentences.ts keeps one Intl.Segmenter per module, and each test file gets
// a fresh module, so here the first sentence that needs ICU is the first to make one.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RoughSentences, sentenceAt } from '../../../src/match/sentences.ts';
import { prng } from '../../bench/synthetic.ts';

// Made before the count starts, to check sentenceAt's answers against ICU's own breaks.
const icu = new Intl.Segmenter('en', { granularity: 'sentence' });

/** Segmenters made, and texts segmented, since the test began. */
let made = 0;
let used = 0;
const Original = Intl.Segmenter;
const segment = Original.prototype.segment;
beforeEach(() => {
  made = 0;
  used = 0;
  (Intl as { Segmenter: typeof Intl.Segmenter }).Segmenter = class extends Original {
    constructor(...args: ConstructorParameters<typeof Intl.Segmenter>) {
      super(...args);
      made++;
    }
  };
  Original.prototype.segment = function (this: Intl.Segmenter, input: string) {
    used++;
    return segment.call(this, input);
  };
});
afterEach(() => {
  (Intl as { Segmenter: typeof Intl.Segmenter }).Segmenter = Original;
  Original.prototype.segment = segment;
});

/** The final sentence around the first occurrence of `word`. */
function around(text: string, word: string): string {
  const at = text.indexOf(word);
  const final = sentenceAt(text, at, new RoughSentences(text).at(at));
  return text.slice(final.start, final.end);
}

describe('when sentence bounds ask Intl.Segmenter', () => {
  it('does not set it up for a sentence whose only stops end abbreviations, and does for a ? it must judge', () => {
    const text = 'First one. The U.S. Commerce Department told Mr. Smith that Huawei Technologies Co. was listed. Next one.';
    expect(around(text, 'Huawei')).toBe('The U.S. Commerce Department told Mr. Smith that Huawei Technologies Co. was listed.');
    expect(made).toBe(0);
    expect(around('Really?Huawei said no. Next.', 'Huawei')).toBe('Huawei said no.');
    expect(made).toBe(1);
    // A full stop between a digit and a capital, or before a closing quote and a capital: ICU
    // breaks there (no rule keeps them together).
    expect(around('It was 2019.Huawei said no. Next.', 'Huawei')).toBe('Huawei said no.');
    expect(around('He said no.”Huawei said yes. Next.', 'Huawei')).toBe('Huawei said yes.');
    // Given a wider span than the rough pass would, a stop before a space that ends no
    // abbreviation still goes to ICU.
    const wide = 'He left. Huawei said no.';
    const final = sentenceAt(wide, wide.indexOf('Huawei'), { start: 0, end: wide.length });
    expect(wide.slice(final.start, final.end)).toBe('Huawei said no.');
  });

  it('does not ask it where every break ICU would make is one sentenceAt glues back (400 generated sentences)', () => {
    const rand = prng(11);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
    const words = ['Huawei', 'said', 'the', 'Smith', 'network', 'Officials', 'data', 'and', 'Vodafone', 'denied', 'percent', 'huawei.com', 'x.Y', 'U.S.’s', 'Inc.’s'];
    const abbreviations = ['U.S.', 'Mr.', 'Dr.', 'Co.', 'Inc.', 'Jan.', 'p.m.', 'St.'];
    for (let n = 0; n < 400; n++) {
      // Abbreviation dots, where a break by ICU must be glued back: each ends where it is noted.
      const glued = new Set<number>();
      let sentence = 'Huawei';
      for (let w = 0, count = 3 + Math.floor(rand() * 10); w < count; w++) {
        const word = rand() < 0.3 ? pick(abbreviations) : pick(words);
        sentence += ` ${word}`;
        if (word.endsWith('.')) glued.add(sentence.length);
      }
      const text = `Before it. ${sentence} closes. After it.`;
      const from = text.indexOf(sentence);
      const final = sentenceAt(text, from, new RoughSentences(text).at(from));
      expect(text.slice(final.start, final.end), sentence).toBe(`${sentence} closes.`);
      expect(used, sentence).toBe(0);
      const pieces = [...icu.segment(`${sentence} closes.`)];
      used = 0;
      for (const piece of pieces) {
        const end = piece.index + piece.segment.trimEnd().length;
        if (end < sentence.length) expect(glued, `ICU breaks "${sentence}" at ${end}`).toContain(end);
      }
    }
  });
});
