/**
 * `npm run bench:browser`: the extension's cost in a real browser (Debian Chromium, headless),
 * on a seeded synthetic article of 1 MB of text in 40,000 text nodes with a 1,500-alias
 * knowledge base, and on the five fixture pages. Prints figures, ratios and PASS/MISS against
 * the targets; it measures and never fails on a figure (exit 1 only when it could not measure).
 *
 * How each figure is taken (also printed at the end, for whoever reads the output):
 * - floors, probe steps and mark.js run in a browser WITHOUT the extension, in the page, with the
 *   same clock; the probe is the extension's own scanning code built like content.js;
 * - the real extension's figures come from a CDP trace of the page loading with the bench build
 *   installed: its main-thread tasks, the longest of them, the first frame with highlights;
 * - heap: JS heap after a full GC with the extension minus the same page without it.
 * Firefox gets the in-page figures only (floors, probe, mark.js, on the synthetic article):
 * puppeteer drives it over WebDriver BiDi, which has no tracing.
 *
 * FC_BENCH_RUNS sets the runs per figure (default 5; medians are printed); the probe, a few
 * seconds a run, takes twice as many plus one.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cpus, loadavg } from 'node:os';
import { gzipSync } from 'node:zlib';
import { launchBrowser, startFixtureServer, type FixtureServer, type LaunchedBrowser } from '../e2e/harness.ts';
import {
  heapUsed,
  markJsPattern,
  measureBaseline,
  measureExtension,
  measureMarkJs,
  measureProbe,
  measureProbeAppend,
  median,
  type BaselineRun,
  type ExtensionRun,
  type ProbeFigures,
} from './browser/measure.ts';
import type { Block } from './browser/page.ts';
import { prepare, SYNTHETIC_PAGE } from './browser/prepare.ts';

const ALIASES = 1500;
const RUNS = Math.max(1, Number(process.env.FC_BENCH_RUNS ?? 5));
const MARK_JS_RUNS = Math.max(1, Math.min(RUNS, 3));
const PROBE_RUNS = 2 * RUNS + 1;
const TARGET = { floorRatio: 2, markJs: 10, taskMs: 50, gzipKb: 25 };

const verdict = (ok: boolean): string => (ok ? 'PASS' : 'MISS');
const ms = (value: number): string => (value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2)) + ' ms';
const kb = (bytes: number): string => `${(bytes / 1000).toFixed(1)} kB`;
/** A ratio with enough digits to tell which side of a target it is on (2.00x, 9.96x, 12.4x). */
const ratio = (value: number): string => `${value >= 100 ? value.toFixed(0) : value.toPrecision(3)}x`;

interface PageFigures {
  page: string;
  probe: ProbeFigures;
  baselineHeap: number;
  markJs: { ms: number; marks: number };
  probeAppend?: Awaited<ReturnType<typeof measureProbeAppend>> | undefined;
  /** The page's own main-thread work, loaded (and appended to) without the extension. */
  baseline: BaselineRun[];
  runs: ExtensionRun[];
  /** The same page with the production build (the real knowledge base only). */
  production: ExtensionRun[];
}

async function measureWithoutExtension(launched: LaunchedBrowser, page: string, probeFile: string, pattern: string, appendix?: Block[]) {
  const tab = await launched.newPage(page);
  try {
    const baselineHeap = await heapUsed(tab);
    const probe = await measureProbe(tab, probeFile, PROBE_RUNS, { firstPass: page === SYNTHETIC_PAGE });
    const probeAppend = appendix ? await measureProbeAppend(tab, appendix, RUNS) : undefined;
    // Last: mark.js reloads the page for each run and leaves its <mark> elements behind.
    const markJs = await measureMarkJs(tab, pattern, MARK_JS_RUNS);
    const baseline: BaselineRun[] = [];
    for (let run = 0; run < RUNS; run++) baseline.push(await measureBaseline(launched, tab.url(), run > 0 ? appendix : undefined));
    return { baselineHeap, probe, markJs, probeAppend, baseline };
  } finally {
    await tab.close();
  }
}

