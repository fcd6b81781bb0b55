// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ClaimMatch, Mention, ScanResult } from '../../../src/match/index.ts';
import { createHighlighter, HIGHLIGHT, isStale, makeMark, type HighlightRegistryLike, type Mark } from '../../../src/page/highlights.ts';
import type { IntersectionObserverCtor } from '../../../src/page/paint-window.ts';
import { markKey, toMarks } from '../../../src/page/scan.ts';
import { buildTextModel, type TextModel } from '../../../src/page/text-model.ts';
import { FakeHighlight, FakeObserver } from './highlight-fakes.ts';

const never = new AbortController().signal;
const now = () => Promise.resolve();

function mention(model: TextModel, entity: string, text: string, from = 0): Mention {
  const start = model.text.indexOf(text, from);
  if (start < 0) throw new Error(`${text} not in the text`);
  return { entity, text, start, end: start + text.length };
}

function claim(model: TextModel, id: string, text: string, entities: string[]): ClaimMatch {
  const start = model.text.indexOf(text);
  if (start < 0) throw new Error(`${text} not in the text`);
  return { claim: id, text, start, end: start + text.length, entities, cues: ['data'] };
}

/** A highlighter that paints only what its (fake) paint window shows, past two marks. */
function windowedHighlighter(registry: HighlightRegistryLike) {
  return createHighlighter({
    registry,
    HighlightCtor: FakeHighlight as unknown as new (...r: Range[]) => Highlight,
    paintAllUpTo: 2,
    IntersectionObserver: FakeObserver as unknown as IntersectionObserverCtor,
  });
}

