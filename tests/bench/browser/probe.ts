/**
 * The bench probe: the extension's own scanning code (text model, engine, marks, highlighter,
 * the same modules content-app.ts runs), built by scripts/build.mjs exactly like content.js
 * (same Vite config, minified, same knowledge base) and injected as a page script by
 * tests/bench/browser.bench.ts, where it exposes `fcBench` for timing each step.
 *
 * Why a probe beside the real extension: the extension scans in slices across many tasks in its
 * isolated world, where the page cannot call it; here the same steps run back to back in one
 * task, so each one can be timed and set against the floors measured in the same page. Work
 * that yields (`pause`) continues on a microtask: the sum of the work, without the waits.
 */
import knowledgeBase from 'virtual:fact-context/knowledge';
import { createEngine } from '../../../src/match/index.ts';
import { createHighlighter } from '../../../src/page/highlights.ts';
import { scanSliced, toMarks } from '../../../src/page/scan.ts';
import { buildTextModel } from '../../../src/page/text-model.ts';

/** What one timed step reports. */
export interface Step {
  ms: number;
  /** Text nodes, characters, mentions or marks: enough to see the step did its work. */
  count: number;
}

/** Where the time of a scan (and highlight) goes, in ms; the steps the extension runs, in order. */
export interface ScanSteps {
  /** buildTextModel: the page's text and its map back to text nodes. */
  textModelMs: number;
  /** The engine (scanSliced): mentions and claims. */
  engineMs: number;
  /** toMarks: the matches turned into marks (DOM Ranges). */
  marksMs: number;
  /** highlighter.add, in the pieces content-app.ts hands it: the marks registered for painting. */
  highlightMs: number;
  /**
   * Past 1,500 marks only those near the viewport are painted, once the paint window's observer
   * first reports (after the next frame): the script of that report (their Ranges made and
   * handed to the highlights). The wait for the frame is not counted; 0 on shorter pages.
   */
  windowMs: number;
}

/** The API the bench calls through `page.evaluate`. */
export interface BenchProbe {
  aliases: number;
  compile(): Step;
  /** A bare TreeWalker pass visiting every text node of the body. */
  walkFloor(): Step;
  /** The same pass, also reading every character of every text node. */
  readFloor(): Step;
  /** Text model and engine (the extension's full scan). */
  scan(): Promise<Step & Partial<ScanSteps> & { mentions: number; claims: number }>;
  /** Scan, then marks made and handed to the highlighter, and what is near the viewport painted. */
  scanAndHighlight(): Promise<Step & ScanSteps>;
  /**
   * Rescans the last `blocks` children of the article one by one, as the extension rescans the
   * blocks a page appends (content-app.ts: one text model and one engine call per block root).
   */
  rescanLast(blocks: number): Promise<Step & { textModelMs: number; engineMs: number; marksMs: number }>;
  /** Removes what scanAndHighlight registered. */
  clear(): void;
  /**
   * Parses the page's body again into new nodes, as it first loaded, and waits for their layout
   * and two frames: the next step then finds them as a reader's page does on its first pass,
   * with no JS string or wrapper yet made for any of them (the JIT stays warm).
   */
  renew(): Promise<void>;
  /**
   * Calls `step` until `minMs` have passed and `minCalls` calls are done, and returns the mean
   * per call of the step's own time and of each of its parts. One call on a small page is below
   * the 0.1 ms the page's clock resolves, and one call on a big one is at the mercy of whatever
   * garbage collection falls into it: the mean over several calls counts the collections the
   * step's garbage causes, spread over the calls that made it. Highlights are cleared between
   * calls, outside the timed part: the extension never clears what a scan painted.
   */
  time(step: TimedStep, minMs: number, minCalls: number): Promise<TimedFigures>;
}

/** The steps {@link BenchProbe.time} can repeat. */
export type TimedStep = 'walkFloor' | 'readFloor' | 'scan' | 'scanAndHighlight';

/** Means per call from {@link BenchProbe.time}. */
export interface TimedFigures {
  ms: number;
  calls: number;
  /** The parts of the step that has them (scan steps); zero for the others. */
  steps: ScanSteps;
}

// As content-app.ts decides what a reader cannot see.
const isHidden = (element: Element): boolean => (typeof element.checkVisibility === 'function' ? !element.checkVisibility() : false);
const noPause = (): Promise<void> => Promise.resolve();
/** As content-app.ts hands a first scan's marks to the highlighter (it yields between pieces). */
const ADD_CHUNK = 2000;

/** The paint window's first report, timed: set when a highlighter makes its window. */
let firstReport: Promise<number> | undefined;

/** The browser's IntersectionObserver, timing the script of its first report. */
class TimedObserver extends IntersectionObserver {
  constructor(callback: IntersectionObserverCallback, options?: IntersectionObserverInit) {
    let report: (ms: number) => void = () => undefined;
    firstReport = new Promise((resolve) => (report = resolve));
    super((entries, observer) => {
      const t0 = performance.now();
      callback(entries, observer);
      report(performance.now() - t0);
      report = () => undefined;
    }, options);
  }
}

