// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { searchByCaret } from '../../../src/page/hit-test.ts';

describe('searchByCaret', () => {
  document.body.innerHTML = '<p>Acme met Globex and Acme.</p><p>Later, Globex.</p>';
  const [first, second] = [...document.querySelectorAll('p')].map((p) => p.firstChild as Text) as [Text, Text];
  const at = (node: Text, start: number, end: number) => {
    const range = document.createRange();
    range.setStart(node, start);
    range.setEnd(node, end);
    return { range, label: node.data.slice(start, end) + start };
  };
  const items = [at(first, 0, 4), at(first, 9, 15), at(first, 20, 24), at(second, 7, 13)];

  it('finds the mark holding the caret, in any paragraph', () => {
    expect(items[searchByCaret(items, { node: first, offset: 11 })]?.label).toBe('Globex9');
    expect(items[searchByCaret(items, { node: first, offset: 22 })]?.label).toBe('Acme20');
    expect(items[searchByCaret(items, { node: second, offset: 8 })]?.label).toBe('Globex7');
  });

  it('finds nothing between marks', () => {
    expect(searchByCaret(items, { node: first, offset: 6 })).toBe(-1);
    expect(searchByCaret(items, { node: second, offset: 2 })).toBe(-1);
  });
});
