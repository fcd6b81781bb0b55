import { describe, expect, it } from 'vitest';
import { Automaton } from '../../../src/match/automaton.ts';
import { IGNORABLE, INLINE_SPACE, tablesFromProperties } from '../../../src/match/chars.ts';
import { prng } from '../../bench/synthetic.ts';

/** Every (pattern, end) the automaton reports, as sorted strings. */
function scan(patterns: string[], text: string): string[] {
  const automaton = new Automaton(patterns);
  const found: string[] = [];
  const { patterns: ids, ends, count } = automaton.scan(text);
  for (let i = 0; i < count; i++) found.push(`${patterns[ids[i]!]}@${automaton.startOf(text, ids[i]!, ends[i]!)}-${ends[i]}`);
  return found.sort();
}

/** A seeded generator, and strings of `n` units drawn from `alphabet` with it. */
function seeded(seed: number) {
  const rand = prng(seed);
  const pick = (alphabet: string, n: number) => Array.from({ length: n }, () => alphabet[Math.floor(rand() * alphabet.length)]).join('');
  return { rand, pick };
}

const hex = (c: number): string => `U+${c.toString(16).toUpperCase().padStart(4, '0')}`;

const isWord = (ch: string | undefined) => ch !== undefined && /[\p{L}\p{N}]/u.test(ch) && !/\p{Script=Han}/u.test(ch);

const SHY = '\u00ad';

/**
 * The same rules, the slow obvious way: at every position where a word may start, try every
 * pattern, letting one pattern space stand for a run of spaces, and reading through soft
 * hyphens as the automaton does (a match starts on a visible unit).
 */
function bruteForce(patterns: string[], text: string): string[] {
  const visibleBefore = (i: number) => {
    while (text[i - 1] === SHY) i--;
    return text[i - 1];
  };
  const found: string[] = [];
  for (let start = 0; start < text.length; start++) {
    if (text[start] === SHY) continue;
    for (const p of patterns) {
      if (isWord(p[0]) && isWord(visibleBefore(start))) continue;
      let i = start;
      let ok = true;
      for (const ch of p) {
        while (text[i] === SHY) i++;
        if (ch === ' ') {
          if (text[i] !== ' ') ok = false;
          while (text[i] === ' ' || text[i] === SHY) i++;
        } else if (text[i]?.toLowerCase() === ch) i++;
        else ok = false;
        if (!ok) break;
      }
      if (ok) found.push(`${p}@${start}-${i}`);
    }
  }
  return found.sort();
}

describe('the automaton', () => {
  it('reports every occurrence, overlapping ones included, with start and end', () => {
    expect(scan(['he', 'she', 'his', 'hers'], 'she hers')).toEqual(['he@4-6', 'hers@4-8', 'she@0-3']);
    expect(scan(['a b', 'b c', 'a'], 'a  b c')).toEqual(['a b@0-4', 'a@0-1', 'b c@3-6']);
  });

  it('only starts a word-initial pattern at a word start, but anything else anywhere', () => {
    expect(scan(['zte', 'oppo'], 'aztec opportunity')).toEqual(['oppo@6-10']);
    expect(scan(['华为', '.com'], '否认华为 foo.com')).toEqual(['.com@8-12', '华为@2-4']);
  });

  it('agrees with a brute-force matcher on random patterns and texts', () => {
    const { rand, pick } = seeded(1234);
    for (let round = 0; round < 200; round++) {
      const patterns = [...new Set(Array.from({ length: 1 + Math.floor(rand() * 6) }, () => pick('ab华', 1 + Math.floor(rand() * 3)) + (rand() < 0.3 ? ` ${pick('ab', 1)}` : '')))];
      const text = pick('abAB 华.', 40);
      expect(scan(patterns, text), `${JSON.stringify(patterns)} in ${JSON.stringify(text)}`).toEqual(bruteForce(patterns, text));
    }
  });
});