/** The real extension's loads of one page with one build: work, longest task, first highlight, heap. */
function printRuns(label: string, runs: readonly ExtensionRun[], baselineHeap: number): void {
  const initial = runs.map((r) => r.initial);
  const worst = initial.flatMap((w) => (w.longest ? [w.longest] : [])).sort((a, b) => b.ms - a.ms)[0];
  const first = runs.flatMap((r) => (r.firstHighlightMs === null ? [] : [r.firstHighlightMs]));
  const heap = runs.find((r) => r.heapBytes !== undefined)?.heapBytes;
  console.log(
    `  ${label.padEnd(18)}  main-thread work from content.js on ${ms(median(initial.map((w) => w.totalMs)))} in ${median(initial.map((w) => w.tasks))} tasks` +
      ` (script ${ms(median(initial.map((w) => w.scriptMs)))}, style/paint ${ms(median(initial.map((w) => w.renderMs)))}, GC ${ms(median(initial.map((w) => w.gcMs)))});` +
      ` longest task ${ms(median(initial.map((w) => w.longest?.ms ?? 0)))}, worst ${worst ? `${ms(worst.ms)} (${worst.what})` : 'none'}`,
  );
  console.log(
    `${' '.repeat(22)}content.js first run ${ms(median(runs.map((r) => r.startup.evaluateMs)))} (compile ${ms(median(runs.map((r) => r.startup.compileMs)))});` +
      ` first highlight ${first.length ? ms(median(first)) : 'never'} after content.js started` +
      (heap === undefined ? '' : `; heap +${kb(heap - baselineHeap)}`),
  );
}

/** The floors and the full scan against them: repeated calls, and first passes over a freshly parsed page. */
function printScan(p: ProbeFigures): void {
  const s = p.scan;
  const spread = (ratios: readonly number[]): string => `runs ${ratio(ratios[0]!)} to ${ratio(ratios[ratios.length - 1]!)}`;
  console.log(`  floors              TreeWalker visiting every text node ${ms(p.walkMs)}; also reading every character ${ms(p.readMs)}`);
  console.log(
    `  full scan (probe)   ${ms(s.ms)} = text model ${ms(s.steps.textModelMs)} + engine ${ms(s.steps.engineMs)}: ${ratio(median(p.floorRatios))} the read floor` +
      ` (${spread(p.floorRatios)}; fastest against fastest ${ratio(p.bestRatio)}),` +
      ` ${ratio(s.ms / p.walkMs)} the visit floor; first (cold) scan ${ms(p.coldScanMs)}`,
  );
  const f = p.firstPass;
  if (!f) return;
  console.log(
    `  first pass          on the page parsed anew, one call each (nodes with no JS string or wrapper yet, as a reader's page; JIT warm):` +
      ` visit floor ${ms(f.walkMs)}, read floor ${ms(f.readMs)}, full scan ${ms(f.scanMs)}: ${ratio(median(f.floorRatios))} the read floor` +
      ` (${spread(f.floorRatios)}; fastest against fastest ${ratio(f.bestRatio)}), ${ratio(f.scanMs / f.walkMs)} the visit floor`,
  );
}

