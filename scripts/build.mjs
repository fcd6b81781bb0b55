// `npm run build`: writes the unpacked extension to dist/, loadable as-is by Chromium
// (chrome://extensions -> Load unpacked, or --load-extension) and Firefox (about:debugging ->
// Load Temporary Add-on). One manifest, one build, both browsers.
//
// Several Vite builds, because a classic (IIFE) bundle can have only one entry: the content
// script and the background must each be a single file with no imports (content scripts cannot
// be modules; Firefox event pages and Chromium service workers share background.js), while the
// popup and options pages are ordinary HTML pages that may share ES module chunks.
import { build } from 'vite';
import { cp, mkdir, readFile, readdir, rm, stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const extensionDir = join(root, 'extension');
// Bench builds only (tests/bench/browser): FC_DIST_DIR writes elsewhere than dist/,
// FC_KNOWLEDGE_JSON bundles a compiled knowledge base from a file (e.g. with synthetic
// companies), FC_EXTRA_ENTRY adds one more classic script built like content.js.
const dist = process.env.FC_DIST_DIR ? resolve(process.env.FC_DIST_DIR) : join(root, 'dist');

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

/**
 * The knowledge-base plugin (virtual:fact-context/knowledge) compiles and validates the bundled
 * data at build time. It is TypeScript, so it is loaded through tsx, as the CLI is.
 */
async function knowledgePlugins() {
  const json = process.env.FC_KNOWLEDGE_JSON;
  if (json) {
    const id = 'virtual:fact-context/knowledge';
    const code = `export default ${await readFile(resolve(json), 'utf8')};\n`;
    return [{ name: 'fact-context:knowledge-file', resolveId: (source) => (source === id ? `\0${id}` : undefined), load: (source) => (source === `\0${id}` ? code : undefined) }];
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

/** One entry as one classic script: no imports, no chunks (content scripts cannot be modules). */
async function buildClassic(entry, fileName, plugins) {
  await build({
    ...common(plugins),
    publicDir: false,
    build: {
      outDir: dist,
      emptyOutDir: false,
      target: 'es2022',
      minify: true,
      sourcemap: false,
      copyPublicDir: false,
      rolldownOptions: {
        input: resolve(extensionDir, entry),
        output: { format: 'iife', entryFileNames: fileName, codeSplitting: false },
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
      outDir: dist,
      emptyOutDir: false,
      target: 'es2022',
      minify: true,
      sourcemap: false,
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
  await buildClassic('content.ts', 'content.js', plugins);
  await buildClassic('background.ts', 'background.js', plugins);
  const extra = process.env.FC_EXTRA_ENTRY;
  if (extra) await buildClassic(resolve(extra), basename(extra).replace(/\.[cm]?tsx?$/, '.js'), plugins);
  await cp(join(extensionDir, 'content.css'), join(dist, 'content.css'));
  await cp(join(root, 'manifest.json'), join(dist, 'manifest.json'));
  await verify();
  for (const [file, size] of await listSizes(dist)) console.log(`  ${file.padEnd(32)} ${(size / 1024).toFixed(1).padStart(7)} kB`);
  console.log(`build: ${relative(root, dist) || dist}/ ready in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

main().catch((error) => {
  console.error(`build failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
