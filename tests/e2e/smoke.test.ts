/**
 * The built extension loads in both browsers: its content script runs on an ordinary http page
 * and its popup and options pages render.
 */
import { describe, expect, test } from 'vitest';
import type { Page } from 'puppeteer-core';
import { BROWSER_KINDS, backgroundUrl, openExtensionPage, waitForHighlight } from './harness.ts';
import { useBrowser } from './session.ts';

const ARTICLE = 'phonearena-2020-huawei-backdoors.html';

/** The text a page's script rendered (the HTML shells of popup and options hold none). */
function renderedText(page: Page): Promise<string> {
  return page.evaluate(() => document.body.innerText.trim());
}

describe.each(BROWSER_KINDS)('%s', (kind) => {

  const session = useBrowser(kind);

  test('the content script runs on a localhost news page and registers its highlight', async () => {
    const page = await session.launched.newPage(ARTICLE);
    // The page itself defines no highlights: the registry entry can only come from the extension.
    const ranges = await waitForHighlight(page, 'fact-context-mention');
    expect(Array.isArray(ranges)).toBe(true);
    await page.close();
  });

  test('the background starts', async () => {
    const url = await backgroundUrl(session.launched);
    expect(url.startsWith(session.launched.extensionUrl(''))).toBe(true);
  });

  test('the popup renders', async () => {
    const page = await openExtensionPage(session.launched, 'popup.html');
    await page.waitForFunction(() => document.body.innerText.trim().length > 0, { polling: 100, timeout: 15_000 });
    expect(await renderedText(page)).toContain('Fact Context');
    await page.close();
  });

  test('the options page renders', async () => {
    const page = await openExtensionPage(session.launched, 'options.html');
    await page.waitForFunction(() => document.body.innerText.trim().length > 0, { polling: 100, timeout: 15_000 });
    expect((await renderedText(page)).length).toBeGreaterThan(0);
    await page.close();
  });
});