const newHighlighter = () => createHighlighter({ IntersectionObserver: TimedObserver });

/** The first report's time; NaN (printed, so seen) if none came within 5 s. */
function windowReported(): Promise<number> {
  if (!firstReport) return Promise.resolve(0);
  return Promise.race([firstReport, new Promise<number>((resolve) => setTimeout(() => resolve(NaN), 5000))]);
}

let engine = createEngine(knowledgeBase);
/** The body as the page first had it, for renew(). */
let bodyHtml: string | undefined;
let highlighter = newHighlighter();

function textWalker(): TreeWalker {
  return document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
}

async function scanDocument(signal: AbortSignal) {
  const t0 = performance.now();
  const model = buildTextModel(document, { isHidden });
  const t1 = performance.now();
  const result = await scanSliced(engine, model.text, { title: document.title }, signal, noPause);
  const t2 = performance.now();
  return { model, result, t0, textModelMs: t1 - t0, engineMs: t2 - t1 };
}

const probe: BenchProbe = {
  aliases: knowledgeBase.entities.reduce((n, e) => n + e.aliases.length + e.native.length, 0),
  compile() {
    const t0 = performance.now();
    engine = createEngine(knowledgeBase);
    return { ms: performance.now() - t0, count: engine.patterns };
  },
  walkFloor() {
    const t0 = performance.now();
    const walker = textWalker();
    let count = 0;
    while (walker.nextNode()) count++;
    return { ms: performance.now() - t0, count };
  },
  readFloor() {
    const t0 = performance.now();
    const walker = textWalker();
    let sum = 0;
    let count = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const data = (node as Text).data;
      for (let i = 0; i < data.length; i++) sum += data.charCodeAt(i);
      count += data.length;
    }
    // The sum keeps the loop from being optimised away; the count says how much was read.
    return { ms: performance.now() - t0, count: sum >= 0 ? count : -1 };
  },
  async scan() {
    const { model, result, textModelMs, engineMs } = await scanDocument(new AbortController().signal);
    return { ms: textModelMs + engineMs, textModelMs, engineMs, count: model.text.length, mentions: result.mentions.length, claims: result.claims.length };
  },
  async scanAndHighlight() {
    const signal = new AbortController().signal;
    const { model, result, t0, textModelMs, engineMs } = await scanDocument(signal);
    const t2 = performance.now();
    const marks = await toMarks(model, result, signal, noPause);
    const t3 = performance.now();
    firstReport = undefined;
    for (let start = 0; start < marks.length; start += ADD_CHUNK) highlighter.add(marks.slice(start, start + ADD_CHUNK), { inOrder: true });
    const t4 = performance.now();
    const windowMs = await windowReported();
    return { ms: t4 - t0 + windowMs, textModelMs, engineMs, marksMs: t3 - t2, highlightMs: t4 - t3, windowMs, count: marks.length };
  },
  async rescanLast(blocks) {
    const signal = new AbortController().signal;
    const article = document.querySelector('article') ?? document.body;
    const roots = [...article.children].slice(-blocks);
    let textModelMs = 0;
    let engineMs = 0;
    let marksMs = 0;
    let count = 0;
    for (const root of roots) {
      const t0 = performance.now();
      const model = buildTextModel(root, { isHidden });
      const t1 = performance.now();
      const result = await scanSliced(engine, model.text, { title: document.title }, signal, noPause);
      const t2 = performance.now();
      const marks = await toMarks(model, result, signal, noPause);
      highlighter.add(marks, { inOrder: true });
      textModelMs += t1 - t0;
      engineMs += t2 - t1;
      marksMs += performance.now() - t2;
      count += marks.length;
    }
    probe.clear();
    return { ms: textModelMs + engineMs + marksMs, textModelMs, engineMs, marksMs, count };
  },
  clear() {
    highlighter.destroy();
    highlighter = newHighlighter();
  },
  async renew() {
    probe.clear();
    bodyHtml ??= document.body.innerHTML;
    // The bench's own page, parsed as it was served (its scripts do not run again).
    document.body.innerHTML = bodyHtml;
    void document.body.offsetHeight;
    for (let frame = 0; frame < 2; frame++) await new Promise((resolve) => requestAnimationFrame(resolve));
    await new Promise((resolve) => setTimeout(resolve, 100));
  },
  async time(step, minMs, minCalls) {
    const sum: ScanSteps = { textModelMs: 0, engineMs: 0, marksMs: 0, highlightMs: 0, windowMs: 0 };
    let ms = 0;
    let calls = 0;
    const t0 = performance.now();
    do {
      const result: Step & Partial<ScanSteps> = await probe[step]();
      ms += result.ms;
      for (const key of Object.keys(sum) as Array<keyof ScanSteps>) sum[key] += result[key] ?? 0;
      if (step === 'scanAndHighlight') probe.clear();
      calls++;
    } while (calls < minCalls || performance.now() - t0 < minMs);
    for (const key of Object.keys(sum) as Array<keyof ScanSteps>) sum[key] /= calls;
    return { ms: ms / calls, calls, steps: sum };
  },
};

(globalThis as { fcBench?: BenchProbe }).fcBench = probe;
