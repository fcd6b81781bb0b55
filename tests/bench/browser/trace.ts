/**
 * Reads a Chromium performance trace (CDP Tracing, as `page.tracing` records it) for the work
 * the extension caused on the page's main thread.
 *
 * Attribution: the bench pages are static (no scripts of their own after parsing), so once the
 * content script starts, what runs on the renderer's main thread is the extension (its script
 * evaluation, its sliced scan continuing after each yield, its idle-time batches) and what it
 * causes the browser to do (style, paint of the highlights, garbage collection of what it
 * allocated), plus the bench's own probes, which take microseconds. The window starts at the
 * task that evaluates content.js, found by its URL. What the page itself still does then (its
 * first paint, say) is told apart by the same window in a browser without the extension, from
 * DOMContentLoaded on (content scripts at document_idle run after it).
 */

/** The fields of a trace event this module reads. */
export interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  cat?: string;
  args?: { data?: { url?: string; documentLoaderURL?: string }; frame?: string };
}

/** One top-level task of the main thread. */
export interface Task {
  /** Start and duration in ms (trace clock). */
  start: number;
  ms: number;
  /** The biggest kind of work inside it, e.g. `EvaluateScript` or `PrePaint`. */
  what: string;
}

/** Main-thread work in a window of time. */
export interface Work {
  totalMs: number;
  /** Script (evaluation, compile, microtasks, callbacks), rendering (style, layout, paint), GC. */
  scriptMs: number;
  renderMs: number;
  gcMs: number;
  tasks: number;
  longest: Task | null;
  /** The longest task that ran more script than rendering and GC: a script's own (ours, after load). */
  longestScript: Task | null;
}

const TASK = 'ThreadControllerImpl::RunTask';
const SCRIPT = new Set(['EvaluateScript', 'v8.compile', 'FunctionCall', 'BlinkScheduler_PerformMicrotaskCheckpoint', 'RunMicrotasks', 'TimerFire', 'FireIdleCallback', 'EventDispatch', 'FireAnimationFrame', 'v8.run']);
const RENDER = new Set(['UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'Commit', 'AnimationFrame::StyleAndLayout', 'AnimationFrame::Render', 'HitTest', 'IntersectionObserverController::computeIntersections']);
const GC = /^(MajorGC|MinorGC|V8\.GC_)/;

function kind(name: string): 'script' | 'render' | 'gc' | null {
  if (SCRIPT.has(name)) return 'script';
  if (RENDER.has(name)) return 'render';
  return GC.test(name) ? 'gc' : null;
}

/** A parsed trace of one page load, ready for window queries. */
export interface PageTrace {
  /** When the page's DOMContentLoaded handlers were done, in ms (trace clock). */
  domContentLoaded: number;
  /** When content.js began evaluating, in ms (trace clock); null if it never ran. */
  contentStart: number | null;
  /** The content script's first, synchronous run: all of it, and V8's compile of the file within. */
  startup: { evaluateMs: number; compileMs: number };
  /** The ms of the first user-timing mark named `name` (or starting with it) at or after `from`. */
  mark(name: string, from?: number): number | null;
  /** Work of the tasks that start in [from, until) (ms), or that contain `from`. */
  work(from: number, until?: number): Work;
  /** The end (ms) of the last task after `from` that ran at least `minScriptMs` of script. */
  lastScriptEnd(from: number, minScriptMs: number): number | null;
}

/**
 * Parses `events` (the trace's `traceEvents`) of a load of `pageUrl`: its renderer main thread is
 * the one whose navigation loaded that URL; `scriptUrl` picks the content script, if it ran.
 */
export function readTrace(events: readonly TraceEvent[], pageUrl: string, scriptUrl: RegExp): PageTrace {
  const navigation = events.find((e) => e.name === 'navigationStart' && e.args?.data?.documentLoaderURL === pageUrl);
  if (!navigation) throw new Error(`the trace holds no navigation to ${pageUrl}`);
  const onThread = (e: TraceEvent) => e.pid === navigation.pid && e.tid === navigation.tid;
  const dcl = events.find((e) => onThread(e) && e.name === 'domContentLoadedEventEnd' && e.args?.frame === navigation.args?.frame && e.ts >= navigation.ts);
  const evaluation = events.find((e) => onThread(e) && e.name === 'EvaluateScript' && scriptUrl.test(e.args?.data?.url ?? ''));
  const marks = events
    .filter((e) => onThread(e) && (e.cat ?? '').includes('blink.user_timing') && e.name.startsWith('fc-bench:'))
    .map((e) => ({ name: e.name, at: e.ts / 1000 }))
    .sort((a, b) => a.at - b.at);
  const thread = events.filter((e) => onThread(e) && e.ph === 'X' && e.dur !== undefined).sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);

  // Top-level tasks and, inside each, the durations of its outermost events of each kind.
  const tasks: Array<Task & { script: number; render: number; gc: number }> = [];
  let open: (typeof tasks)[number] | null = null;
  let openEnd = -1;
  let coveredUntil = -1; // end of the outermost classified event inside the open task
  const biggest = new Map<string, number>();
  const close = () => {
    if (!open) return;
    open.what = [...biggest.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'other';
    biggest.clear();
  };
  for (const e of thread) {
    const end = e.ts + e.dur!;
    if (e.name === TASK && e.ts >= openEnd) {
      close();
      open = { start: e.ts / 1000, ms: e.dur! / 1000, what: '', script: 0, render: 0, gc: 0 };
      openEnd = end;
      coveredUntil = -1;
      tasks.push(open);
      continue;
    }
    if (!open || e.ts >= openEnd) continue;
    const k = kind(e.name);
    if (k === null) continue;
    biggest.set(e.name, Math.max(biggest.get(e.name) ?? 0, e.dur! / 1000));
    if (e.ts < coveredUntil) continue; // nested in an event already counted
    open[k] += e.dur! / 1000;
    coveredUntil = end;
  }
  close();

  const compile = evaluation && thread.find((e) => e.name === 'v8.compile' && e.ts >= evaluation.ts && scriptUrl.test(e.args?.data?.url ?? ''));
  return {
    domContentLoaded: (dcl ?? navigation).ts / 1000,
    contentStart: evaluation ? evaluation.ts / 1000 : null,
    startup: { evaluateMs: (evaluation?.dur ?? 0) / 1000, compileMs: (compile?.dur ?? 0) / 1000 },
    mark(name, from = -Infinity) {
      return marks.find((m) => m.at >= from && m.name.startsWith(name))?.at ?? null;
    },
    lastScriptEnd(from, minScriptMs) {
      const last = tasks.filter((t) => t.start >= from && t.script >= minScriptMs).at(-1);
      return last ? last.start + last.ms : null;
    },
    work(from, until = Infinity) {
      const picked = tasks.filter((t) => (t.start >= from || t.start + t.ms > from) && t.start < until);
      let longest: Task | null = null;
      let longestScript: Task | null = null;
      for (const t of picked) {
        if (!longest || t.ms > longest.ms) longest = { start: t.start, ms: t.ms, what: t.what };
        if (t.script > t.render + t.gc && (!longestScript || t.ms > longestScript.ms)) longestScript = { start: t.start, ms: t.ms, what: t.what };
      }
      const sum = (f: (t: (typeof tasks)[number]) => number) => picked.reduce((n, t) => n + f(t), 0);
      return { totalMs: sum((t) => t.ms), scriptMs: sum((t) => t.script), renderMs: sum((t) => t.render), gcMs: sum((t) => t.gc), tasks: picked.length, longest, longestScript };
    },
  };
}
