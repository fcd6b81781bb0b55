import { describe, expect, it } from 'vitest';
import { createEngine, mostCounted } from '../../../src/match/index.ts';
import { tinyKb } from './tiny-kb.ts';

describe('what a page is about by its mentions (mostCounted)', () => {
  it('is the company mentioned most, if at least twice', () => {
    expect(mostCounted(new Map([['huawei', 3], ['zte', 2]]))).toEqual(['huawei']);
    expect(mostCounted(new Map([['zte', 2], ['huawei', 5], ['apple', 4]]))).toEqual(['huawei']);
    expect(mostCounted(new Map([['huawei', 2]]))).toEqual(['huawei']);
  });

  it('is every company on a tie, in the order given', () => {
    expect(mostCounted(new Map([['zte', 2], ['huawei', 3], ['apple', 3]]))).toEqual(['huawei', 'apple']);
    expect(mostCounted(new Map([['huawei', 2], ['zte', 2]]))).toEqual(['huawei', 'zte']);
  });

  it('is no company when none is mentioned twice', () => {
    expect(mostCounted(new Map([['huawei', 1], ['zte', 1]]))).toEqual([]);
    expect(mostCounted(new Map<string, number>())).toEqual([]);
  });

  it('takes counts by index too (an array’s entries)', () => {
    expect(mostCounted(Int32Array.of(0, 4, 1, 4).entries())).toEqual([1, 3]);
  });
});

describe('the engine judges what a page is about by the same rule', () => {
  const engine = createEngine(tinyKb);
  // A reference to the subject, alone in its paragraph: it counts only on a page about Huawei.
  const sentence = 'The company can tap into carrier networks through lawful interception.';
  const page = (...lines: string[]) => engine.scan(`${lines.join('\n')}\nSomething else.\n${sentence}`).claims;

  it('a page naming Huawei and Oppo twice each is about both', () => {
    expect(page('Huawei makes phones.', 'Oppo makes phones.', 'Huawei sells gear.', 'Oppo sells gear.')).toMatchObject([{ entities: ['huawei'], text: sentence }]);
  });

  it('a page naming Oppo more often is not about Huawei, nor one naming Huawei only once', () => {
    expect(page('Huawei makes phones.', 'Oppo makes phones.', 'Huawei sells gear.', 'Oppo sells gear.', 'Oppo again.')).toEqual([]);
    expect(page('Huawei makes phones.')).toEqual([]);
  });
});
