import { describe, expect, it, vi } from 'vitest';
import { loadKnowledgeBase } from '../../../src/knowledge/load.ts';
import { createEngine } from '../../../src/match/index.ts';
import { chunkBounds, eachSliced, scanSliced } from '../../../src/page/scan.ts';
import { prng } from '../../bench/synthetic.ts';

const engine = createEngine(loadKnowledgeBase());
const never = new AbortController().signal;
const now = () => Promise.resolve();

describe('scanning a long page in chunks', () => {
  // Huawei is named early and often; far below, a sentence calls it "the company".
  const opening = 'Huawei sells phones.\nHuawei sells routers.\n';
  // Past one engine call's worth of text (CHUNK), so the page is scanned in several.
  const filler = 'The weather was fine and the match was postponed.\n'.repeat(5000);
  const late = 'The company can secretly access mobile networks through lawful interception interfaces.\n';
  const text = opening + filler + late;

  it('is cut at block boundaries into more than one chunk', () => {
    const bounds = chunkBounds(text);
    expect(bounds.length).toBeGreaterThan(1);
    for (const [, end] of bounds.slice(0, -1)) expect(text[end - 1]).toBe('\n');
  });

  it('finds what one scan of the whole text finds, a reference to the page subject included', async () => {
    const whole = engine.scan(text, {});
    const chunked = await scanSliced(engine, text, {}, never, now);
    expect(whole.claims.map((c) => c.text)).toEqual([late.trim()]);
    expect(chunked.claims.map((c) => [c.claim, c.start, c.end])).toEqual(whole.claims.map((c) => [c.claim, c.start, c.end]));
    expect(chunked.mentions.map((m) => [m.entity, m.start])).toEqual(whole.mentions.map((m) => [m.entity, m.start]));
  });

  it('reads each chunk once: the claims come from the same pass as the mentions', async () => {
    let read = 0;
    const counting = {
      ...engine,
      prepare: (text: string, from = 0, to = text.length) => ((read += to - from), engine.prepare(text, from, to)),
      scan: () => expect.unreachable('a chunk scanned a second time'),
    };
    const chunked = await scanSliced(counting, text, {}, never, now);
    expect(read).toBe(text.length);
    expect(chunked.claims.map((c) => c.text)).toEqual([late.trim()]);
  });

  it('judges what the page is about over the whole page, not one chunk', async () => {
    // Facebook leads the page; a late chunk names Huawei twice, then a paragraph says "the
    // company". Counted in that chunk alone, Huawei would be what the page is about.
    const page = 'Facebook shares data.\n'.repeat(5) + filler + 'Huawei sells phones. Huawei sells routers.\n' + late;
    expect(chunkBounds(page).length).toBeGreaterThan(1);
    const whole = engine.scan(page, {});
    const chunked = await scanSliced(engine, page, {}, never, now);
    expect(whole.claims).toEqual([]);
    expect(chunked.claims).toEqual([]);
    // Named in the same paragraph, Huawei is the company meant, chunked or not.
    const named = 'Facebook shares data.\n'.repeat(5) + filler + 'Huawei sells phones. ' + late;
    expect((await scanSliced(engine, named, {}, never, now)).claims.map((c) => c.text)).toEqual([late.trim()]);
  });

  it('finds what one scan finds on generated pages of many chunks', async () => {
    const pool = [
      'Huawei sells phones.',
      'Facebook gave Huawei access to user data.',
      'The company can secretly access mobile networks through lawful interception interfaces.',
      'U.S. officials say Huawei has been able to covertly access mobile-phone networks through back doors.',
      'Vodafone sells routers.',
      'The weather was fine and the match was postponed.',
    ];
    const rand = prng(7);
    let claims = 0;
    for (let run = 0; run < 4; run++) {
      const blocks: string[] = [];
      for (let length = 0; length < 450_000; ) {
        const block = Array.from({ length: 1 + Math.floor(rand() * 4) }, () => pool[Math.floor(rand() * pool.length)]!).join(' ') + '\n';
        blocks.push(block);
        length += block.length;
      }
      const page = blocks.join('');
      const whole = engine.scan(page, {});
      const chunked = await scanSliced(engine, page, {}, never, now);
      expect(chunkBounds(page).length).toBeGreaterThan(2);
      expect(chunked).toEqual(whole);
      claims += whole.claims.length;
    }
    expect(claims).toBeGreaterThan(100);
  });
});

describe('slicing work', () => {
  it('yields once the items done since the last yield used the budget, small items and async ones included', async () => {
    // Each item takes 5 ms on this clock: far below the budget alone, over it three at a time.
    let clock = 0;
    const now = vi.spyOn(performance, 'now').mockImplementation(() => clock);
    const log: string[] = [];
    try {
      await eachSliced(
        [1, 2, 3, 4, 5, 6, 7],
        async (item) => {
          await Promise.resolve();
          clock += 5;
          log.push(String(item));
        },
        never,
        async () => void log.push('yield'),
      );
    } finally {
      now.mockRestore();
    }
    expect(log).toEqual(['1', '2', '3', 'yield', '4', '5', '6', 'yield', '7']);
  });
});
