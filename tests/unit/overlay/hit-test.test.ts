// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { firstNotBefore, searchByCaret } from '../../../src/page/hit-test.ts';

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

describe('firstNotBefore', () => {
  it('finds the first mark inside an element, from the element start', () => {
    document.body.innerHTML = '<p>Acme and <a href="#">the Globex site</a> and Acme.</p>';
    const p = document.querySelector('p')!;
    const link = document.querySelector('a')!;
    const mark = (node: Node, start: number, end: number) => {
      const range = document.createRange();
      range.setStart(node, start);
      range.setEnd(node, end);
      return { range };
    };
    const items = [mark(p.firstChild!, 0, 4), mark(link.firstChild!, 4, 10), mark(p.lastChild!, 5, 9)];
    expect(firstNotBefore(items, { node: link, offset: 0 })).toBe(1);
    expect(firstNotBefore(items, { node: p.lastChild!, offset: 9 })).toBe(2);
    expect(firstNotBefore(items, { node: p, offset: p.childNodes.length })).toBe(-1);
  });
});
