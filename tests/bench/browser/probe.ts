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

/** The API the bench calls through `page.evaluate`. */
export interface BenchProbe {
  aliases: number;
  compile(): Step;
  /** A bare TreeWalker pass visiting every text node of the body. */
  walkFloor(): Step;
  /** The same pass, also reading every character of every text node. */
  readFloor(): Step;
  /** Text model and engine (the extension's full scan). */
  scan(): Promise<Step & { textModelMs: number; mentions: number; claims: number }>;
  /** Scan, then Ranges and CSS highlights registered, as the extension paints. */
  scanAndHighlight(): Promise<Step>;
  /**
   * Rescans the last `blocks` children of the article one by one, as the extension rescans the
   * blocks a page appends (content-app.ts: one text model and one engine call per block root).
   */
  rescanLast(blocks: number): Promise<Step & { textModelMs: number; engineMs: number; marksMs: number }>;
  /** Removes what scanAndHighlight registered. */
  clear(): void;
  /**
   * Milliseconds per call of `step`, repeated until `minMs` have passed: one call on a small
   * page is below the 0.1 ms the page's clock resolves. Highlights are cleared between calls.
   * `textModelMs` is the text model's share per call (scan steps only).
   */
  time(step: TimedStep, minMs: number): Promise<{ ms: number; textModelMs: number }>;
}

/** The steps {@link BenchProbe.time} can repeat. */
export type TimedStep = 'walkFloor' | 'readFloor' | 'scan' | 'scanAndHighlight';

// As content-app.ts decides what a reader cannot see.
const isHidden = (element: Element): boolean => (typeof element.checkVisibility === 'function' ? !element.checkVisibility() : false);
const noPause = (): Promise<void> => Promise.resolve();

let engine = createEngine(knowledgeBase);
let highlighter = createHighlighter();

function textWalker(): TreeWalker {
  return document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
}

async function scanDocument(signal: AbortSignal) {
  const t0 = performance.now();
  const model = buildTextModel(document, { isHidden });
  const textModelMs = performance.now() - t0;
  const result = await scanSliced(engine, model.text, { title: document.title }, signal, noPause);
  return { model, result, textModelMs, t0 };
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
    const { model, result, textModelMs, t0 } = await scanDocument(new AbortController().signal);
    const ms = performance.now() - t0;
    return { ms, textModelMs, count: model.text.length, mentions: result.mentions.length, claims: result.claims.length };
  },
  async scanAndHighlight() {
    const signal = new AbortController().signal;
    const { model, result, t0 } = await scanDocument(signal);
    const marks = await toMarks(model, result, signal, noPause);
    highlighter.add(marks);
    return { ms: performance.now() - t0, count: marks.length };
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
      highlighter.add(marks);
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
    highlighter = createHighlighter();
  },
  async time(step, minMs) {
    let calls = 0;
    let textModelMs = 0;
    const t0 = performance.now();
    do {
      const result: Step & { textModelMs?: number } = await probe[step]();
      textModelMs += result.textModelMs ?? 0;
      if (step === 'scanAndHighlight') probe.clear();
      calls++;
    } while (performance.now() - t0 < minMs);
    return { ms: (performance.now() - t0) / calls, textModelMs: textModelMs / calls };
  },
};

(globalThis as { fcBench?: BenchProbe }).fcBench = probe;
