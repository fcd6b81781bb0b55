/**
 * Probes that need the extension's own privileges: its pages (popup, options), code run with the
 * WebExtension API, the toolbar badge, the background.
 */
import type { Page } from 'puppeteer-core';
import type { LaunchedBrowser } from './launch.ts';

/** Opens an extension page (`popup.html`, `options.html`) in a tab. */
export async function openExtensionPage(launched: LaunchedBrowser, path: string): Promise<Page> {
  return launched.newPage(launched.extensionUrl(path));
}

/**
 * The URL of the running background: Chromium's service worker, Firefox's generated event page
 * (asked for from an extension page, the only place `runtime.getBackgroundPage` is callable).
 */
export async function backgroundUrl(launched: LaunchedBrowser): Promise<string> {
  if (launched.kind === 'chromium') {
    const worker = await launched.browser.waitForTarget(
      (target) => target.type() === 'service_worker' && target.url().startsWith(launched.extensionUrl('')),
      { timeout: 15_000 },
    );
    return worker.url();
  }
  const page = await openExtensionPage(launched, 'options.html');
  try {
    return await page.evaluate(async () => {
      const api = (globalThis as unknown as { browser: { runtime: { getBackgroundPage(): Promise<Window | null> } } }).browser;
      return (await api.runtime.getBackgroundPage())?.location.href ?? '';
    });
  } finally {
    await page.close();
  }
}

/**
 * Runs `fn` in an extension page (options.html), where the WebExtension API is available as the
 * `browser` global in both browsers (Chromium 148+ has it natively), e.g. to read the badge or
 * storage. `fn` is serialized: it sees only its arguments.
 */
export async function evaluateInExtension<Args extends unknown[], Result>(
  launched: LaunchedBrowser,
  fn: (...args: Args) => Result | Promise<Result>,
  ...args: Args
): Promise<Result> {
  const page = await openExtensionPage(launched, 'options.html');
  try {
    // puppeteer's evaluate() generics cannot follow a generic `fn`; the call is type-checked above.
    return (await page.evaluate(fn as (...a: unknown[]) => Result, ...args)) as Result;
  } finally {
    await page.close();
  }
}

/**
 * The toolbar badge text the extension set for `page`'s tab ('' when none). Chromium hides tab
 * URLs from an extension without the `tabs` permission, so the tab is found by making it the
 * active one while an extension page (opened first, in the background) asks for it.
 */
export async function badgeText(launched: LaunchedBrowser, page: Page): Promise<string> {
  const extensionPage = await openExtensionPage(launched, 'options.html');
  try {
    await page.bringToFront();
    return await extensionPage.evaluate(async () => {
      interface Api {
        tabs: { query(q: object): Promise<{ id?: number }[]> };
        action: { getBadgeText(d: { tabId: number }): Promise<string> };
      }
      const api = (globalThis as unknown as { browser: Api }).browser;
      const [tab] = await api.tabs.query({ active: true, lastFocusedWindow: true });
      if (tab?.id === undefined) throw new Error('no active tab');
      return api.action.getBadgeText({ tabId: tab.id });
    });
  } finally {
    await extensionPage.close();
  }
}
