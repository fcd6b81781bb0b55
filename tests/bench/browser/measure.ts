/**
 * The measurements of the browser bench, one page at a time: the probe and the floors in a
 * browser without the extension, mark.js on the same page, and the real extension (bench build)
 * under a CDP trace.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import type { LaunchedBrowser } from '../../e2e/harness.ts';
import type { Block } from './page.ts';
import type { BenchProbe, TimedFigures, TimedStep } from './probe.ts';
import { readTrace, type PageTrace, type TraceEvent, type Work } from './trace.ts';

/** Median of a non-empty list. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

type ProbeWindow = typeof globalThis & { fcBench: BenchProbe };

/** Bytes of JS heap in use after a full GC, for the whole renderer isolate of `page`. */
export async function heapUsed(page: Page): Promise<number> {
  const cdp = await page.createCDPSession();
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    return usedSize;
  } finally {
    await cdp.detach();
  }
}

/** Probe figures for one page (ms are medians over the runs). */
export interface ProbeFigures {
  textNodes: number;
  chars: number;
  mentions: number;
  claims: number;
  walkMs: number;
  readMs: number;
  /**
   * The full scan over the read floor, per run, from the two samples that run took back to back
   * (sorted): set against each other under the same machine load, which a ratio of two medians
   * taken at different moments is not. Repeated calls over the same nodes: see firstPass.
   */
  floorRatios: number[];
  /**
   * The fastest scan sample over the fastest read-floor sample: load on a shared machine only
   * ever adds time, so the two fastest are the nearest to a quiet machine, for both sides.
   */
  bestRatio: number;
  /**
   * One call of each floor and of the scan on a page just parsed again (BenchProbe.renew),
   * per run, as a reader's page meets its first pass; the JIT is warm. Blink makes a node's JS
   * string on the first read of its text, and its JS wrapper on the first touch, and keeps both
   * for the passes after it: the floors' repeated samples above reuse them, while the scan's
   * `textContent` strings are new on every call. Here neither side has any. Only when asked
   * for (the 1 MB article): on a news page one call is below the 0.1 ms the page's clock tells.
   */
  firstPass?: { walkMs: number; readMs: number; scanMs: number; floorRatios: number[]; bestRatio: number };
  /** The first scan on the page, before the JIT has seen the code: what a reader's page gets. */
  coldScanMs: number;
  /** Text model and engine. */
  scan: TimedFigures;
  /** Text model, engine, marks and highlighter. */
  highlight: TimedFigures;
  marks: number;
  compileMs: number;
}

/** Time per sample of each step, and the fewest calls in one (see BenchProbe.time). */
const SAMPLE_MS = 250;
const SAMPLE_CALLS = 4;
/** Untimed calls of a step before its sample. */
const WARM_CALLS = 2;

/** The sample with the median time: its parts add up to it, as medians of each part would not. */
function medianSample(samples: readonly TimedFigures[]): TimedFigures {
  const sorted = [...samples].sort((a, b) => a.ms - b.ms);
  const middle = sorted[Math.floor(sorted.length / 2)];
  if (!middle) throw new Error('no samples');
  return middle;
}

const fastest = (samples: readonly TimedFigures[]): number => Math.min(...samples.map((s) => s.ms));

/**
 * Floors and the extension's steps through the probe, on an open page without the extension.
 * Each run samples every step once; every other run in reverse order, so a machine that speeds
 * up or slows down during a run favours neither the floors nor the scan. Before each sample the
 * step runs twice untimed: the garbage the previous step left is collected there, not in the
 * sample (the read floor sampled right after scans took 16-21 ms, alone 9-12 ms). A heap
 * collected before each sample instead was tried: it shrinks V8's young generation, and the
 * scan's next samples then collect more often than a page's scan does (1.4x-2.6x its time).
 */