describe('marks from a scan', () => {
  let model: TextModel;
  let result: ScanResult;

  beforeEach(() => {
    document.body.innerHTML = '<p id="a">Deutsche <b>Telekom</b> shared user data with Acme.</p><p id="b">Acme again.</p>';
    model = buildTextModel(document);
    result = {
      claims: [claim(model, 'telekom-data', 'Deutsche Telekom shared user data with Acme.', ['telekom'])],
      mentions: [mention(model, 'telekom', 'Deutsche Telekom'), mention(model, 'acme', 'Acme'), mention(model, 'acme', 'Acme', model.text.indexOf('again') - 5)],
    };
  });
  afterEach(() => vi.restoreAllMocks());

  it('mark the matched text, across inline elements, in document order with a sentence before the names in it', async () => {
    const marks = await toMarks(model, result, never, now);
    expect(marks.map((m) => [m.kind, m.range.toString()])).toEqual([
      ['claim', 'Deutsche Telekom shared user data with Acme.'],
      ['mention', 'Deutsche Telekom'],
      ['mention', 'Acme'],
      ['mention', 'Acme'],
    ]);
    expect(marks[0]).toMatchObject({ claim: 'telekom-data', cues: ['data'], entities: ['telekom'] });
    expect(marks[1]!.anchors).toHaveLength(2);
    expect(marks[3]!.range.startContainer.parentElement!.id).toBe('b');
  });

  it('come out in text order even when the engine hands over names out of order', async () => {
    result.mentions.reverse();
    const marks = await toMarks(model, result, never, now);
    expect(marks.map((m) => m.range.toString())).toEqual(['Deutsche Telekom shared user data with Acme.', 'Deutsche Telekom', 'Acme', 'Acme']);
  });

  it('drop a match that covers no page text (the break between two blocks)', async () => {
    const gap = model.text.indexOf('\n');
    const marks = await toMarks(model, { claims: [], mentions: [{ entity: 'acme', text: '\n', start: gap, end: gap + 1 }] }, never, now);
    expect(marks).toEqual([]);
  });

  it('make no Range until one is needed: a long page paints only what is near, and only those get one', async () => {
    const created = vi.spyOn(document, 'createRange');
    const marks = await toMarks(model, result, never, now);
    const entries = new Map<string, FakeHighlight>();
    const registry: HighlightRegistryLike = { set: (name, h) => entries.set(name, h as unknown as FakeHighlight), delete: (name) => entries.delete(name) };
    const highlighter = windowedHighlighter(registry);
    highlighter.add(marks, { inOrder: true });
    expect(created).not.toHaveBeenCalled();
    FakeObserver.last!.show([document.querySelector('#b')!]);
    expect([...entries.get(HIGHLIGHT.mention)!].map((r) => r.toString())).toEqual(['Acme']);
    expect(created).toHaveBeenCalledTimes(1);
    highlighter.destroy();
  });

  it('find their text nodes only when first used: the paint window watches the block, and only what it shows is listed', async () => {
    const walkers = vi.spyOn(document, 'createTreeWalker');
    const marks = await toMarks(model, result, never, now);
    expect(marks.map((m) => (m.holder as Element).id)).toEqual(['a', 'a', 'a', 'b']);
    const highlighter = windowedHighlighter({ set: () => undefined, delete: () => true });
    highlighter.add(marks, { inOrder: true });
    expect(walkers).not.toHaveBeenCalled();
    FakeObserver.last!.show([document.querySelector('#b')!]);
    expect(walkers).toHaveBeenCalledTimes(1);
    expect(walkers.mock.calls[0]![0]).toBe(document.querySelector('#b'));
    highlighter.destroy();
  });

  it('are stale, and paint nothing, when the page changed their block before they found their text', async () => {
    const marks = await toMarks(model, result, never, now);
    document.querySelector('#b')!.append(' And more.');
    const acmeAgain = marks[3]!;
    expect(isStale(acmeAgain)).toBe(true);
    expect(acmeAgain.range.toString()).toBe('');
    expect(marks.slice(0, 3).map((m) => [isStale(m), m.range.toString()])).toEqual([
      [false, 'Deutsche Telekom shared user data with Acme.'],
      [false, 'Deutsche Telekom'],
      [false, 'Acme'],
    ]);
  });

  it('keep their identity whether or not their Range was made', async () => {
    const first = await toMarks(model, result, never, now);
    const keys = first.map(markKey);
    const again = await toMarks(model, result, never, now);
    for (const mark of first) void mark.range;
    expect(first.map(markKey)).toEqual(keys);
    expect(again.map(markKey)).toEqual(keys);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('turn stale when the page shortens or removes their text, and a late Range stays inside the text', async () => {
    const marks = await toMarks(model, result, never, now);
    const [sentence, telekom, acme, acmeAgain] = marks as [Mark, Mark, Mark, Mark];
    expect(marks.some(isStale)).toBe(false);
    // " shared user data with Acme." becomes " shared": the name and the sentence ended past that.
    const tail = acme.anchors[0] as Text;
    tail.data = ' shared';
    expect(isStale(acme)).toBe(true);
    expect(isStale(sentence)).toBe(true);
    expect(isStale(telekom)).toBe(false);
    expect(() => sentence.range).not.toThrow();
    expect(sentence.range.toString()).toBe('Deutsche Telekom shared');
    document.querySelector('#b')!.remove();
    expect(isStale(acmeAgain)).toBe(true);
  });

  it('are merged into the highlighter in document order without making their Ranges', async () => {
    const marks = await toMarks(model, result, never, now);
    const highlighter = createHighlighter({ registry: { set: () => undefined, delete: () => true }, HighlightCtor: FakeHighlight as unknown as new (...r: Range[]) => Highlight });
    const created = vi.spyOn(document, 'createRange');
    highlighter.add([marks[3]!, marks[2]!], { inOrder: false });
    highlighter.add([marks[0]!, marks[1]!], { inOrder: true });
    expect(created).toHaveBeenCalledTimes(4); // painted: every mark of a short page
    expect(highlighter.all().map((m) => marks.indexOf(m))).toEqual([0, 1, 2, 3]);
    // A Range-made mark (the sidebar's, a test's) sorts among them too.
    const range = document.createRange();
    const telekom = document.querySelector('b')!.firstChild!;
    range.setStart(telekom, 0);
    range.setEnd(telekom, 3);
    const tel = makeMark('mention', range, ['telekom']);
    highlighter.add([tel]);
    expect(highlighter.all().map((m) => m.range.toString())).toEqual(['Deutsche Telekom shared user data with Acme.', 'Deutsche Telekom', 'Tel', 'Acme', 'Acme']);
  });
});
