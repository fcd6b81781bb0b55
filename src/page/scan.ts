/**
 * Runs the engine over page text and turns its matches into marks, without blocking the page:
 * long texts are scanned in chunks cut at block boundaries, and marks are made in slices,
 * yielding to the page between them so no task runs much past a frame.
 */
import type { ClaimMatch, Engine, Mention, PreparedScan, ScanContext, ScanResult } from '../match/index.ts';
import { boundsOf, markLater, type Mark, type MarkPoints } from './highlights.ts';
import { BLOCK_SEPARATOR, buildTextModel, type TextModel } from './text-model.ts';

/** Hands control back to the page; resolves when the page has had its turn. */
export type Yield = () => Promise<void>;

interface SchedulerLike {
  yield?: () => Promise<void>;
}

/** `scheduler.yield()` where it exists (Chromium 129+), otherwise a macrotask. */
export const yieldToPage: Yield = () => {
  const scheduler = (globalThis as { scheduler?: SchedulerLike }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
};

/** Work per slice before yielding, in ms: well under the 50 ms of a long task. */
const BUDGET_MS = 12;
/**
 * Characters per engine call; cut at the next block boundary. An engine call costs about 1.5 ms
 * per 200,000 characters in Chromium on our test machine: far inside a slice's budget, while
 * each call has a fixed cost (judging claims, setting up), which at 20,000 characters added
 * 1.5-2 ms to a 1 MB page.
 */
const CHUNK = 200_000;

/**
 * Calls `work` on each item (waiting for it when it returns a promise), yielding whenever a
 * slice has used its budget: the budget spans items, so many small ones make no long task
 * either. Stops on abort.
 */
export async function eachSliced<T>(items: Iterable<T>, work: (item: T) => void | Promise<void>, signal: AbortSignal, pause: Yield = yieldToPage): Promise<void> {
  let sliceStart = performance.now();
  for (const item of items) {
    if (signal.aborted) return;
    const done = work(item);
    if (done) await done;
    if (performance.now() - sliceStart > BUDGET_MS) {
      await pause();
      sliceStart = performance.now();
    }
  }
}

/** [start, end) pieces of `text`, each ending at a block separator when one is near. */
export function chunkBounds(text: string, size = CHUNK): Array<[number, number]> {
  const bounds: Array<[number, number]> = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(text.length, start + size);
    if (end < text.length) {
      const cut = text.indexOf(BLOCK_SEPARATOR, end);
      end = cut < 0 ? text.length : cut + 1;
    }
    bounds.push([start, end]);
    start = end;
  }
  return bounds;
}

/**
 * Scans `text` chunk by chunk (yielding between chunks); offsets are into the whole text, and
 * the result is what `engine.scan(text, context)` gives. Each chunk is read once, for its
 * mentions; the claims are judged once all are in (Engine.claimsOf), so what the page is about
 * is counted over the whole page, not a chunk.
 */
export async function scanSliced(engine: Engine, text: string, context: ScanContext, signal: AbortSignal, pause: Yield = yieldToPage): Promise<ScanResult> {
  const mentions: Mention[] = [];
  const parts: PreparedScan[] = [];
  await eachSliced(
    chunkBounds(text),
    ([start, end]) => {
      // The engine reads its part of the whole text in place: no slice to read through, and
      // its offsets are already into `text`.
      const scan = engine.prepare(text, start, end);
      parts.push(scan);
      for (const m of scan.mentions) mentions.push(m);
    },
    signal,
    pause,
  );
  return { mentions, claims: signal.aborted ? [] : engine.claimsOf(text, parts, context) };
}

/** Matches turned into marks per slice (each costs well under a microsecond). */
const MARKS_PER_SLICE = 500;
/** `Node.DOCUMENT_POSITION_PRECEDING`, without needing the DOM's globals. */
const PRECEDING = 2;

/** Where [start, end) of the model's text is in the DOM, or null when that is no text on the page. */
function pointsOf(model: TextModel, start: number, end: number): MarkPoints | null {
  const from = model.locate(start, 'start');
  const to = model.locate(end, 'end');
  if (!from || !to) return null;
  if (from.node === to.node ? from.offset >= to.offset : from.node.compareDocumentPosition(to.node) & PRECEDING) return null;
  return { anchors: from.node === to.node ? [from.node] : [from.node, to.node], startOffset: from.offset, endOffset: to.offset };
}

/** The mark for a match; it works out its DOM points when first needed. */
function markOf(model: TextModel, item: ClaimMatch | Mention): Mark | null {
  const holder = model.pieceAt(item.start, item.end);
  if (!holder) return null;
  const find = (): MarkPoints | null => pointsOf(model, item.start, item.end);
  return 'claim' in item
    ? markLater('claim', holder, find, item.entities, { claim: item.claim, cues: item.cues })
    : markLater('mention', holder, find, [item.entity]);
}

/**
 * Turns scan results into marks (in slices), in document order: claims and mentions merged by
 * offset, a sentence before the names inside it. The marks work out their DOM points and make
 * their Ranges when first used (painting, hover), not here: on a long page most are far from
 * the viewport. One whose text the page has changed by then is stale (isStale) and paints nothing.
 */
export async function toMarks(model: TextModel, result: ScanResult, signal: AbortSignal, pause: Yield = yieldToPage): Promise<Mark[]> {
  // Two runs already in text order, claims first: the stable sort merges them in one pass,
  // a claim before the names inside it.
  const items: Array<ClaimMatch | Mention> = [...result.claims, ...result.mentions].sort((a, b) => a.start - b.start || b.end - a.end);
  const marks: Mark[] = [];
  const slices: number[] = [];
  for (let from = 0; from < items.length; from += MARKS_PER_SLICE) slices.push(from);
  await eachSliced(
    slices,
    (from) => {
      for (let i = from, to = Math.min(items.length, from + MARKS_PER_SLICE); i < to; i++) {
        const mark = markOf(model, items[i]!);
        if (mark) marks.push(mark);
      }
    },
    signal,
    pause,
  );
  return marks;
}

/** What scanning one root produced. */
export interface RootScan {
  model: TextModel;
  marks: Mark[];
}

/** Builds the text model of `root`, scans it and makes its marks. */
export async function scanRoot(
  engine: Engine,
  root: Node,
  options: { title: string; about?: string[]; isHidden?: (el: Element) => boolean; signal: AbortSignal; pause?: Yield },
): Promise<RootScan> {
  const model = buildTextModel(root, options.isHidden ? { isHidden: options.isHidden } : {});
  if (!model.text.trim()) return { model, marks: [] };
  const context: ScanContext = options.about ? { title: options.title, about: options.about } : { title: options.title };
  const result = await scanSliced(engine, model.text, context, options.signal, options.pause);
  return { model, marks: await toMarks(model, result, options.signal, options.pause) };
}

const nodeIds = new WeakMap<Node, number>();
let nextNodeId = 1;

function nodeId(node: Node): number {
  let id = nodeIds.get(node);
  if (id === undefined) nodeIds.set(node, (id = nextNodeId++));
  return id;
}

/** Identity of a mark by what it marks, so a rescan of text already marked adds nothing. */
export function markKey(mark: Mark): string {
  const [startNode, startOffset, endNode, endOffset] = boundsOf(mark);
  const what = mark.kind === 'claim' ? `c:${mark.claim ?? ''}` : `m:${mark.entities.join(',')}`;
  return `${what}@${nodeId(startNode)}:${startOffset}-${nodeId(endNode)}:${endOffset}`;
}