export async function measureProbe(page: Page, probeFile: string, runs: number, { firstPass = false } = {}): Promise<ProbeFigures> {
  await page.addScriptTag({ path: probeFile });
  const first = await page.evaluate(async () => {
    const bench = (globalThis as ProbeWindow).fcBench;
    const scan = await bench.scan();
    const walk = bench.walkFloor();
    const read = bench.readFloor();
    const marked = await bench.scanAndHighlight();
    bench.clear();
    return { scan, walk, read, marked, compile: bench.compile() };
  });
  const steps: TimedStep[] = ['walkFloor', 'readFloor', 'scan', 'scanAndHighlight'];
  const samples: Record<TimedStep, TimedFigures[]> = { walkFloor: [], readFloor: [], scan: [], scanAndHighlight: [] };
  const time = (s: TimedStep, ms: number, calls: number) => (globalThis as ProbeWindow).fcBench.time(s, ms, calls);
  for (let run = 0; run < runs; run++) {
    for (const step of run % 2 === 0 ? steps : [...steps].reverse()) {
      await page.evaluate(time, step, 0, WARM_CALLS);
      samples[step].push(await page.evaluate(time, step, SAMPLE_MS, SAMPLE_CALLS));
    }
  }
  return {
    ...(firstPass ? { firstPass: await measureFirstPass(page, runs) } : {}),
    textNodes: first.walk.count,
    chars: first.scan.count,
    mentions: first.scan.mentions,
    claims: first.scan.claims,
    walkMs: medianSample(samples.walkFloor).ms,
    readMs: medianSample(samples.readFloor).ms,
    floorRatios: samples.scan.map((scan, run) => scan.ms / samples.readFloor[run]!.ms).sort((a, b) => a - b),
    bestRatio: fastest(samples.scan) / fastest(samples.readFloor),
    coldScanMs: first.scan.ms,
    scan: medianSample(samples.scan),
    highlight: medianSample(samples.scanAndHighlight),
    marks: first.marked.count,
    compileMs: first.compile.ms,
  };
}

/** ProbeFigures.firstPass: each run times one call of each step on a freshly parsed page, every other run in reverse order. */
async function measureFirstPass(page: Page, runs: number): Promise<ProbeFigures['firstPass']> {
  const steps = ['walkFloor', 'readFloor', 'scan'] as const;
  const times: Record<(typeof steps)[number], number[]> = { walkFloor: [], readFloor: [], scan: [] };
  for (let run = 0; run < runs; run++) {
    for (const step of run % 2 === 0 ? steps : [...steps].reverse()) {
      await page.evaluate(() => (globalThis as ProbeWindow).fcBench.renew());
      times[step].push(await page.evaluate(async (s) => (await (globalThis as ProbeWindow).fcBench[s]()).ms, step));
    }
  }
  await page.evaluate(() => (globalThis as ProbeWindow).fcBench.renew());
  const { walkFloor, readFloor, scan } = times;
  return {
    walkMs: median(walkFloor),
    readMs: median(readFloor),
    scanMs: median(scan),
    floorRatios: scan.map((ms, run) => ms / readFloor[run]!).sort((a, b) => a - b),
    bestRatio: Math.min(...scan) / Math.min(...readFloor),
  };
}

/** The probe's per-block rescan of `appendix` after appending it (the probe must be injected). */
export async function measureProbeAppend(page: Page, appendix: Block[], runs: number) {
  await page.evaluate(appendBlocks, appendix);
  const samples = [];
  for (let run = 0; run < runs; run++) samples.push(await page.evaluate((n: number) => (globalThis as ProbeWindow).fcBench.rescanLast(n), appendix.length));
  return {
    blocks: appendix.length,
    ms: median(samples.map((s) => s.ms)),
    textModelMs: median(samples.map((s) => s.textModelMs)),
    engineMs: median(samples.map((s) => s.engineMs)),
    marksMs: median(samples.map((s) => s.marksMs)),
    marks: samples[0]?.count ?? 0,
  };
}

const MARK_JS = join(createRequire(import.meta.url).resolve('mark.js'), '..', 'mark.min.js');

/** The one combined pattern mark.js gets: every term, longest first, between word boundaries. */
export function markJsPattern(terms: readonly string[]): string {
  const escaped = [...new Set(terms)].sort((a, b) => b.length - a.length).map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+'));
  return `\\b(?:${escaped.join('|')})\\b`;
}

