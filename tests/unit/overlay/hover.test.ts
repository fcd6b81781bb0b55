// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { trackHover } from '../../../src/page/hover.ts';

describe('trackHover from the keyboard', () => {
  let controller: AbortController;
  afterEach(() => controller.abort());

  it('reports the name in a link that gets focus, and nothing when focus moves on', () => {
    document.body.innerHTML = '<p>See <a id="name" href="#">Acme</a> and <a id="other" href="#">more</a>.</p><fact-context-root></fact-context-root>';
    const link = document.querySelector<HTMLAnchorElement>('#name')!;
    const range = document.createRange();
    range.setStart(link.firstChild!, 0);
    range.setEnd(link.firstChild!, 4);
    const item = { range };
    const seen: Array<[string | null, string]> = [];
    controller = new AbortController();
    trackHover({
      doc: document,
      items: () => [item],
      isOwnUi: (target) => target instanceof Element && target.localName === 'fact-context-root',
      onChange: (found, source) => seen.push([found ? found.range.toString() : null, source]),
      signal: controller.signal,
    });
    link.focus();
    document.querySelector<HTMLAnchorElement>('#other')!.focus();
    expect(seen).toEqual([
      ['Acme', 'caret'],
      [null, 'caret'],
    ]);
  });
});
