/**
 * Everything the browser bench loads, made fresh on each run under artifacts/bench/:
 * - production/: the extension as `npm run build` makes it (for the content script's size);
 * - extension/: the bench variant, the same build with synthetic companies added to the
 *   knowledge base (1,500 aliases in all) and the probe (probe.ts) built beside content.js;
 * - site/: the synthetic article and copies of the five fixture pages, served to the browser.
 * Both builds go through scripts/build.mjs (its FC_* variables), so they are built exactly as the
 * shipped extension is, without touching dist/, which other work may be using.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { KnowledgeBase } from '../../../src/knowledge/types.ts';
import { loadKnowledgeBase } from '../../../src/knowledge/load.ts';
import { FIXTURES_DIR } from '../../e2e/harness.ts';
import { withSyntheticEntities } from '../synthetic.ts';
import { articleGenerator, articlePage, type Block } from './page.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
/** Where the bench writes its builds and pages. */
export const BENCH_DIR = join(ROOT, 'artifacts', 'bench');

/** What {@link prepare} made. */
export interface Prepared {
  productionDir: string;
  extensionDir: string;
  siteDir: string;
  /** Page file names under siteDir, the synthetic article first. */
  pages: string[];
  kb: KnowledgeBase;
  aliases: number;
  /** Every alias and native name of the bench knowledge base (mark.js gets the same terms). */
  terms: string[];
  /** 50 KB more of the synthetic article, to append after the first scan. */
  appendix: Block[];
  /** The synthetic article's text size and text nodes, as generated. */
  synthetic: { chars: number; textNodes: number };
}

export const SYNTHETIC_PAGE = 'synthetic-1mb.html';

function build(outDir: string, env: Record<string, string> = {}): void {
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], {
    cwd: ROOT,
    env: { ...process.env, FC_DIST_DIR: outDir, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

/** Builds both variants and writes the pages; `aliases` is the bench knowledge base's size. */
export function prepare(aliases: number, textSize = 1_000_000, appendSize = 50_000): Prepared {
  rmSync(BENCH_DIR, { recursive: true, force: true });
  const productionDir = join(BENCH_DIR, 'production');
  const extensionDir = join(BENCH_DIR, 'extension');
  const siteDir = join(BENCH_DIR, 'site');
  mkdirSync(siteDir, { recursive: true });

  const kb = withSyntheticEntities(loadKnowledgeBase({ seedsDir: false }), aliases);
  const kbFile = join(BENCH_DIR, 'knowledge-base.json');
  writeFileSync(kbFile, JSON.stringify(kb));
  build(productionDir);
  build(extensionDir, { FC_KNOWLEDGE_JSON: kbFile, FC_EXTRA_ENTRY: fileURLToPath(new URL('probe.ts', import.meta.url)) });

  const terms = kb.entities.flatMap((e) => [...e.aliases.map((a) => a.text), ...e.native]);
  const generator = articleGenerator(terms);
  const blocks = generator.blocks(textSize);
  writeFileSync(join(siteDir, SYNTHETIC_PAGE), articlePage(blocks));
  const fixtures = readdirSync(FIXTURES_DIR).filter((name) => name.endsWith('.html')).sort();
  for (const name of fixtures) copyFileSync(join(FIXTURES_DIR, name), join(siteDir, name));

  return {
    productionDir,
    extensionDir,
    siteDir,
    pages: [SYNTHETIC_PAGE, ...fixtures],
    kb,
    aliases: terms.length,
    terms,
    appendix: generator.blocks(appendSize),
    synthetic: {
      chars: blocks.reduce((n, b) => n + b.runs.reduce((m, [, text]) => m + text.length, 0), 0),
      textNodes: blocks.reduce((n, b) => n + b.runs.length, 0),
    },
  };
}