describe('the automaton and invisible characters', () => {
  it('reads through them in short and long patterns alike, and tells from where a match may be longer than its pattern', () => {
    const { rand, pick } = seeded(4321);
    let withShy = 0;
    for (let round = 0; round < 300; round++) {
      // Up to 7 units: deep states with one way on are stored apart from the table (sparse).
      const patterns = [...new Set(Array.from({ length: 1 + Math.floor(rand() * 8) }, () => pick('ab华', 1 + Math.floor(rand() * 7)) + (rand() < 0.3 ? ` ${pick('ab', 1)}` : '')))];
      const text = pick(`abAB 华.${SHY}`, 60);
      expect(scan(patterns, text), `${JSON.stringify(patterns)} in ${JSON.stringify(text)}`).toEqual(bruteForce(patterns, text));
      const from = Math.floor(rand() * 30);
      const to = from + Math.floor(rand() * 30);
      const automaton = new Automaton(patterns);
      const { patterns: ids, ends, count, uncounted } = automaton.scan(text, from, to);
      // Every invisible character is read past; so is a space after the first of a run, but
      // only while a match is under way.
      const first = text.indexOf(SHY, from);
      expect(uncounted).toBeLessThanOrEqual(first >= 0 && first < to ? first : to);
      if (uncounted < to) expect([SHY, ' ']).toContain(text[uncounted]);
      for (let i = 0; i < count && ends[i]! <= uncounted; i++) {
        expect(automaton.startOf(text, ids[i]!, ends[i]!)).toBe(ends[i]! - automaton.lengths[ids[i]!]!);
      }
      if (first >= 0 && first < to) withShy++;
    }
    expect(withShy).toBeGreaterThan(100);
  });

  it('tells where a match under way first read past a space or an invisible character', () => {
    const at = (patterns: string[], text: string) => new Automaton(patterns).scan(text).uncounted;
    expect(at(['a b'], 'a  b')).toBe(2);
    expect(at(['a b'], 'a b, x  y')).toBe(9);
    expect(at(['a b'], 'a  c')).toBe(2);
    expect(at(['ab'], `x ab${SHY}`)).toBe(4);
  });

  it('reports a match with a soft hyphen right after it once, and one that goes on after it', () => {
    expect(scan(['ab', 'abab'], `ab${SHY}${SHY}ab`)).toEqual([`ab@0-2`, `abab@0-6`]);
    expect(scan(['huawei'], `Huawei${SHY} Hua${SHY}wei`)).toEqual([`huawei@0-6`, `huawei@8-15`]);
  });
});

describe('the automaton on many long patterns', () => {
  it('agrees with a brute-force matcher where names share long pieces (deep states, long failure chains)', () => {
    const { rand, pick } = seeded(99);
    for (let round = 0; round < 30; round++) {
      // Han starts a match anywhere, so failure links run deep through its repeats.
      const patterns = [...new Set(Array.from({ length: 5 + Math.floor(rand() * 60) }, () => pick('华华为a', 1 + Math.floor(rand() * 9)) + (rand() < 0.2 ? ` ${pick('a华', 2)}` : '')))];
      const text = pick('华华为aA  .', 300);
      expect(scan(patterns, text), `${JSON.stringify(patterns)} in ${JSON.stringify(text)}`).toEqual(bruteForce(patterns, text));
    }
  });
});

describe('the automaton’s case fold', () => {
  it('matches a character wherever the text has any code unit that folds to it, and nowhere else', () => {
    // One pattern per character that something folds to, plus ASCII letters, digits and
    // punctuation; the text: every BMP code unit on a line of its own.
    const { flags, fold } = tablesFromProperties();
    const targets = new Set<number>();
    for (let c = 0; c < 0x10000; c++) if (fold[c] !== c) targets.add(fold[c]!);
    for (let c = 0x21; c < 0x7f; c++) targets.add(fold[c]!);
    const patterns = [...targets].map((c) => String.fromCharCode(c));
    const automaton = new Automaton(patterns);
    let text = '';
    for (let c = 0; c < 0x10000; c++) text += `\n${String.fromCharCode(c)}`;
    const { patterns: ids, ends, count } = automaton.scan(text);
    const found: string[] = [];
    for (let i = 0; i < count; i++) found.push(`${hex(text.charCodeAt(ends[i]! - 1))}:${hex(patterns[ids[i]!]!.charCodeAt(0))}`);
    const expected: string[] = [];
    for (let c = 0; c < 0x10000; c++) {
      // Spaces and invisible characters never stand for a pattern's character.
      if (flags[c]! & (INLINE_SPACE | IGNORABLE) || !targets.has(fold[c]!)) continue;
      expected.push(`${hex(c)}:${hex(fold[c]!)}`);
    }
    expect(found).toEqual(expected);
  });
});
