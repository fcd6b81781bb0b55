// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { createHighlighter, HIGHLIGHT, makeMark, type HighlightRegistryLike } from '../../../src/page/highlights.ts';
import type { IntersectionObserverCtor } from '../../../src/page/paint-window.ts';
import { FakeHighlight, FakeObserver } from '../page/highlight-fakes.ts';

describe('painting window on long pages', () => {
  let entries: Map<string, FakeHighlight>;
  let paragraphs: HTMLElement[];

  beforeEach(() => {
    document.body.innerHTML = Array.from({ length: 10 }, (_, i) => `<p id="p${i}">Acme and Globex ${i}.</p>`).join('');
    paragraphs = [...document.querySelectorAll('p')];
    entries = new Map();
  });

  function setup(paintAllUpTo: number) {
    const registry: HighlightRegistryLike = { set: (name, h) => entries.set(name, h as unknown as FakeHighlight), delete: (name) => entries.delete(name) };
    const highlighter = createHighlighter({
      registry,
      HighlightCtor: FakeHighlight as unknown as new (...r: Range[]) => Highlight,
      paintAllUpTo,
      IntersectionObserver: FakeObserver as unknown as IntersectionObserverCtor,
    });
    const marks = paragraphs.map((p) => {
      const range = document.createRange();
      range.setStart(p.firstChild!, 0);
      range.setEnd(p.firstChild!, 4);
      return makeMark('mention', range, ['acme']);
    });
    return { highlighter, marks };
  }

  const painted = () => [...(entries.get(HIGHLIGHT.mention) ?? [])].map((r) => (r.startContainer.parentElement as HTMLElement).id).sort();

  it('paints everything while the page is small', () => {
    const { highlighter, marks } = setup(100);
    highlighter.add(marks, { inOrder: true });
    expect(painted()).toHaveLength(10);
  });

  it('paints only what is near the viewport once the page is long, following the scroll', () => {
    const { highlighter, marks } = setup(5);
    highlighter.add(marks, { inOrder: true });
    expect(painted()).toEqual([]);
    FakeObserver.last!.show([paragraphs[0]!, paragraphs[1]!]);
    expect(painted()).toEqual(['p0', 'p1']);
    FakeObserver.last!.show([paragraphs[8]!, paragraphs[9]!]);
    expect(painted()).toEqual(['p8', 'p9']);
    // Every mark is still known (hover, sidebar, counts), painted or not.
    expect(highlighter.visible('mention')).toHaveLength(10);
  });

  it('takes down what it painted when the page grows past the limit, until the observer reports', () => {
    const { highlighter, marks } = setup(5);
    highlighter.add(marks.slice(0, 4), { inOrder: true });
    expect(painted()).toHaveLength(4);
    highlighter.add(marks.slice(4), { inOrder: true });
    expect(painted()).toEqual([]);
    FakeObserver.last!.show([paragraphs[3]!, paragraphs[4]!]);
    expect(painted()).toEqual(['p3', 'p4']);
  });

  it('keeps the window through company switches and removals', () => {
    const { highlighter, marks } = setup(5);
    highlighter.add(marks, { inOrder: true });
    FakeObserver.last!.show([paragraphs[2]!, paragraphs[3]!]);
    highlighter.setHiddenEntities(new Set(['acme']));
    expect(painted()).toEqual([]);
    highlighter.setHiddenEntities(new Set());
    expect(painted()).toEqual(['p2', 'p3']);
    paragraphs[3]!.remove();
    highlighter.prune();
    expect(painted()).toEqual(['p2']);
    expect(FakeObserver.last!.observed.has(paragraphs[3]!)).toBe(false);
  });

  it('stops observing on destroy', () => {
    const { highlighter, marks } = setup(5);
    highlighter.add(marks, { inOrder: true });
    highlighter.destroy();
    expect(FakeObserver.last!.observed.size).toBe(0);
  });
});