function printPage(f: PageFigures): void {
  const p = f.probe;
  console.log(`\n${f.page}: ${p.chars.toLocaleString('en')} characters of text in ${p.textNodes.toLocaleString('en')} text nodes; ${p.mentions} mentions, ${p.claims} claims, ${p.marks} marks`);
  printScan(p);
  const h = p.highlight;
  console.log(
    `  scan + highlight    ${ms(h.ms)} = text model ${ms(h.steps.textModelMs)} + engine ${ms(h.steps.engineMs)} + marks ${ms(h.steps.marksMs)}` +
      ` + highlighter ${ms(h.steps.highlightMs)} + first paint window ${ms(h.steps.windowMs)}: ${ratio(h.ms / p.readMs)} the read floor (means of ${h.calls} calls)`,
  );
  console.log(`  mark.js markRegExp  ${ms(f.markJs.ms)} (${f.markJs.marks} marks): the extension's scan + highlight is ${ratio(f.markJs.ms / h.ms)} faster`);
  if (f.probeAppend) {
    const a = f.probeAppend;
    console.log(`  50 kB appended      probe, one rescan per block as the extension does (${a.blocks} blocks): ${ms(a.ms)} = text models ${ms(a.textModelMs)} + engine ${ms(a.engineMs)} + marks ${ms(a.marksMs)}`);
  }
  const alone = f.baseline.map((b) => b.fromDcl);
  console.log(
    `  page alone          without the extension, from DOMContentLoaded on: main-thread work ${ms(median(alone.map((w) => w.totalMs)))},` +
      ` longest task ${ms(median(alone.map((w) => w.longest?.ms ?? 0)))} (${alone[0]?.longest?.what ?? 'none'}): tasks of this size below are the page's, not the extension's`,
  );
  printRuns('extension (bench)', f.runs, f.baselineHeap);
  printRuns('extension (prod.)', f.production, f.baselineHeap);
  const appended = f.runs.flatMap((r) => (r.appended ? [r.appended] : []));
  if (appended.length) {
    const lat = appended.flatMap((a) => (a.scannedMs === null ? [] : [a.scannedMs]));
    const worst = appended.flatMap((a) => (a.work.longest ? [a.work.longest] : [])).sort((x, y) => y.ms - x.ms)[0];
    const own = f.baseline.flatMap((b) => (b.appended ? [b.appended] : []));
    const ownMs = own.length ? median(own.map((w) => w.totalMs)) : 0;
    console.log(
      `  50 kB appended      extension (bench): adds ${ms(median(appended.map((a) => a.work.totalMs)) - ownMs)} to the page's own ${ms(ownMs)} (longest task without the extension ${ms(median(own.map((w) => w.longest?.ms ?? 0)))});` +
        ` with it: main-thread work ${ms(median(appended.map((a) => a.work.totalMs)))} (script ${ms(median(appended.map((a) => a.work.scriptMs)))}),` +
        ` longest task ${ms(median(appended.map((a) => a.work.longest?.ms ?? 0)))}, worst ${worst ? `${ms(worst.ms)} (${worst.what})` : 'none'};` +
        ` longest mostly-script task (the extension's, the page runs none) ${ms(median(appended.map((a) => a.work.longestScript?.ms ?? 0)))}, worst ${ms(Math.max(...appended.map((a) => a.work.longestScript?.ms ?? 0)))};` +
        ` scanned ${lat.length ? ms(median(lat)) : '?'} after the append (its last task running script; idle-time batching included)`,
    );
  }
}

/**
 * The probe's figures and mark.js on the synthetic article in Firefox ESR, in a browser without
 * the extension: what can be measured in the page. Not a verdict: the targets are Chromium's.
 */
async function measureFirefox(server: FixtureServer, extensionDir: string, probeFile: string, pattern: string) {
  const launched = await launchBrowser('firefox', { server, extensionDir, installExtension: false });
  try {
    const version = await launched.browser.version();
    const tab = await launched.newPage(SYNTHETIC_PAGE);
    const probe = await measureProbe(tab, probeFile, PROBE_RUNS, { firstPass: true });
    const markJs = await measureMarkJs(tab, pattern, MARK_JS_RUNS);
    return { version, probe, markJs };
  } finally {
    await launched.close();
  }
}

function printFirefox({ version, probe: p, markJs }: NonNullable<Awaited<ReturnType<typeof measureFirefox>>>): void {
  console.log(`\nFirefox (${version}, headless, no extension installed), ${SYNTHETIC_PAGE}, probe and mark.js only: WebDriver BiDi offers no tracing, so no task, paint or heap figures`);
  printScan(p);
  console.log(`  scan + highlight    ${ms(p.highlight.ms)}; mark.js markRegExp ${ms(markJs.ms)} (${markJs.marks} marks): the extension's scan + highlight is ${ratio(markJs.ms / p.highlight.ms)} faster`);
}

