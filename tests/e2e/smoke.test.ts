/**
 * The built extension loads in both browsers: its content script runs on an ordinary http page
 * and its popup and options pages render.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'puppeteer-core';
import {
  BROWSER_KINDS,
  backgroundUrl,
  launchBrowser,
  openExtensionPage,
  startFixtureServer,
  waitForHighlight,
  type FixtureServer,
  type LaunchedBrowser,
} from './harness.ts';

const ARTICLE = 'phonearena-2020-huawei-backdoors.html';

/** The text a page's script rendered (the HTML shells of popup and options hold none). */
function renderedText(page: Page): Promise<string> {
  return page.evaluate(() => document.body.innerText.trim());
}

describe.each(BROWSER_KINDS)('%s', (kind) => {
  let server: FixtureServer;
  let launched: LaunchedBrowser;

  beforeAll(async () => {
    server = await startFixtureServer();
    launched = await launchBrowser(kind, { server });
  });

  afterAll(async () => {
    await launched?.close();
    await server?.close();
  });

  test('the content script runs on a localhost news page and registers its highlight', async () => {
    const page = await launched.newPage(ARTICLE);
    // The page itself defines no highlights: the registry entry can only come from the extension.
    const ranges = await waitForHighlight(page, 'fact-context-mention');
    expect(Array.isArray(ranges)).toBe(true);
    await page.close();
  });

  test('the background starts', async () => {
    const url = await backgroundUrl(launched);
    expect(url.startsWith(launched.extensionUrl(''))).toBe(true);
  });

  test('the popup renders', async () => {
    const page = await openExtensionPage(launched, 'popup.html');
    await page.waitForFunction(() => document.body.innerText.trim().length > 0, { polling: 100, timeout: 15_000 });
    expect(await renderedText(page)).toContain('Fact Context');
    await page.close();
  });

  test('the options page renders', async () => {
    const page = await openExtensionPage(launched, 'options.html');
    await page.waitForFunction(() => document.body.innerText.trim().length > 0, { polling: 100, timeout: 15_000 });
    expect((await renderedText(page)).length).toBeGreaterThan(0);
    await page.close();
  });
});