/** mark.js `markRegExp` on a freshly loaded copy of the page; ms per run (median) and marks made. */
export async function measureMarkJs(page: Page, pattern: string, runs: number): Promise<{ ms: number; marks: number }> {
  const times: number[] = [];
  let marks = 0;
  for (let run = 0; run < runs; run++) {
    await page.reload({ waitUntil: 'load' });
    await page.addScriptTag({ path: MARK_JS });
    const result = await page.evaluate((source: string) => {
      type MarkCtor = new (root: Element) => { markRegExp(re: RegExp): void };
      const Mark = (globalThis as unknown as { Mark: MarkCtor }).Mark;
      const t0 = performance.now();
      new Mark(document.body).markRegExp(new RegExp(source, 'gi'));
      const elapsed = performance.now() - t0;
      return { ms: elapsed, count: document.querySelectorAll('mark').length };
    }, pattern);
    times.push(result.ms);
    marks = result.count;
  }
  return { ms: median(times), marks };
}

/** Installed before the page loads: logs each change of the painted mention count, with a mark. */
function recordHighlights(): void {
  const log: Array<[number, number]> = [];
  (globalThis as unknown as { fcBenchLog: typeof log }).fcBenchLog = log;
  let last = 0;
  const tick = (): void => {
    const size = CSS.highlights.get('fact-context-mention')?.size ?? 0;
    if (size !== last) {
      last = size;
      log.push([performance.now(), size]);
      performance.mark(`fc-bench:highlights:${size}`);
    }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

/** Waits until the painted mention count is above `above` and has not changed for `quietMs`. */
async function settled(page: Page, above: number, quietMs = 1500, timeoutMs = 60_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const state = await page.evaluate(() => {
      const log = (globalThis as unknown as { fcBenchLog: Array<[number, number]> }).fcBenchLog;
      const last = log[log.length - 1];
      return { count: last?.[1] ?? 0, quiet: last ? performance.now() - last[0] : 0 };
    });
    if (state.count > above && state.quiet >= quietMs) return state.count;
    if (Date.now() > deadline) throw new Error(`highlights did not settle above ${above} within ${timeoutMs} ms (last count ${state.count})`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Appends `blocks` to the article as DOM nodes (as a page's script would), marking the moment. */
function appendBlocks(blocks: Block[]): void {
  performance.mark('fc-bench:append');
  const article = document.querySelector('article') ?? document.body;
  const fragment = document.createDocumentFragment();
  for (const { tag, runs } of blocks) {
    const element = document.createElement(tag);
    for (const [inline, text] of runs) {
      if (!inline) {
        element.append(text);
        continue;
      }
      const child = document.createElement(inline);
      child.textContent = text;
      element.append(child);
    }
    fragment.append(element);
  }
  article.append(fragment);
}

/** One load of a page with the real extension. */
export interface ExtensionRun {
  /** Main-thread work from the content script's start until the highlights settled. */
  initial: Work;
  /** The content script's synchronous first run (ms), and V8's compile of it within. */
  startup: { evaluateMs: number; compileMs: number };
  /** Content script start to the first frame with highlights registered. */
  firstHighlightMs: number | null;
  mentions: number;
  /**
   * After appending text: the work (page's and extension's), and when the last task running
   * script (1 ms or more) ended: the extension has scanned the new text by then. (Past 1,500 marks
   * the extension paints only near the viewport, so new highlights at the end of a long article
   * are not painted, and cannot be waited for.)
   */
  appended?: { work: Work; scannedMs: number | null };
  heapBytes?: number;
}

/** The same load without the extension: what the page costs by itself. */
export interface BaselineRun {
  fromDcl: Work;
  appended?: Work;
}

const APPEND_WAIT_MS = 3000;
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

const CATEGORIES = ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing'];
const CONTENT_SCRIPT = /^(chrome-extension:\/\/[a-p]{32})\/content\.js$/;

/**
 * Loads `url` in a new tab under a trace; `settle` waits after the load and again after the
 * optional append. Returns the parsed trace, the settle results and the tab (closed by `use`).
 */
async function traced<T>(
  launched: LaunchedBrowser,
  url: string,
  appendix: Block[] | undefined,
  settle: (page: Page, phase: 'load' | 'append', previous: number) => Promise<number>,
  use: (trace: PageTrace, settledAt: number[], page: Page) => Promise<T>,
): Promise<T> {
  const page = await launched.browser.newPage();
  try {
    // tsx compiles this file with esbuild's keepNames, which wraps named functions in a
    // __name() helper that pages lack: give them an identity one.
    await page.evaluateOnNewDocument('globalThis.__name = (fn) => fn;');
    await page.evaluateOnNewDocument(recordHighlights);
    await page.tracing.start({ categories: CATEGORIES });
    let stopped = false;
    try {
      await page.goto(url, { waitUntil: 'load' });
      const counts = [await settle(page, 'load', 0)];
      if (appendix) {
        await page.evaluate(appendBlocks, appendix);
        counts.push(await settle(page, 'append', counts[0]!));
      }
      const buffer = await page.tracing.stop();
      stopped = true;
      const events = (JSON.parse(new TextDecoder().decode(buffer)) as { traceEvents: TraceEvent[] }).traceEvents;
      return await use(readTrace(events, url, CONTENT_SCRIPT), counts, page);
    } finally {
      if (!stopped) await page.tracing.stop().catch(() => undefined);
    }
  } finally {
    await page.close();
  }
}

/** The task after the one in which the page appended text (the append itself is the page's work). */
function afterAppend(trace: PageTrace): number | null {
  const appendAt = trace.mark('fc-bench:append');
  if (appendAt === null) return null;
  const appendTask = trace.work(appendAt, appendAt + 0.001).longest;
  return appendTask ? appendTask.start + appendTask.ms : appendAt;
}

/** Loads `url` with the extension installed, optionally appends text, and reads the trace. */
export function measureExtension(launched: LaunchedBrowser, url: string, options: { appendix?: Block[]; heap?: boolean } = {}): Promise<ExtensionRun> {
  return traced(
    launched,
    url,
    options.appendix,
    // After an append, a fixed wait: the extension batches page changes in idle time (at most
    // 500 ms later) and may paint none of them (see `appended`).
    (page, phase, previous) => (phase === 'load' ? settled(page, previous) : sleep(APPEND_WAIT_MS).then(() => previous)),
    async (trace, counts, page) => {
      if (trace.contentStart === null) throw new Error(`${url}: content.js never ran (no EvaluateScript event in the trace)`);
      const appendAt = trace.mark('fc-bench:append');
      const firstHighlight = trace.mark('fc-bench:highlights:', trace.contentStart);
      const run: ExtensionRun = {
        initial: trace.work(trace.contentStart, appendAt ?? Infinity),
        startup: trace.startup,
        firstHighlightMs: firstHighlight === null ? null : firstHighlight - trace.contentStart,
        mentions: counts[0]!,
      };
      const from = afterAppend(trace);
      if (appendAt !== null && from !== null) {
        const scanned = trace.lastScriptEnd(from, 1);
        run.appended = { work: trace.work(from), scannedMs: scanned === null ? null : scanned - appendAt };
      }
      if (options.heap) run.heapBytes = await heapUsed(page);
      return run;
    },
  );
}

/** The same load (and append) in a browser without the extension; waits `quietMs` after each. */
export function measureBaseline(launched: LaunchedBrowser, url: string, appendix?: Block[], quietMs = 2000): Promise<BaselineRun> {
  return traced(
    launched,
    url,
    appendix,
    async (_page, phase) => {
      await sleep(phase === 'load' ? quietMs : APPEND_WAIT_MS);
      return 0;
    },
    async (trace) => {
      const appendAt = trace.mark('fc-bench:append');
      const from = afterAppend(trace);
      return { fromDcl: trace.work(trace.domContentLoaded, appendAt ?? Infinity), ...(from === null ? {} : { appended: trace.work(from) }) };
    },
  );
}
