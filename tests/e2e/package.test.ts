/**
 * `npm run package` makes archives a store accepts and a browser runs: manifest.json at the
 * root, every file of dist/, the same bytes on every run, no permission beyond those README.md
 * explains, a source archive for the Firefox review, and each unpacked archive loads in its
 * browser and highlights a news page.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DIST_DIR, launchBrowser, startFixtureServer, waitForHighlight, type BrowserKind, type FixtureServer } from './harness.ts';

const SCRIPT = fileURLToPath(new URL('../../scripts/package.mjs', import.meta.url));
const ARTICLE = 'phonearena-2020-huawei-backdoors.html';
// FC_E2E_DIST: a copy of dist/ to test, when other builds keep rewriting dist/ meanwhile.
const BUILD_DIR = process.env.FC_E2E_DIST ?? DIST_DIR;

function distFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split('\\').join('/'))
    .sort();
}

function runPackage(out: string): void {
  execFileSync(process.execPath, [SCRIPT, '--dist', BUILD_DIR, '--out', out], { stdio: 'pipe' });
}

describe('npm run package', () => {
  const work = mkdtempSync(join(tmpdir(), 'fc-package-'));
  const version = JSON.parse(readFileSync(join(BUILD_DIR, 'manifest.json'), 'utf8')).version as string;
  const zipPath = (kind: BrowserKind, run = 'a') => join(work, run, `fact-context-${version}-${kind}.zip`);
  let server: FixtureServer;

  beforeAll(async () => {
    runPackage(join(work, 'a'));
    server = await startFixtureServer();
  });

  afterAll(async () => {
    await server?.close();
    rmSync(work, { recursive: true, force: true });
  });

  test('each archive holds every file of dist/ with manifest.json at its root', () => {
    for (const kind of ['chromium', 'firefox'] as const) {
      const names = Object.keys(unzipSync(readFileSync(zipPath(kind))));
      expect(names).toContain('manifest.json');
      expect(names.sort()).toEqual(distFiles(BUILD_DIR));
    }
  });

  test('the packaged manifest asks for no more than README.md explains: storage, the content script on web pages, its overlay module', () => {
    const manifest = JSON.parse(new TextDecoder().decode(unzipSync(readFileSync(zipPath('firefox')))['manifest.json']));
    expect(manifest.permissions).toEqual(['storage']);
    for (const key of ['host_permissions', 'optional_permissions', 'optional_host_permissions', 'externally_connectable']) {
      expect(manifest[key]).toBeUndefined();
    }
    expect(manifest.content_scripts).toHaveLength(1);
    expect(manifest.content_scripts[0].matches).toEqual(['http://*/*', 'https://*/*']);
    expect(manifest.content_scripts[0].all_frames ?? false).toBe(false);
    // Only the overlay module the content script imports, only where it runs, and in Chromium
    // only at a per-session URL, so a page cannot probe for the extension by a fixed one.
    expect(manifest.web_accessible_resources).toEqual([{ resources: ['overlay.js'], matches: ['http://*/*', 'https://*/*'], use_dynamic_url: true }]);
  });

  test('a source archive for the Firefox review holds what rebuilds the extension', () => {
    const source = unzipSync(readFileSync(join(work, 'a', `fact-context-${version}-source.zip`)));
    const names = Object.keys(source);
    const prefix = `fact-context-${version}/`;
    for (const file of ['package.json', 'package-lock.json', 'README.md', 'scripts/build.mjs', 'manifest.json', 'extension/content.ts']) {
      expect(names).toContain(prefix + file);
    }
    expect(names.some((name) => name.includes('node_modules/') || name.startsWith(`${prefix}dist/`))).toBe(false);
    const pkg = JSON.parse(new TextDecoder().decode(source[`${prefix}package.json`]));
    expect(pkg.scripts['build-for-amo']).toBeTruthy();
  });

  test('packaging the same build twice gives the same bytes', () => {
    runPackage(join(work, 'b'));
    expect(readFileSync(zipPath('chromium', 'b')).equals(readFileSync(zipPath('chromium')))).toBe(true);
  });

  test.each(['chromium', 'firefox'] as const)('the %s archive, unpacked, loads and highlights a news page', async (kind) => {
    const dir = join(work, `unpacked-${kind}`);
    for (const [name, data] of Object.entries(unzipSync(readFileSync(zipPath(kind))))) {
      mkdirSync(dirname(join(dir, name)), { recursive: true });
      writeFileSync(join(dir, name), data);
    }
    const launched = await launchBrowser(kind, { server, extensionDir: dir });
    try {
      const page = await launched.newPage(ARTICLE);
      const ranges = await waitForHighlight(page, 'fact-context-mention', 1);
      expect(ranges.map((range) => range.text)).toContain('Huawei');
    } finally {
      await launched.close();
    }
  });
});