async function main(): Promise<void> {
  console.log(`Browser bench: building the production and bench variants (artifacts/bench/)...`);
  const prepared = prepare(ALIASES);
  const probeFile = join(prepared.extensionDir, 'probe.js');
  const pattern = markJsPattern(prepared.terms);
  const server = await startFixtureServer({ root: prepared.siteDir });
  const figures: PageFigures[] = [];
  let version = '';
  let firefox: Awaited<ReturnType<typeof measureFirefox>> | undefined;
  try {
    const plain = await launchBrowser('chromium', { server, extensionDir: prepared.extensionDir, installExtension: false });
    version = await plain.browser.version();
    const without = new Map<string, Awaited<ReturnType<typeof measureWithoutExtension>>>();
    try {
      for (const page of prepared.pages) {
        without.set(page, await measureWithoutExtension(plain, page, probeFile, pattern, page === SYNTHETIC_PAGE ? prepared.appendix : undefined));
      }
    } finally {
      await plain.close();
    }
    const launched = await launchBrowser('chromium', { server, extensionDir: prepared.extensionDir });
    try {
      for (const page of prepared.pages) {
        const runs: ExtensionRun[] = [];
        for (let run = 0; run < RUNS; run++) {
          // The first load measures the heap; the others append text on the synthetic page.
          const appendix = page === SYNTHETIC_PAGE && run > 0 ? prepared.appendix : undefined;
          runs.push(await measureExtension(launched, server.url(page), { heap: run === 0, ...(appendix ? { appendix } : {}) }));
        }
        figures.push({ page, ...without.get(page)!, runs, production: [] });
      }
    } finally {
      await launched.close();
    }
    const production = await launchBrowser('chromium', { server, extensionDir: prepared.productionDir });
    try {
      for (const f of figures) {
        for (let run = 0; run < RUNS; run++) f.production.push(await measureExtension(production, server.url(f.page), { heap: run === 0 }));
      }
    } finally {
      await production.close();
    }
    firefox = await measureFirefox(server, prepared.extensionDir, probeFile, pattern);
  } finally {
    await server.close();
  }

  const content = readFileSync(join(prepared.productionDir, 'content.js'));
  const gzipped = gzipSync(content, { level: 9 }).length;
  const benchContent = readFileSync(join(prepared.extensionDir, 'content.js'));
  const load = loadavg().map((n) => n.toFixed(1)).join(' ');
  console.log(`\n${version}, headless, ${RUNS} runs per figure (medians), mark.js ${MARK_JS_RUNS} runs; ${cpus().length} CPUs, load average ${load} (other work on the machine shows up as noise)`);
  console.log(`Bench build: knowledge base of ${prepared.aliases} aliases (${prepared.kb.entities.length} companies, most synthetic); engine compiled in the page in ${ms(figures[0]!.probe.compileMs)}`);
  for (const f of figures) printPage(f);

  if (firefox) printFirefox(firefox);

  const synthetic = figures[0]!;
  // Per page, the median over its loads of each load's longest task (a single load can be
  // stretched by whatever else the machine runs); then the worst page. The single worst load is
  // printed beside it. After an append, the page's own layout of the new text is a task of the
  // same size (see "page alone"), so that phase is shown beside the verdict, not in it.
  const longestOf = (r: ExtensionRun) => r.initial.longest?.ms ?? 0;
  const typical = (pick: (f: PageFigures) => ExtensionRun[]) => Math.max(...figures.map((f) => median(pick(f).map(longestOf))));
  const single = (pick: (f: PageFigures) => ExtensionRun[]) => Math.max(...figures.flatMap((f) => pick(f).map(longestOf)));
  const worstTask = typical((f) => f.runs);
  const worstProduction = typical((f) => f.production);
  // The verdict is on first passes, as the extension scans a reader's page: once, over nodes
  // Blink has made no JS strings for. Repeated passes are printed beside it.
  const first = synthetic.probe.firstPass!;
  // The worse of two views: the typical run (each scan against the floor sampled beside it,
  // under the same load) and the quietest moments (fastest scan against fastest floor).
  const floorRatio = Math.max(median(first.floorRatios), first.bestRatio);
  const markRatio = synthetic.markJs.ms / synthetic.probe.highlight.ms;
  console.log('\nTargets (synthetic 1 MB article unless said otherwise):');
  const within = (ratios: readonly number[]) => `${ratios.filter((r) => r <= TARGET.floorRatio).length} of ${ratios.length} within`;
  console.log(
    `  ${verdict(floorRatio <= TARGET.floorRatio)}  full scan within ${TARGET.floorRatio}x of the read-every-character floor, first passes over the page: ${ratio(floorRatio)}` +
      ` (the worse of: the median of ${first.floorRatios.length} runs, each scan against the floor timed beside it, ${ratio(median(first.floorRatios))}, ${within(first.floorRatios)};` +
      ` the fastest scan against the fastest floor, ${ratio(first.bestRatio)})`,
  );
  const repeated = synthetic.probe;
  console.log(
    `        repeated passes over the same nodes, where the floor reuses the JS strings its earlier passes made: median ${ratio(median(repeated.floorRatios))}` +
      ` (${within(repeated.floorRatios)}), fastest against fastest ${ratio(repeated.bestRatio)}`,
  );
  console.log(`  ${verdict(markRatio >= TARGET.markJs)}  at least ${TARGET.markJs}x faster than mark.js: ${ratio(markRatio)}`);
  console.log(
    `  ${verdict(worstTask <= TARGET.taskMs)}  no main-thread task over ${TARGET.taskMs} ms caused by the extension (worst page, median of its loads):` +
      ` ${ms(worstTask)} with the bench build (single worst load ${ms(single((f) => f.runs))}),` +
      ` ${ms(worstProduction)} with the production build (single worst ${ms(single((f) => f.production))})`,
  );
  const appendLongest = synthetic.runs.flatMap((r) => (r.appended?.work.longest ? [r.appended.work.longest.ms] : []));
  const appendAlone = synthetic.baseline.flatMap((b) => (b.appended?.longest ? [b.appended.longest.ms] : []));
  if (appendLongest.length) {
    const appendScript = synthetic.runs.map((r) => r.appended?.work.longestScript?.ms ?? 0);
    console.log(
      `        after 50 kB appended: longest task ${ms(median(appendLongest))} with the extension, ${ms(median(appendAlone))} for the page alone (its own layout of the new text);` +
        ` the extension's longest (mostly script) ${ms(median(appendScript))}, worst ${ms(Math.max(...appendScript))}`,
    );
  }
  console.log(`  ${verdict(gzipped < TARGET.gzipKb * 1000)}  content script under ${TARGET.gzipKb} kB gzipped: ${gzipped.toLocaleString('en')} bytes (${kb(content.length)} raw, production build; the bench build's is ${kb(gzipSync(benchContent).length)})`);
  console.log(`
How these were measured:
  floors, full scan, scan + highlight: in the page, in a browser without the extension. The "probe"
    is the extension's own code (text model, engine, marks, highlighter: the modules the content
    script runs) built by scripts/build.mjs exactly like content.js and injected as a page script,
    so each step can be timed back to back against floors on the same page, clock and JIT. Steps
    the extension spreads over several tasks run here in one. A sample is the mean of a step's
    calls over 250 ms (4 calls at least), so the garbage collections its garbage causes are
    counted, spread over the calls; each sample follows two untimed calls of its step (so the
    garbage the step before left is not counted), and each run takes one sample of every step,
    every other run in reverse order. A ratio to the read floor is the median over runs of each
    run's scan over its floor, taken a moment apart under the same load, or the fastest scan
    over the fastest floor (load only adds time), whichever is worse. "first pass" parses the
    page's body anew before each call, so that no node has the JS string or wrapper that Blink
    makes on a first read and keeps for the passes after it: the verdict is on these, as a
    reader's page meets the scan; the JIT is warm (the cold first scan is printed apart). The
    other figures are the median sample, whose parts are printed
    (marks: the matches made into marks; highlighter: the marks handed to it in the pieces
    content.js uses; first paint window: past 1,500 marks only those near the viewport are
    painted, when an IntersectionObserver first reports after the next frame: the script of that
    report, Ranges made for those marks, is counted, the wait for the frame is not). Between
    calls the highlights are cleared, untimed (the extension never does). "first (cold) scan" is
    the first call on the page.
  mark.js: markRegExp with one pattern of all ${prepared.aliases} terms (case-insensitive, \\b boundaries;
    easier than the extension's Unicode, per-alias-case rules), on a fresh load each run; it wraps
    each match in <mark>. It finds no claims; the extension does both.
  real extension: the bench build installed, each page loaded in a new tab under a CDP trace.
    Counted: every main-thread task from the one that evaluates content.js until the painted
    highlights have not changed for 1.5 s; the pages have no scripts of their own then, so that is
    the extension's work and what it makes the browser do (style and paint for the highlights,
    GC), but the page may still be laying itself out: "page alone" is the same page from
    DOMContentLoaded on (content scripts at document_idle start after it) without the extension.
    "First highlight" is the first animation frame whose CSS.highlights holds a range (the
    extension paints once its scan is done). After appending 50 kB the bench waits 3 s: past
    1,500 marks the extension paints only near the viewport, so there is nothing to wait for;
    "scanned" is the end of the last task after the append that ran 1 ms of script or more.
  heap: Runtime.getHeapUsage after HeapProfiler.collectGarbage. The content script's isolated
    world shares its V8 isolate with the page, and CDP reports heap per isolate, not per world,
    so the figure is the difference to the same page in a browser without the extension.`);
}

main().catch((error: unknown) => {
  console.error(`bench:browser could not measure: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
