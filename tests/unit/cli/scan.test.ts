import { execFile } from 'node:child_process';
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main.ts';

const ROOT = resolve(import.meta.dirname, '../../..');
const FIXTURE = join(ROOT, 'tests/fixtures/nationalreview-2020-huawei-networks.html');

async function run(args: string[], stdin = ''): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(['scan', ...args], {
    stdout: (s) => (out += s),
    stderr: (s) => (err += s),
    stdin: () => Readable.from([Buffer.from(stdin)]),
  });
  return { code, out, err };
}

const dir = mkdtempSync(join(tmpdir(), 'fact-context-scan-'));
function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

describe('fact-context scan', () => {
  it('prints exactly the documented JSON shape for a saved page', async () => {
    const { code, out, err } = await run(['--json', FIXTURE]);
    expect(err).toBe('');
    expect(code).toBe(0);
    const json = JSON.parse(out) as { mentions: Array<Record<string, unknown>>; claims: Array<Record<string, unknown>> };
    expect(Object.keys(json)).toEqual(['mentions', 'claims']);
    expect(json.mentions).toHaveLength(15);
    for (const m of json.mentions) expect(Object.keys(m)).toEqual(['entity', 'text', 'start', 'end']);
    for (const c of json.claims) expect(Object.keys(c)).toEqual(['claim', 'text', 'start', 'end', 'entities', 'cues']);
    expect(json.mentions[0]).toMatchObject({ entity: 'huawei', text: 'Huawei' });
    expect(json.claims[0]).toMatchObject({ claim: 'huawei-lawful-interception-access', entities: ['huawei'] });
  });

  it('reads text files as they are, with offsets into the file text', async () => {
    const text = 'Officials say Huawei can secretly access cellular networks.\n';
    const { code, out } = await run(['--json', file('story.txt', text)]);
    expect(code).toBe(0);
    const json = JSON.parse(out) as { mentions: Array<{ start: number; end: number }>; claims: Array<{ start: number; end: number }> };
    expect(text.slice(json.mentions[0]!.start, json.mentions[0]!.end)).toBe('Huawei');
    expect(text.slice(json.claims[0]!.start, json.claims[0]!.end)).toBe(text.trim());
  });

  it('reads stdin for -, and sniffs HTML without an .html name', async () => {
    const html = '<!doctype html><title>x</title><body><nav>Huawei P40 review</nav><p>ZTE said no.</p><script>Huawei</script></body>';
    const { code, out } = await run(['--json', '-'], html);
    expect(code).toBe(0);
    expect((JSON.parse(out) as { mentions: Array<{ text: string }> }).mentions.map((m) => m.text)).toEqual(['ZTE']);
  });

  it('prints a report grouped by company and by claim, with the denials and who made them', async () => {
    const { code, out } = await run([FIXTURE]);
    expect(code).toBe(0);
    expect(out).toContain('Huawei: 15 mentions (“Huawei” ×14, “Huawei Technologies Co.” ×1)');
    expect(out).toContain('  huawei-lawful-interception-access\n    For over a decade Huawei has been able to covertly access');
    expect(out).toMatch(/denial: A senior Huawei official \(National Review, 2020-02\): “A senior Huawei official argued/);
    expect(out).toContain('Stated in 4 sentences:');
  });

  it('says so when a text names nothing covered', async () => {
    const { code, out } = await run([file('plain.txt', 'The weather was fine.\n')]);
    expect(code).toBe(0);
    expect(out).toContain('Companies: none found');
    expect(out).toContain('Claims: none found');
  });

  describe('bad input: one line naming the file, non-zero exit', () => {
    const cases: Array<[string, () => string, RegExp]> = [
      ['a missing file', () => join(dir, 'nope.html'), /nope\.html: no such file\n$/],
      ['a directory', () => dir, /: is a directory, not a file\n$/],
      ['a binary file', () => file('image.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01])), /image\.png: looks binary \(it contains NUL bytes\)/],
      ['invalid UTF-8', () => file('latin1.txt', Buffer.from([0x48, 0x75, 0x61, 0x77, 0x65, 0x69, 0xe9, 0x20])), /latin1\.txt: is not valid UTF-8 text\n$/],
    ];
    for (const [what, path, message] of cases) {
      it(what, async () => {
        const { code, out, err } = await run([path()]);
        expect(code).toBe(1);
        expect(out).toBe('');
        expect(err).toMatch(message);
        expect(err.trim().split('\n')).toHaveLength(1);
      });
    }

    it.skipIf(process.getuid?.() === 0)('an unreadable file', async () => {
      const path = file('secret.txt', 'Huawei');
      chmodSync(path, 0o000);
      const { code, err } = await run([path]);
      expect(code).toBe(1);
      expect(err).toMatch(/secret\.txt: cannot be read \(permission denied\)\n$/);
    });

    it('no file, or two', async () => {
      expect((await run([])).code).toBe(2);
      expect((await run(['a.txt', 'b.txt'])).err).toMatch(/give exactly one file/);
      expect((await run(['--nope', 'a.txt'])).err).toMatch(/unknown option "--nope"/);
    });
  });

  it('works as a real process: node bin/fact-context.mjs scan --json', async () => {
    const { stdout } = await promisify(execFile)('node', ['bin/fact-context.mjs', 'scan', '--json', FIXTURE], { cwd: ROOT });
    const json = JSON.parse(stdout) as { mentions: unknown[]; claims: unknown[] };
    expect(json.mentions).toHaveLength(15);
    expect(json.claims.length).toBeGreaterThan(0);
  }, 30_000);

  it('exits non-zero from a real process on a missing file', async () => {
    const failed = await promisify(execFile)('node', ['bin/fact-context.mjs', 'scan', 'missing.html'], { cwd: ROOT }).catch((e: unknown) => e);
    expect(failed).toMatchObject({ code: 1, stderr: 'fact-context scan: missing.html: no such file\n' });
  }, 30_000);
});
