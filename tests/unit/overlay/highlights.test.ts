// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHighlighter, HIGHLIGHT, makeMark, type HighlightRegistryLike } from '../../../src/page/highlights.ts';

class FakeHighlight extends Set<Range> {
  priority = 0;
  constructor(...ranges: Range[]) {
    super(ranges);
  }
}

function fakeRegistry(): HighlightRegistryLike & { entries: Map<string, FakeHighlight> } {
  const entries = new Map<string, FakeHighlight>();
  return {
    entries,
    set: (name, highlight) => entries.set(name, highlight as unknown as FakeHighlight),
    delete: (name) => entries.delete(name),
  };
}

function rangeOf(node: Text, start: number, end: number): Range {
  const range = document.createRange();
  range.setStart(node, start);
  range.setEnd(node, end);
  return range;
}

describe('highlighter', () => {
  let text: Text;
  beforeEach(() => {
    document.body.innerHTML = '<p id="a">Acme met Globex.</p><p id="b">Acme again.</p>';
    text = document.querySelector('#a')!.firstChild as Text;
  });
  afterEach(() => vi.useRealTimers());

  const make = (registry = fakeRegistry()) => ({
    registry,
    highlighter: createHighlighter({ registry, HighlightCtor: FakeHighlight as unknown as new (...r: Range[]) => Highlight }),
  });

  it('paints mentions and claim sentences under their own names', () => {
    const { registry, highlighter } = make();
    highlighter.add([makeMark('mention', rangeOf(text, 0, 4), ['acme']), makeMark('claim', rangeOf(text, 0, 16), ['acme'], { claim: 'c' })]);
    expect(registry.entries.get(HIGHLIGHT.mention)?.size).toBe(1);
    expect(registry.entries.get(HIGHLIGHT.claim)?.size).toBe(1);
    expect(registry.entries.get(HIGHLIGHT.mention)!.priority).toBeGreaterThan(registry.entries.get(HIGHLIGHT.claim)!.priority);
  });

  it('hides a company at once and shows it again', () => {
    const { registry, highlighter } = make();
    highlighter.add([makeMark('mention', rangeOf(text, 0, 4), ['acme']), makeMark('mention', rangeOf(text, 9, 15), ['globex'])]);
    highlighter.setHiddenEntities(new Set(['acme']));
    const painted = [...registry.entries.get(HIGHLIGHT.mention)!].map((r) => r.toString());
    expect(painted).toEqual(['Globex']);
    expect(highlighter.visible('mention').map((m) => m.entities[0])).toEqual(['globex']);
    highlighter.setHiddenEntities(new Set());
    expect(registry.entries.get(HIGHLIGHT.mention)?.size).toBe(2);
  });

  it('keeps a claim sentence while any of its subjects is shown', () => {
    const { registry, highlighter } = make();
    highlighter.add([makeMark('claim', rangeOf(text, 0, 16), ['acme', 'globex'], { claim: 'c' })]);
    highlighter.setHiddenEntities(new Set(['acme']));
    expect(registry.entries.get(HIGHLIGHT.claim)?.size).toBe(1);
    highlighter.setHiddenEntities(new Set(['acme', 'globex']));
    expect(registry.entries.get(HIGHLIGHT.claim)?.size).toBe(0);
  });

  it('lists marks in document order whatever order they came in', () => {
    const { highlighter } = make();
    const second = document.querySelector('#b')!.firstChild as Text;
    highlighter.add([makeMark('mention', rangeOf(second, 0, 4), ['acme'])]);
    highlighter.add([makeMark('mention', rangeOf(text, 9, 15), ['globex']), makeMark('mention', rangeOf(text, 0, 4), ['acme'])]);
    expect(highlighter.all().map((m) => `${m.range.startContainer === second ? 'b' : 'a'}${m.range.startOffset}`)).toEqual(['a0', 'a9', 'b0']);
  });

  it('merges in-order batches from different parts of the page into document order', () => {
    const { highlighter } = make();
    const second = document.querySelector('#b')!.firstChild as Text;
    highlighter.add([makeMark('mention', rangeOf(second, 0, 4), ['acme'])], { inOrder: true });
    highlighter.add([makeMark('mention', rangeOf(text, 0, 4), ['acme']), makeMark('mention', rangeOf(text, 9, 15), ['globex'])], { inOrder: true });
    highlighter.add([makeMark('mention', rangeOf(second, 5, 10), ['acme'])], { inOrder: true });
    expect(highlighter.visible('mention').map((m) => `${m.range.startContainer === second ? 'b' : 'a'}${m.range.startOffset}`)).toEqual(['a0', 'a9', 'b0', 'b5']);
  });

  it('drops marks whose text left the document', () => {
    const { registry, highlighter } = make();
    const second = document.querySelector('#b')!.firstChild as Text;
    highlighter.add([makeMark('mention', rangeOf(text, 0, 4), ['acme']), makeMark('mention', rangeOf(second, 0, 4), ['acme'])]);
    document.querySelector('#b')!.remove();
    expect(highlighter.prune()).toBe(1);
    expect(registry.entries.get(HIGHLIGHT.mention)?.size).toBe(1);
  });

  it('marks "Show on page" for a moment, then removes the mark', () => {
    vi.useFakeTimers();
    const { registry, highlighter } = make();
    highlighter.focus(rangeOf(text, 0, 4));
    expect(registry.entries.get(HIGHLIGHT.focus)?.size).toBe(1);
    vi.advanceTimersByTime(2500);
    expect(registry.entries.has(HIGHLIGHT.focus)).toBe(false);
  });

  it('removes everything it registered on destroy', () => {
    const { registry, highlighter } = make();
    highlighter.add([makeMark('mention', rangeOf(text, 0, 4), ['acme']), makeMark('claim', rangeOf(text, 0, 16), ['acme'], { claim: 'c' })]);
    highlighter.focus(rangeOf(text, 0, 4));
    highlighter.destroy();
    expect([...registry.entries.keys()]).toEqual([]);
  });
});
