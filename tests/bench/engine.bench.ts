/**
 * `npm run bench`: engine throughput on a seeded synthetic 1 MB text with 100, 1,500 and 10,000
 * aliases, against a naive baseline (one RegExp per alias). Prints figures and PASS/MISS against
 * the targets; it measures, it never fails a build.
 */
import { performance } from 'node:perf_hooks';
import type { KnowledgeBase } from '../../src/knowledge/types.ts';
import { createEngine } from '../../src/match/engine.ts';
import { PARAPHRASES } from '../unit/match/paraphrases.ts';
import { tinyKb } from '../unit/match/tiny-kb.ts';
import { syntheticText, withSyntheticEntities } from './synthetic.ts';

const SIZE = 1_000_000;
const RUNS = 15;

async function baseKnowledge(): Promise<{ kb: KnowledgeBase; label: string }> {
  try {
    const { loadKnowledgeBase } = await import('../../src/knowledge/load.ts');
    return { kb: loadKnowledgeBase({ seedsDir: false }), label: 'bundled knowledge base' };
  } catch (error) {
    return { kb: tinyKb, label: `test knowledge base (bundled one failed: ${(error as Error).message.split('\n')[0]})` };
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/**
 * Median seconds of `runs` calls after `warmup` unmeasured ones, in CPU time of this process:
 * these machines are shared, and wall time there mostly measures the neighbours. (On an idle
 * machine the two agree; the wall-clock median is printed beside it.)
 */
function time(fn: () => unknown, runs = RUNS, warmup = 3): { cpu: number; wall: number } {
  for (let i = 0; i < warmup; i++) fn();
  const cpu: number[] = [];
  const wall: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    fn();
    wall.push((performance.now() - t0) / 1000);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1e6);
  }
  return { cpu: median(cpu), wall: median(wall) };
}

/** The baseline a first attempt would write: one Unicode-aware RegExp per alias, same rules. */
function naiveScanner(kb: KnowledgeBase): (text: string) => number {
  const regexes = kb.entities.flatMap((e) => [
    ...e.aliases.map((a) => ({ text: a.text, flags: a.case === 'sensitive' ? 'gu' : 'giu' })),
    ...e.native.map((text) => ({ text, flags: 'gu' })),
  ]).map(({ text, flags }) => {
    const body = text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '[^\\S\\n]+');
    return new RegExp(`(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`, flags);
  });
  return (text) => {
    let n = 0;
    for (const re of regexes) for (const _ of text.matchAll(re)) n++;
    return n;
  };
}

function verdict(ok: boolean): string {
  return ok ? 'PASS' : 'MISS';
}

const { kb, label } = await baseKnowledge();
const claimSentences = PARAPHRASES.filter((p) => !p.title).map((p) => p.text);
const mb = Buffer.byteLength(syntheticText(kb, SIZE, 42, claimSentences)) / 1e6;
console.log(`Engine benchmark: ${mb.toFixed(2)} MB synthetic text (seeded), ${label}, median of ${RUNS} runs (CPU time)\n`);

// Engine runs first, all of them, then the naive baselines: the baselines churn the heap and
// the caches, and the first engine run must not pay for JIT warm-up the others do not.
const SIZES = [100, 1500, 10000];
const setups = SIZES.map((aliases) => {
  const big = withSyntheticEntities(kb, aliases);
  const text = syntheticText(big, SIZE, 42, claimSentences);
  const t0 = performance.now();
  const engine = createEngine(big);
  return { aliases, big, text, engine, compileMs: performance.now() - t0 };
});
for (const { engine, text } of setups) time(() => engine.scan(text), 1, 5);

const results = new Map<number, { engine: number; naive?: number }>();
const lines = new Map<number, string>();
for (const { aliases, text, engine, compileMs } of setups) {
  const found = engine.scan(text);
  const seconds = time(() => engine.scan(text));
  results.set(aliases, { engine: mb / seconds.cpu });
  lines.set(
    aliases,
    `${String(aliases).padStart(6)} aliases: engine ${(mb / seconds.cpu).toFixed(0).padStart(4)} MB/s` +
      ` (${(seconds.cpu * 1000).toFixed(1)} ms CPU, ${(seconds.wall * 1000).toFixed(1)} ms wall per scan; compile ${compileMs.toFixed(0)} ms;` +
      ` ${engine.patterns} patterns; ${found.mentions.length} mentions, ${found.claims.length} claims)`,
  );
}
for (const { aliases, big, text } of setups.filter((s) => s.aliases <= 1500)) {
  const naive = naiveScanner(big);
  const naiveSeconds = time(() => naive(text), aliases <= 100 ? 5 : 3, 1);
  const row = results.get(aliases)!;
  row.naive = mb / naiveSeconds.cpu;
  lines.set(aliases, `${lines.get(aliases)}\n${' '.repeat(16)}naive ${row.naive.toFixed(1)} MB/s (${(naiveSeconds.cpu * 1000).toFixed(0)} ms CPU): engine ${(row.engine / row.naive).toFixed(1)}x faster`);
}
for (const aliases of SIZES) console.log(lines.get(aliases));

const r100 = results.get(100)!;
const r1500 = results.get(1500)!;
const r10k = results.get(10000)!;
const slowest = Math.min(r100.engine, r1500.engine, r10k.engine);
const scaling = r100.engine / r10k.engine;
const speedup = r1500.engine / r1500.naive!;
console.log('\nTargets');
console.log(`  ${verdict(slowest >= 100)}  throughput >= 100 MB/s at every size: slowest ${slowest.toFixed(0)} MB/s`);
console.log(`  ${verdict(scaling <= 1.3)}  10,000 aliases within 1.3x of 100 aliases: ${scaling.toFixed(2)}x`);
console.log(`  ${verdict(speedup >= 20)}  naive baseline >= 20x slower at 1,500 aliases: ${speedup.toFixed(1)}x`);
