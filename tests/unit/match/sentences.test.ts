import { describe, expect, it } from 'vitest';
import { RoughSentences, sentenceAt } from '../../../src/match/sentences.ts';

/** The sentence around the first occurrence of `word`, rough then final. */
function around(text: string, word: string): { rough: string; final: string } {
  const at = text.indexOf(word);
  const rough = new RoughSentences(text).at(at);
  const final = sentenceAt(text, at, rough);
  return { rough: text.slice(rough.start, rough.end), final: text.slice(final.start, final.end) };
}

describe('sentence bounds', () => {
  it('does not end a sentence at U.S., Mr. or Co.', () => {
    const text = 'First one. The U.S. Commerce Department told Mr. Smith that Huawei Technologies Co. was listed. Next one.';
    expect(around(text, 'Huawei').final).toBe('The U.S. Commerce Department told Mr. Smith that Huawei Technologies Co. was listed.');
  });

  it('keeps a closing quote with its sentence', () => {
    const text = 'He said, “Huawei did it.” Then he left.';
    expect(around(text, 'Huawei').final).toBe('He said, “Huawei did it.”');
  });

  it('ends at a block separator, with or without a full stop', () => {
    const text = 'A headline about Huawei\nThe body starts here.';
    expect(around(text, 'Huawei').final).toBe('A headline about Huawei');
    expect(around(text, 'body').final).toBe('The body starts here.');
  });

  it('splits unspaced CJK text at its full stops', () => {
    const text = '今天天气很好。报道称华为设备有后门。华为否认。';
    expect(around(text, '报道').final).toBe('报道称华为设备有后门。');
  });

  it('lets Intl.Segmenter split where the rough pass cannot (a Devanagari danda)', () => {
    const text = 'कल बारिश हुई। Huawei ने इनकार किया।';
    const { rough, final } = around(text, 'Huawei');
    expect(rough).toBe(text);
    expect(final).toBe('Huawei ने इनकार किया।');
  });

  it('lets Intl.Segmenter split at a ?, ! or carriage return that the rough pass passes over', () => {
    expect(around('Really?Huawei said no. Next.', 'Huawei').final).toBe('Huawei said no.');
    expect(around('Wow!Huawei said no.', 'Huawei').final).toBe('Huawei said no.');
    expect(around('Line one\rHuawei said no.', 'Huawei').final).toBe('Huawei said no.');
  });

  it('keeps a sentence without terminators near the offset in a huge block', () => {
    const text = `${'word '.repeat(5000)}Huawei ${'word '.repeat(5000)}`;
    const { final } = around(text, 'Huawei');
    expect(final).toContain('Huawei');
    expect(final.length).toBeLessThanOrEqual(3001);
  });
});
