// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { buildTextModel } from '../../../src/page/text-model.ts';
import { rangeOf, segmentsOf } from './segments.ts';
import { prng } from '../../bench/synthetic.ts';
import { referenceModel } from './text-model-reference.ts';

/** Inline elements (mostly unstyled) and the rarer elements that break, skip or hide. */
const INLINE = ['b', 'em', 'a', 'span', 'x-widget'];
const RARE = ['br', 'button', 'aside', 'code', 'script', 'ruby', 'rt', 'p', 'div'];
const ATTRIBUTES: Array<[string, string]> = [['class', 'gone'], ['class', 'plain'], ['id', 'x'], ['hidden', ''], ['style', 'display: none'], ['aria-hidden', 'true'], ['href', '#']];
const TEXTS = ['Huawei', ' said ', 'ZTE', '', ' ', '\n    ', 'Deutsche Telekom', '  Oppo', 'TCL. ', '华为', 'Lenovo ', 'data ', 'Vodafone'];
const BLOCKS = ['p', 'li', 'h2', 'div'];

/** Children for `parent`: texts and inline elements, now and then a rare one, `depth` deep. */
function grow(doc: Document, parent: Node, rand: () => number, depth: number): void {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const children = 1 + Math.floor(rand() * 4);
  for (let i = 0; i < children; i++) {
    if (depth === 0 || rand() < 0.5) {
      parent.appendChild(doc.createTextNode(pick(TEXTS)));
      continue;
    }
    const element = doc.createElement(rand() < 0.12 ? pick(RARE) : pick(INLINE));
    if (rand() < 0.2) element.setAttribute(...pick(ATTRIBUTES));
    parent.appendChild(element);
    grow(doc, element, rand, depth - 1);
  }
}

/** A page of blocks of generated inline content, with indentation between them now and then. */
function generate(doc: Document, rand: () => number): void {
  doc.body.replaceChildren();
  const blocks = 1 + Math.floor(rand() * 6);
  for (let i = 0; i < blocks; i++) {
    if (rand() < 0.3) doc.body.append('\n  ');
    const block = doc.createElement(BLOCKS[Math.floor(rand() * BLOCKS.length)]!);
    if (rand() < 0.1) block.setAttribute('class', rand() < 0.5 ? 'gone' : 'plain');
    doc.body.append(block);
    grow(doc, block, rand, 3);
  }
}

const isHidden = (element: Element): boolean => element.classList.contains('gone');

/** Blocks the model may read in one go: text inside, and only unstyled inline elements. */
function wholeBlocks(root: Element): number {
  let count = 0;
  for (const block of root.querySelectorAll('p, div, li, h2')) {
    const inline = [...block.querySelectorAll('*')].every((e) => ['span', 'b', 'em', 'a', 'x-widget'].includes(e.localName) && [...e.attributes].every((a) => a.name === 'href'));
    const text = block.textContent ?? '';
    if (inline && block.querySelector('*') && /^[^\s]/.test(text)) count++;
  }
  return count;
}

describe('text model against the node-by-node walk', () => {
  it('gives the same text and the same text nodes at the same offsets on 400 generated pages', () => {
    const rand = prng(20261121);
    let blocksReadWhole = 0;
    for (let run = 0; run < 400; run++) {
      generate(document, rand);
      const expected = referenceModel(document.body, isHidden);
      const model = buildTextModel(document, { isHidden });
      expect(model.text, document.body.innerHTML).toBe(expected.text);
      expect(segmentsOf(model), document.body.innerHTML).toEqual(expected.segments);
      for (const { node, start, end } of expected.segments) {
        expect(model.locate(start)?.node).toBe(node);
        expect(rangeOf(model, start, end)?.toString()).toBe(node.data);
      }
      blocksReadWhole += wholeBlocks(document.body);
    }
    // The generated pages do exercise blocks of inline text (the fast path), not only the walk.
    expect(blocksReadWhole).toBeGreaterThan(200);
  });
});

describe('blocks of inline text', () => {
  it('lists a block’s text nodes when first asked, and maps nowhere once the page changed it', () => {
    document.body.innerHTML = '<p id="a">Huawei <b>Mate</b> phones</p><p id="b">ZTE <em>Axon</em></p>';
    const model = buildTextModel(document);
    expect(model.text).toBe('Huawei Mate phones\nZTE Axon');
    // The page edits the second block after the scan, before anything there is marked.
    document.getElementById('b')!.append(' and more');
    expect(rangeOf(model, 7, 11)?.toString()).toBe('Mate');
    expect(model.locate(19)).toBeNull();
    expect(rangeOf(model, 19, 22)).toBeNull();
  });

  it('asks the visibility hook about styled inline elements inside a block, and leaves out what it hides', () => {
    document.body.innerHTML = '<p>Huawei <span class="gone">and Oppo</span> <a class="link" href="#">ZTE</a></p>';
    const asked: string[] = [];
    const text = buildTextModel(document, {
      isHidden: (element) => {
        asked.push(element.className);
        return element.classList.contains('gone');
      },
    }).text;
    expect(text).toBe('Huawei  ZTE');
    // The hidden span sends the block down the node-by-node walk, which asks again; the
    // visible link is asked once.
    expect(asked.filter((name) => name === 'link')).toEqual(['link']);
    expect(asked).toContain('gone');
  });

  it('walks a paragraph of 20,000 nested inline elements instead of reading it whole', () => {
    const p = document.createElement('p');
    let inner: Element = p;
    for (let i = 0; i < 20_000; i++) inner = inner.appendChild(document.createElement('b'));
    inner.append('Huawei');
    // Detached: happy-dom itself recurses when it connects a tree this deep to a document.
    const model = buildTextModel(p);
    expect(model.text).toBe('Huawei');
    expect(rangeOf(model, 0, 6)?.toString()).toBe('Huawei');
  });
});
