/**
 * The toolbar badge, in both browsers: it counts what the page's content script found, clears
 * when the tab navigates away, and clears when the reader switches the site off.
 */
import { describe, expect, test } from 'vitest';
import type { Page } from 'puppeteer-core';
import { BROWSER_KINDS, badgeText, evaluateInExtension, waitForHighlight, type LaunchedBrowser } from './harness.ts';
import { useBrowser } from './session.ts';

const ARTICLE = 'gizmodo-2018-facebook-huawei.html';

/** Polls the badge until `accept` holds (the badge is set by messages that arrive on their own time). */
async function badgeUntil(launched: LaunchedBrowser, page: Page, accept: (text: string) => boolean): Promise<string> {
  let text = '';
  for (let attempt = 0; attempt < 50; attempt++) {
    text = await badgeText(launched, page);
    if (accept(text)) return text;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return text;
}

describe.each(BROWSER_KINDS)('%s: toolbar badge', (kind) => {

  const session = useBrowser(kind);

  test('counts what the article mentions and clears when the tab navigates away', async () => {
    const page = await session.launched.newPage(ARTICLE);
    await waitForHighlight(page, 'fact-context-mention', 1);
    const count = await badgeUntil(session.launched, page, (text) => /^[1-9]\d*$/.test(text));
    expect(count).toMatch(/^[1-9]\d*$/);

    // about:blank runs no content script: only the background's navigation handler can clear it.
    await page.goto('about:blank');
    expect(await badgeUntil(session.launched, page, (text) => text === '')).toBe('');
    await page.close();
  });

  test('clears when the reader switches the site off', async () => {
    const page = await session.launched.newPage(ARTICLE);
    await waitForHighlight(page, 'fact-context-mention', 1);
    expect(await badgeUntil(session.launched, page, (text) => text !== '')).not.toBe('');
    await evaluateInExtension(session.launched, async () => {
      type Api = { storage: { sync: { set(items: object): Promise<void> } } };
      await (globalThis as unknown as { browser: Api }).browser.storage.sync.set({ disabledSites: ['127.0.0.1'] });
    });
    expect(await badgeUntil(session.launched, page, (text) => text === '')).toBe('');
    await page.close();
  });
});
