// `npm run build`: writes the unpacked extension to dist/, loadable as-is by Chromium
// (chrome://extensions -> Load unpacked, or --load-extension) and Firefox (about:debugging ->
// Load Temporary Add-on). One manifest, one build, both browsers.
//
// Several Vite builds, because a classic (IIFE) bundle can have only one entry: the content
// script and the background must each be a single file with no imports (content scripts cannot
// be modules; Firefox event pages and Chromium service workers share background.js), while the
// popup and options pages are ordinary HTML pages that may share ES module chunks. The overlay
// (hover card and sidebar with Preact and the excerpts) is one ES module, overlay.js, which the
// content script imports from the extension's URL when the reader first needs it: the script
// that runs on every page stays under CONTENT_BUDGET.
import { build } from 'vite';
import { cp, mkdir, readFile, readdir, rm, stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { basename, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const extensionDir = join(root, 'extension');
// Bench builds only (tests/bench/browser): FC_DIST_DIR writes elsewhere than dist/,
// FC_KNOWLEDGE_JSON bundles a compiled knowledge base from a file (e.g. with synthetic
// companies), FC_EXTRA_ENTRY adds one more classic script built like content.js.
const dist = process.env.FC_DIST_DIR ? resolve(process.env.FC_DIST_DIR) : join(root, 'dist');

/** content.js, gzipped (level 9), must stay under this many bytes (issue 5). */
// 25 kB read strictly: 25,000 bytes, not 25 KiB.
const CONTENT_BUDGET = 25_000;

/** Configuration every build shares: Preact's automatic JSX runtime, minified, no config file. */
function common(plugins) {
  return {
    configFile: false,
    root,
    mode: 'production',
    logLevel: 'warn',
    plugins,
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
    resolve: { alias: { 'react/jsx-runtime': 'preact/jsx-runtime', react: 'preact/compat' } },
  };
}

/** What every build writes the same way: into dist/ beside the others, minified, no maps. */
const OUTPUT = { outDir: dist, emptyOutDir: false, target: 'es2022', minify: true, sourcemap: false };

/**
 * The knowledge-base plugin (virtual:fact-context/knowledge) compiles and validates the bundled
 * data at build time. It is TypeScript, so it is loaded through tsx, as the CLI is.
 */
async function knowledgePlugins() {
  const json = process.env.FC_KNOWLEDGE_JSON;
  if (json) {
    // The whole base and its two halves, split by the same code the real plugin uses.
    const id = 'virtual:fact-context/knowledge';
    const kb = JSON.parse(await readFile(resolve(json), 'utf8'));
    const { tsImport } = await import('tsx/esm/api');
    const { splitKnowledgeBase } = await tsImport(pathToFileURL(join(root, 'src/knowledge/parts.ts')).href, import.meta.url);
    const { core, details } = splitKnowledgeBase(kb);
    const modules = new Map([
      [id, kb],
      [`${id}/core`, core],
      [`${id}/details`, details],
    ].map(([name, value]) => [`\0${name}`, `export default ${JSON.stringify(value)};\n`]));
    return [{ name: 'fact-context:knowledge-file', resolveId: (source) => (modules.has(`\0${source}`) ? `\0${source}` : undefined), load: (source) => modules.get(source) }];
  }
  const file = join(root, 'src/knowledge/vite-plugin.ts');
  if (!existsSync(file)) return [];
  const { tsImport } = await import('tsx/esm/api');
  const mod = await tsImport(pathToFileURL(file).href, import.meta.url);
  if (typeof mod.factContextKnowledge !== 'function') {
    throw new Error('src/knowledge/vite-plugin.ts no longer exports factContextKnowledge()');
  }
  return [mod.factContextKnowledge()];
}

/**
 * One entry as one file with no imports and no chunks: `iife` for the classic scripts (content
 * scripts cannot be modules), `es` for overlay.js, which the content script imports from its
 * web-accessible URL; with use_dynamic_url that URL changes every session, so chunks beside it
 * would need the same treatment for nothing.
 */
async function buildSingleFile(entry, fileName, plugins, format = 'iife') {
  await build({
    ...common(plugins),
    publicDir: false,
    build: {
      ...OUTPUT,
      copyPublicDir: false,
      rolldownOptions: {
        input: resolve(extensionDir, entry),
        ...(format === 'es' ? { preserveEntrySignatures: 'exports-only' } : {}),
        output: { format, entryFileNames: fileName, codeSplitting: false },
      },
    },
  });
}

/** The extension pages (popup, options), plus public/ (icons, _locales) copied verbatim. */
async function buildPages(plugins) {
  await build({
    ...common(plugins),
    root: extensionDir,
    base: '/',
    publicDir: join(root, 'public'),
    build: {
      ...OUTPUT,
      // Extension pages forbid inline scripts (MV3 CSP); Vite's preload polyfill is not needed.
      modulePreload: { polyfill: false },
      rolldownOptions: {
        input: { popup: join(extensionDir, 'popup.html'), options: join(extensionDir, 'options.html') },
      },
    },
  });
}

/** Fails the build when the manifest names a file dist/ lacks or a message the locale lacks. */
async function verify() {
  const manifestText = await readFile(join(dist, 'manifest.json'), 'utf8');
  const manifest = JSON.parse(manifestText);
  const pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8'));
  const problems = [];
  if (manifest.version !== pkg.version) {
    problems.push(`manifest.json version ${manifest.version} differs from package.json ${pkg.version}`);
  }
  const files = [
    ...(manifest.background?.scripts ?? []),
    manifest.background?.service_worker,
    ...manifest.content_scripts.flatMap((cs) => [...(cs.js ?? []), ...(cs.css ?? [])]),
    manifest.action?.default_popup,
    manifest.options_ui?.page,
    ...Object.values(manifest.icons ?? {}),
    ...Object.values(manifest.action?.default_icon ?? {}),
    ...(manifest.web_accessible_resources ?? []).flatMap((entry) => entry.resources ?? []),
  ].filter(Boolean);
  for (const file of files) {
    if (!existsSync(join(dist, file))) problems.push(`manifest.json names ${file}, which the build did not produce`);
  }
  const messages = JSON.parse(await readFile(join(dist, '_locales', manifest.default_locale, 'messages.json'), 'utf8'));
  for (const [, key] of manifestText.matchAll(/__MSG_(\w+)__/g)) {
    if (!(key in messages)) problems.push(`manifest.json uses __MSG_${key}__, missing from _locales/${manifest.default_locale}`);
  }
  for (const script of ['content.js', 'background.js']) {
    const code = await readFile(join(dist, script), 'utf8');
    // A classic script with a static import or export would be a syntax error at load time.
    if (/(^|[;}])\s*(import\s*[\w{*]|export\s)/m.test(code)) problems.push(`${script} is not a classic script`);
  }
  // The overlay module is imported by URL from the content script: relative imports in it would
  // name files that are not web accessible.
  const overlay = await readFile(join(dist, 'overlay.js'), 'utf8');
  if (/(^|[;}])\s*import(\s*[{*"'`]|\s+[\w$])|\bimport\(/m.test(overlay)) problems.push('overlay.js imports other files: it must be one module');
  if (!/\bexport\s*\{/.test(overlay)) problems.push('overlay.js exports nothing: the content script imports its default export');
  const content = await readFile(join(dist, 'content.js'));
  const gzipped = gzipSync(content, { level: 9 }).length;
  if (gzipped > CONTENT_BUDGET) {
    const message = `content.js is ${gzipped} bytes gzipped, over its ${CONTENT_BUDGET}-byte budget: move what the first paint does not need into overlay.js`;
    // A bench build with a synthetic knowledge base (FC_KNOWLEDGE_JSON) is meant to be heavy.
    if (process.env.FC_KNOWLEDGE_JSON) console.warn(`build: warning: ${message}`);
    else problems.push(message);
  }
  // The privacy promise, checked on what ships: no code that can reach the network, and no zod
  // (validation of the knowledge base happens at build time only).
  for (const [file] of await listSizes(dist)) {
    if (!file.endsWith('.js')) continue;
    const code = await readFile(join(dist, file), 'utf8');
    const network = code.match(/\b(fetch|XMLHttpRequest|WebSocket|sendBeacon|EventSource|RTCPeerConnection|importScripts)\b/);
    if (network) problems.push(`${file} uses ${network[1]}: the extension must make no network requests`);
    if (/\$ZodType|ZodError/.test(code)) problems.push(`${file} bundles zod, which belongs to the build only`);
  }
  if (problems.length > 0) throw new Error(problems.join('\n'));
}

async function listSizes(dir) {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath ?? entry.path, entry.name);
    if (/\.(js|css|html|json)$/.test(path)) out.push([relative(dir, path), (await stat(path)).size]);
  }
  return out.sort((a, b) => a[0].localeCompare(b[0]));
}

async function main() {
  const started = performance.now();
  await rm(dist, { recursive: true, force: true });
  await mkdir(dist, { recursive: true });
  const plugins = await knowledgePlugins();
  if (plugins.length === 0) console.warn('build: src/knowledge/vite-plugin.ts not found; building without it');
  await buildPages(plugins);
  await buildSingleFile('content.ts', 'content.js', plugins);
  await buildSingleFile('overlay.ts', 'overlay.js', plugins, 'es');
  await buildSingleFile('background.ts', 'background.js', plugins);
  const extra = process.env.FC_EXTRA_ENTRY;
  if (extra) await buildSingleFile(resolve(extra), basename(extra).replace(/\.[cm]?tsx?$/, '.js'), plugins);
  await cp(join(extensionDir, 'content.css'), join(dist, 'content.css'));
  await cp(join(root, 'manifest.json'), join(dist, 'manifest.json'));
  await verify();
  for (const [file, size] of await listSizes(dist)) {
    const gzipped = /^(content|overlay)\.js$/.test(file) ? ` (${(gzipSync(await readFile(join(dist, file)), { level: 9 }).length / 1000).toFixed(1)} kB gzipped)` : '';
    console.log(`  ${file.padEnd(32)} ${(size / 1000).toFixed(1).padStart(7)} kB${gzipped}`);
  }
  console.log(`build: ${relative(root, dist) || dist}/ ready in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

main().catch((error) => {
  console.error(`build failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
