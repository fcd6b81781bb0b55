// `npm run package`: zips the built extension (dist/, one build for both browsers) into
// artifacts/fact-context-<version>-chromium.zip (Chrome Web Store, Edge Add-ons) and
// artifacts/fact-context-<version>-firefox.zip (addons.mozilla.org).
//
// The two archives hold the very same files: neither store needs anything the other refuses.
// Chromium ignores `browser_specific_settings` and `background.scripts`, Firefox ignores
// `background.service_worker` (see README.md, "Packaging"). Two names still help: each store
// gets the file meant for it, and the archives could diverge later without changing anyone's
// upload step.
//
// addons.mozilla.org also asks for the source of minified or bundled code, with the steps that
// rebuild it: fact-context-<version>-source.zip is the committed tree at HEAD (git archive), and
// its package.json has `build-for-amo`, the script AMO's builder runs to compare the result with
// the upload.
//
// fflate writes the zip: small, no dependencies, synchronous, and it lets us pin every entry's
// timestamp, so the same dist/ always gives byte-identical archives (reproducible uploads).
//
// Options: --dist <dir> (default dist/), --out <dir> (default artifacts/).
import { zipSync } from 'fflate';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

// fflate converts entry times to DOS time with local-time getters; pin the zone so the bytes do
// not depend on where the archive is made.
process.env.TZ = 'UTC';

const root = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({ options: { dist: { type: 'string' }, out: { type: 'string' } } });
const dist = resolve(values.dist ?? join(root, 'dist'));
const out = resolve(values.out ?? join(root, 'artifacts'));

/** Every entry's time: SOURCE_DATE_EPOCH when set (the reproducible-builds convention), else a fixed date. */
const mtime = process.env.SOURCE_DATE_EPOCH
  ? new Date(Number(process.env.SOURCE_DATE_EPOCH) * 1000)
  : new Date('2026-01-01T00:00:00Z');

/** Files a store must not receive: source maps and editor or OS litter. */
const SKIP = /(^|\/)(\.[^/]*|[^/]*\.map)$/;

/** Paths of every file under `dir`, relative, with forward slashes, sorted (stable archive order). */
async function listFiles(dir) {
  const files = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const path = relative(dir, join(entry.parentPath ?? entry.path, entry.name)).split(sep).join('/');
    if (!SKIP.test(path)) files.push(path);
  }
  return files.sort();
}

async function main() {
  if (!existsSync(join(dist, 'manifest.json'))) {
    throw new Error(`${dist} holds no built extension: run \`npm run build\` first`);
  }
  const manifest = JSON.parse(await readFile(join(dist, 'manifest.json'), 'utf8'));
  const files = await listFiles(dist);
  /** @type {Record<string, [Uint8Array, { mtime: Date }]>} */
  const entries = {};
  for (const file of files) entries[file] = [new Uint8Array(await readFile(join(dist, file))), { mtime }];
  // Both stores want manifest.json at the archive root, which `entries` (relative to dist/) gives.
  const zip = zipSync(entries, { level: 9 });
  const sha256 = createHash('sha256').update(zip).digest('hex');

  await mkdir(out, { recursive: true });
  for (const target of ['chromium', 'firefox']) {
    const path = join(out, `fact-context-${manifest.version}-${target}.zip`);
    await writeFile(path, zip);
    console.log(`  ${relative(process.cwd(), path).padEnd(48)} ${(zip.length / 1024).toFixed(1).padStart(7)} kB  sha256 ${sha256.slice(0, 16)}`);
  }
  console.log(`package: ${files.length} files from ${relative(process.cwd(), dist) || '.'}/, version ${manifest.version}`);
  writeSource(join(out, `fact-context-${manifest.version}-source.zip`), manifest.version);
}

/** The source archive for AMO's reviewers: the committed tree, no node_modules, no build output. */
function writeSource(path, version) {
  let commit;
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    console.warn('package: not a git checkout, so no source archive (addons.mozilla.org needs one for minified code)');
    return;
  }
  execFileSync('git', ['archive', '--format=zip', `--prefix=fact-context-${version}/`, '-o', path, 'HEAD'], { cwd: root });
  const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: root, encoding: 'utf8' }).trim() !== '';
  console.log(`  ${relative(process.cwd(), path).padEnd(48)} source at commit ${commit}${dirty ? ' (uncommitted changes are not in it)' : ''}`);
}

main().catch((error) => {
  console.error(`package failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
