import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  charFlags,
  foldString,
  foldingUnits,
  foldUnit,
  IGNORABLE,
  INLINE_SPACE,
  isSpacedWordAt,
  tablesFromProperties,
  UNSPACED,
  WORD,
} from '../../../src/match/chars.ts';
import { UNICODE_VERSION } from '../../../src/match/unicode-data.ts';

const hex = (c: number): string => `U+${c.toString(16).toUpperCase().padStart(4, '0')}`;

describe('character tables against Unicode (drift check)', () => {
  it('decodes to what the property regexes and toLowerCase give under this Node, for every code unit', () => {
    const expected = tablesFromProperties();
    const wrong: string[] = [];
    for (let c = 0; c < 0x10000; c++) {
      if (charFlags[c] !== expected.flags[c]) wrong.push(`${hex(c)} flags ${charFlags[c]}, should be ${expected.flags[c]}`);
      if (foldUnit(c) !== expected.fold[c]) wrong.push(`${hex(c)} folds to ${hex(foldUnit(c))}, should be ${hex(expected.fold[c]!)}`);
    }
    const advice =
      `src/match/unicode-data.ts (generated from Unicode ${UNICODE_VERSION}) no longer matches the definitions in ` +
      `chars.ts under this Node (${process.version}, Unicode ${process.versions.unicode}): run \`npm run gen:unicode\` ` +
      `and commit the result. ${wrong.length} differences, the first: ${wrong.slice(0, 8).join('; ')}`;
    expect(wrong.length, advice).toBe(0);
  });

  it('lists exactly the code units that fold to another one', () => {
    const { fold } = tablesFromProperties();
    const expected = [];
    for (let c = 0; c < 0x10000; c++) if (fold[c] !== c) expected.push(c);
    expect([...foldingUnits].sort((a, b) => a - b)).toEqual(expected);
  });

  it('ships as a few KB in the content script', () => {
    // The content script has a 25 KB gzipped budget in all; this data is a small part of it.
    const source = readFileSync(new URL('../../../src/match/unicode-data.ts', import.meta.url));
    expect(gzipSync(source, { level: 9 }).length).toBeLessThan(4096);
  });
});

describe('character classes', () => {
  const flagsOf = (ch: string): number => charFlags[ch.charCodeAt(0)]!;

  it('knows words in any script, and which scripts are written without spaces', () => {
    expect(flagsOf('a')).toBe(WORD);
    expect(flagsOf('7')).toBe(WORD);
    expect(flagsOf('é')).toBe(WORD);
    expect(flagsOf('Ж')).toBe(WORD);
    expect(flagsOf('华')).toBe(WORD | UNSPACED);
    expect(flagsOf('カ')).toBe(WORD | UNSPACED);
    expect(flagsOf('ก')).toBe(WORD | UNSPACED);
    expect(flagsOf('-')).toBe(0);
    expect(flagsOf('.')).toBe(0);
  });

  it('counts spaces inside a line but never a line or block break', () => {
    for (const ch of [' ', '\t', '\u00a0', '\u2009', '\u3000']) expect(flagsOf(ch), hex(ch.charCodeAt(0))).toBe(INLINE_SPACE);
    for (const ch of ['\n', '\r', '\u2028', '\u2029', '\f', '\v']) expect(flagsOf(ch), hex(ch.charCodeAt(0))).toBe(0);
  });

  it('marks invisible characters that may sit inside a word as ignorable only', () => {
    for (const ch of ['\u00ad', '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff']) expect(flagsOf(ch), hex(ch.charCodeAt(0))).toBe(IGNORABLE);
  });

  it('treats either half of a surrogate pair as an unspaced word character, and looks closer when asked', () => {
    expect(flagsOf('\ud83d')).toBe(WORD | UNSPACED);
    expect(flagsOf('\udc00')).toBe(WORD | UNSPACED);
    // An astral letter (mathematical bold A) is a spaced word; an astral ideograph and an emoji are not.
    expect(isSpacedWordAt('x\u{1d400}y', 1)).toBe(true);
    expect(isSpacedWordAt('x\u{1d400}y', 2)).toBe(true);
    expect(isSpacedWordAt('\u{20000}', 0)).toBe(false);
    expect(isSpacedWordAt('\u{1f600}', 0)).toBe(false);
    expect(isSpacedWordAt('ab', 2)).toBe(false);
  });
});

describe('case fold', () => {
  it('lowercases Latin, Latin Extended-A, Greek, Cyrillic and fullwidth letters', () => {
    expect(foldString('HUAWEI Ĳssel ĀĂĄ Čž ΣΩ ЖУК ＡＢ')).toBe('huawei ĳssel āăą čž σω жук ａｂ');
  });

  it('folds typographic apostrophes and hyphens to their ASCII forms', () => {
    expect(foldString('Huawei’s ‘Wi‐Fi’ Wi‑Fi ʼ＇')).toBe("huawei's 'wi-fi' wi-fi ''");
  });

  it('never changes the length: a letter without a one-to-one lowercase stays as it is', () => {
    const text = 'İSTANBUL ẞ';
    expect(foldString(text)).toHaveLength(text.length);
    expect(foldString(text)).toBe('İstanbul ß');
  });

  it('leaves surrogates, CJK and Hangul as they are', () => {
    const text = '\u{1f600}华为 삼성';
    expect(foldString(text)).toBe(text);
  });
});
