/** `fact-context kb`, run in-process through `main` and once as a real process. */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main.ts';
import { DEFAULT_DATA_DIR, REPO_ROOT } from '../../../src/knowledge/load.ts';
import type { KnowledgeBase } from '../../../src/knowledge/types.ts';

async function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: (s) => void (stdout += s),
    stderr: (s) => void (stderr += s),
    stdin: () => Readable.from([]),
  });
  return { code, stdout, stderr };
}

function expectKnowledgeBase(json: string) {
  const kb = JSON.parse(json) as KnowledgeBase;
  expect(Object.keys(kb).sort()).toEqual(['claims', 'entities', 'excerpts', 'sources']);
  expect(kb.entities.find((e) => e.id === 'huawei')?.aliases[0]).toMatchObject({ text: 'Huawei', case: 'insensitive' });
  expect(kb.claims.find((c) => c.id === 'huawei-lawful-interception-access')?.cues.groups.length).toBeGreaterThan(0);
  expect(kb.sources.find((s) => s.id === 'nyt')?.type).toBe('outlet');
  expect(kb.excerpts.find((e) => e.id === 'hill-kelly')).toMatchObject({ source: 'the-hill-2018-06-huawei-facebook', kind: 'denial', citing: 'ap' });
}

describe('fact-context kb', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('prints the compiled knowledge base as JSON with --json', async () => {
    const { code, stdout } = await run('kb', '--json');
    expect(code).toBe(0);
    expectKnowledgeBase(stdout);
  });

  it('prints a readable summary: counts, aliases with their case rule, excerpts by kind, sources', async () => {
    const { code, stdout } = await run('kb');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Knowledge base: 11 companies, \d+ claims, 10 sources \(5 articles, 5 outlets\), \d+ excerpts \(\d+ report, \d+ denial/);
    expect(stdout).toContain('aliases: TCL (exact case)');
    expect(stdout).toContain('native: 华为');
    expect(stdout).toMatch(/ {2}huawei-lawful-interception-access \[huawei\]\n.*\n.*\n {4}excerpts: \d+ report, \d+ denial, \d+ response/);
    expect(stdout).toContain('the-hill-2018-06-huawei-facebook: The Hill, 2018-06:');
  });

  it('shows usage and exits 2 on an unknown option', async () => {
    const { code, stdout, stderr } = await run('kb', '--jsn');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('unknown option "--jsn"');
    expect(stderr).toContain('Usage: fact-context kb');
  });

  it('lists every problem on stderr and exits 1 when the data is invalid', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fc-kb-cli-'));
    dirs.push(dir);
    cpSync(DEFAULT_DATA_DIR, dir, { recursive: true });
    const entities = JSON.stringify([{ id: 'Huawei', name: 'Huawei', description: 'x', aliases: [{ text: 'Huawei', case: 'upper' }] }]);
    writeFileSync(join(dir, 'entities.json'), entities);
    const { code, stdout, stderr } = await run('kb', '--json', '--data', dir);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain(`${join(dir, 'entities.json')}: [0].id: expected a kebab-case id`);
    expect(stderr).toContain(`${join(dir, 'entities.json')}: [0].aliases[0].case: expected "sensitive" or "insensitive"`);
  });

  it('works as a real process: node bin/fact-context.mjs kb --json', () => {
    const stdout = execFileSync(process.execPath, ['bin/fact-context.mjs', 'kb', '--json'], { cwd: REPO_ROOT, encoding: 'utf8' });
    expectKnowledgeBase(stdout);
  });
});
