/** The Vite plugin, through a real (in-memory) Vite build of a module that imports the KB. */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import type { Rollup } from 'vite';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_DATA_DIR } from '../../../src/knowledge/load.ts';
import { factContextKnowledge, KNOWLEDGE_CORE_ID, KNOWLEDGE_DETAILS_ID, KNOWLEDGE_MODULE_ID } from '../../../src/knowledge/vite-plugin.ts';
import type { KnowledgePluginOptions } from '../../../src/knowledge/vite-plugin.ts';

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'fc-kb-vite-'));
  dirs.push(dir);
  return dir;
};

/** Builds `export { default } from '<id>'` (the whole base by default) and returns the bundle's code. */
async function buildWith(options: KnowledgePluginOptions, id = KNOWLEDGE_MODULE_ID): Promise<string> {
  const root = tempDir();
  writeFileSync(join(root, 'entry.js'), `export { default } from '${id}';\n`);
  const output = (await build({
    root,
    logLevel: 'silent',
    configFile: false,
    plugins: [factContextKnowledge(options)],
    build: { write: false, minify: false, lib: { entry: join(root, 'entry.js'), formats: ['es'], fileName: 'kb' } },
  })) as Rollup.RollupOutput[] | Rollup.RollupOutput;
  const chunks = (Array.isArray(output) ? output : [output]).flatMap((o) => o.output);
  return chunks.map((c) => (c.type === 'chunk' ? c.code : '')).join('\n');
}

describe('virtual:fact-context/knowledge', () => {
  it('bundles the compiled knowledge base as plain data, without zod', async () => {
    const code = await buildWith({});
    expect(code).toContain('huawei-lawful-interception-access');
    expect(code).toContain('has never collected or stored any Facebook user data');
    expect(code).not.toMatch(/zod|safeParse/);
  });

  it('serves the core (companies, claims) without a single quote or description, and the details apart', async () => {
    const core = await buildWith({}, KNOWLEDGE_CORE_ID);
    expect(core).toContain('huawei-lawful-interception-access');
    expect(core).toContain('"aliases"');
    expect(core).not.toContain('has never collected or stored any Facebook user data');
    expect(core).not.toContain('"excerpts"');
    expect(core).not.toContain('"sources"');
    // Aliases' notes are for maintainers, not worth their bytes on every page.
    expect(core).not.toContain('no common word collides');
    expect(await buildWith({})).toContain('no common word collides');
    // Nor the lines only the card and sidebar show: descriptions and who made a claim, when.
    expect(core).not.toContain('Chinese smartphone maker.');
    expect(core).not.toMatch(/"?(summary|madeBy|firstReported|description)"?:/);
    const details = await buildWith({}, KNOWLEDGE_DETAILS_ID);
    expect(details).toContain('has never collected or stored any Facebook user data');
    expect(details).toContain('"outlet"');
    expect(details).toContain('Chinese smartphone maker.');
    expect(details).toContain('The New York Times');
    expect(details).not.toContain('"aliases"');
    expect(details).not.toContain('"cues"');
    expect(`${core}\n${details}`).not.toMatch(/zod|safeParse/);
  });

  it.each([KNOWLEDGE_MODULE_ID, KNOWLEDGE_CORE_ID, KNOWLEDGE_DETAILS_ID])('fails the build of %s listing every problem in the data', async (id) => {
    const dataDir = tempDir();
    cpSync(DEFAULT_DATA_DIR, dataDir, { recursive: true });
    writeFileSync(join(dataDir, 'sources.json'), JSON.stringify([{ id: 'nyt', type: 'newspaper', outlet: 'The New York Times' }]));
    const failure = await buildWith({ dataDir, seedsDir: false }, id).then(
      () => 'built',
      (error: unknown) => String(error instanceof Error ? error.message : error),
    );
    expect(failure).toContain(`${join(dataDir, 'sources.json')}: [0].type: expected "article" or "outlet"`);
    expect(failure).toMatch(/excerpts\/the-hill-2018-06-huawei-facebook\.json: \(file\): the file name names no source/);
  });
});
