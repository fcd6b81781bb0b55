// `npm start`: builds the extension, serves a bundled news article on localhost and opens
// Chromium with the extension loaded on it.
//   - With a display ($DISPLAY set): a normal window; close it (or Ctrl-C) to stop.
//   - Without one: headless; waits for the highlights to settle, saves artifacts/start.png,
//     prints what the extension found, and exits (0 when it ran, whatever it found).
// Launch code is the e2e harness's (tests/e2e/harness.ts), loaded through tsx: one copy only.
import { spawnSync } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { tsImport } from 'tsx/esm/api';

const root = fileURLToPath(new URL('..', import.meta.url));
const ARTICLE = process.env.FC_ARTICLE ?? 'phonearena-2020-huawei-backdoors.html';
const HIGHLIGHTS = ['fact-context-mention', 'fact-context-claim'];

function buildExtension() {
  const result = spawnSync(process.execPath, [join(root, 'scripts/build.mjs')], { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

/** Reads the registry until its range counts stop changing: the engine may paint in batches. */
async function settledHighlights(harness, page) {
  await harness.waitForHighlight(page, HIGHLIGHTS[0]);
  let last = '';
  let stableFor = 0;
  const deadline = Date.now() + 10_000;
  for (;;) {
    const found = {};
    for (const name of HIGHLIGHTS) found[name] = (await harness.readHighlights(page, name)) ?? [];
    const key = HIGHLIGHTS.map((name) => found[name].length).join('/');
    stableFor = key === last ? stableFor + 1 : 0;
    last = key;
    if (stableFor >= 4 || Date.now() > deadline) return found;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

function report(found, server, harness) {
  const [mentions, claims] = HIGHLIGHTS.map((name) => found[name]);
  const distinct = (ranges) => [...new Set(ranges.map((r) => r.text.replace(/\s+/g, ' ').trim()))];
  console.log(`\nOn ${ARTICLE}:`);
  console.log(`  mentions: ${mentions.length} highlighted (${distinct(mentions).join(', ') || 'none'})`);
  console.log(`  claims:   ${claims.length} highlighted`);
  for (const text of distinct(claims)) console.log(`    - ${text.length > 140 ? `${text.slice(0, 137)}...` : text}`);
  const beyond = harness.requestsBeyond(server);
  const browserOwn = server.foreignRequests().length - beyond.length;
  console.log(`  network requests by the page or the extension beyond localhost: ${beyond.length}${beyond.map((u) => `\n    ${u}`).join('')}`);
  console.log(`  (the browser's own background requests, refused: ${browserOwn})`);
  if (mentions.length + claims.length === 0) console.log('  (nothing highlighted: is the engine wired into extension/content.ts?)');
}

async function main() {
  buildExtension();
  const harness = await tsImport(pathToFileURL(join(root, 'tests/e2e/harness.ts')).href, import.meta.url);
  const headed = Boolean(process.env.DISPLAY);
  const server = await harness.startFixtureServer();
  const launched = await harness.launchBrowser('chromium', { server, headless: !headed });
  const url = server.url(ARTICLE);
  try {
    const page = await launched.newPage(url);
    if (headed) {
      // The browser opened with an empty first tab; leave the reader on the article only.
      for (const other of await launched.browser.pages()) if (other !== page) await other.close();
      console.log(`\nChromium is open on ${url} with the extension loaded. Close the window or press Ctrl-C to stop.`);
      await new Promise((resolve) => {
        launched.browser.once('disconnected', resolve);
        process.once('SIGINT', resolve);
      });
      return;
    }
    await page.setViewport({ width: 1280, height: 900 });
    const found = await settledHighlights(harness, page);
    await harness.scrollToFirstHighlight(page, HIGHLIGHTS);
    // Point at the first company, so the screenshot shows its hover card too.
    if (await harness.hoverFirstHighlight(page, HIGHLIGHTS[0])) {
      await page.waitForSelector('fact-context-root', { timeout: 3_000 }).catch(() => undefined);
      await harness.waitForAnimations(page);
    }
    await mkdir(join(root, 'artifacts'), { recursive: true });
    const shots = [join(root, 'artifacts/start.png')];
    await page.screenshot({ path: shots[0] });
    // Then the card's main button, which opens the sidebar: sources and denials side by side.
    if (await harness.clickInOverlay(page, '.fc-card .fc-primary')) {
      await page.mouse.move(10, 10);
      await harness.waitForAnimations(page);
      shots.push(join(root, 'artifacts/start-sidebar.png'));
      await page.screenshot({ path: shots[1] });
    }
    report(found, server, harness);
    console.log(`\nScreenshots: ${shots.join(', ')}`);
  } finally {
    await launched.close().catch(() => undefined);
    await server.close();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(`start failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
