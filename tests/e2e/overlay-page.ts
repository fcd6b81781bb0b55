/**
 * Page-side helpers for the overlay end-to-end tests: what a reader sees, read from the page's
 * highlight registry and from our shadow root (open, so the page's main world can look in).
 */
import type { Page } from 'puppeteer-core';
import { evaluateInExtension, type LaunchedBrowser } from './harness.ts';

/** Selectors of page chrome no highlight may start in. */
export const CHROME_SELECTORS =
  'header.site, nav, footer, form, aside, pre, code, script, style, noscript, template, [hidden], [aria-hidden="true"], [contenteditable], [role="banner"], [role="navigation"], [role="contentinfo"], [role="complementary"], [role="toolbar"], .latest-stories, textarea, input, select';

/** Texts of a highlight's ranges, and how many start inside page chrome. */
export function highlightReport(page: Page, name: string, chrome = CHROME_SELECTORS): Promise<{ texts: string[]; inChrome: string[] }> {
  return page.evaluate(
    (highlightName: string, selectors: string) => {
      const ranges = [...(CSS.highlights.get(highlightName) ?? [])] as Range[];
      const elementOf = (node: Node) => (node instanceof Element ? node : node.parentElement);
      return {
        texts: ranges.map((range) => range.toString()),
        inChrome: ranges.filter((range) => elementOf(range.startContainer)?.closest(selectors)).map((range) => range.toString()),
      };
    },
    name,
    chrome,
  );
}

/** Runs `selector` in our shadow root; returns the matches' text. */
export function uiTexts(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((sel: string) => {
    const root = document.querySelector('fact-context-root')?.shadowRoot;
    return root ? [...root.querySelectorAll(sel)].map((el) => (el.textContent ?? '').replace(/\s+/g, ' ').trim()) : [];
  }, selector);
}

/** Waits until `selector` matches in our shadow root. */
export async function waitForUi(page: Page, selector: string, timeout = 10_000): Promise<void> {
  await page.waitForFunction((sel: string) => Boolean(document.querySelector('fact-context-root')?.shadowRoot?.querySelector(sel)), { timeout, polling: 50 }, selector);
}

/** Waits until `selector` no longer matches in our shadow root. */
export async function waitForNoUi(page: Page, selector: string, timeout = 10_000): Promise<void> {
  await page.waitForFunction((sel: string) => !document.querySelector('fact-context-root')?.shadowRoot?.querySelector(sel), { timeout, polling: 50 }, selector);
}

/** Viewport centre of a UI element in our shadow root, scrolled into view. */
export async function uiPoint(page: Page, selector: string): Promise<{ x: number; y: number }> {
  const point = await page.evaluate((sel: string) => {
    const el = document.querySelector('fact-context-root')?.shadowRoot?.querySelector(sel);
    if (!el) return null;
    el.scrollIntoView({ block: 'center' });
    const box = el.getBoundingClientRect();
    return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
  }, selector);
  if (!point) throw new Error(`no ${selector} in the overlay`);
  return point;
}

/** Clicks a UI element with the real mouse, as a reader would. */
export async function clickUi(page: Page, selector: string): Promise<void> {
  const { x, y } = await uiPoint(page, selector);
  await page.mouse.click(x, y);
}

/**
 * Scrolls the first mention whose text is `word` (inside `within`) to the middle of the viewport
 * and returns the centre of its first line box.
 */
export async function mentionPoint(page: Page, word: string, within = 'article'): Promise<{ x: number; y: number }> {
  const point = await page.evaluate(
    (text: string, scope: string) => {
      const ranges = [...(CSS.highlights.get('fact-context-mention') ?? [])] as Range[];
      const range = ranges.find((r) => r.toString() === text && (r.startContainer.parentElement?.closest(scope) ?? null) !== null);
      if (!range) return null;
      range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
      const box = range.getClientRects()[0];
      return box ? { x: box.left + box.width / 2, y: box.top + box.height / 2 } : null;
    },
    word,
    within,
  );
  if (!point) throw new Error(`no highlighted "${word}" in ${within}`);
  return point;
}

/** Moves the mouse onto the mention in small steps (real pointermove events), then rests there. */
export async function hoverMention(page: Page, word: string, within?: string): Promise<void> {
  const { x, y } = await mentionPoint(page, word, within);
  await page.mouse.move(x - 30, y + 40);
  await page.mouse.move(x, y, { steps: 4 });
}

/** Clears the extension's storage (both areas): the next page starts from the defaults. */
export function clearStorage(launched: LaunchedBrowser): Promise<void> {
  return evaluateInExtension(launched, async () => {
    const api = (globalThis as unknown as { browser: { storage: Record<'sync' | 'local', { clear(): Promise<void> }> } }).browser;
    await api.storage.local.clear();
    await api.storage.sync.clear().catch(() => undefined);
  });
}

/** Writes raw values into both storage areas, bypassing all validation. */
export function plantStorage(launched: LaunchedBrowser, values: Record<string, unknown>): Promise<void> {
  return evaluateInExtension(
    launched,
    async (items: Record<string, unknown>) => {
      const api = (globalThis as unknown as { browser: { storage: Record<'sync' | 'local', { set(v: object): Promise<void> }> } }).browser;
      await api.storage.local.set(items);
      await api.storage.sync.set(items).catch(() => undefined);
    },
    values,
  );
}

/** Reads one key from the storage areas (sync first). */
export function readStorage(launched: LaunchedBrowser, key: string): Promise<unknown> {
  return evaluateInExtension(
    launched,
    async (name: string) => {
      const api = (globalThis as unknown as { browser: { storage: Record<'sync' | 'local', { get(k: string): Promise<Record<string, unknown>> }> } }).browser;
      const synced = await api.storage.sync.get(name).catch(() => ({}) as Record<string, unknown>);
      if (name in synced) return synced[name];
      return (await api.storage.local.get(name))[name];
    },
    key,
  );
}

/**
 * Sends the message the background sends when the toggle-sidebar shortcut is pressed, from the
 * background itself (a message from any tab is refused by the content script): Chromium's
 * service worker, or Firefox's event page reached through an extension page.
 */
export async function sendToggleFromBackground(launched: LaunchedBrowser, page: Page): Promise<void> {
  if (launched.kind === 'chromium') {
    const target = await launched.browser.waitForTarget(
      (t) => t.type() === 'service_worker' && t.url().startsWith(launched.extensionUrl('')),
      { timeout: 15_000 },
    );
    const worker = await target.worker();
    if (!worker) throw new Error('no background worker');
    await page.bringToFront();
    await worker.evaluate(async () => {
      const api = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id?: number }[]>; sendMessage(id: number, m: object): Promise<unknown> } } }).chrome;
      const [tab] = await api.tabs.query({ active: true, lastFocusedWindow: true });
      if (tab?.id === undefined) throw new Error('no active tab');
      await api.tabs.sendMessage(tab.id, { type: 'toggle-sidebar' });
    });
    return;
  }
  const extensionPage = await launched.newPage(launched.extensionUrl('options.html'));
  try {
    await page.bringToFront();
    await extensionPage.evaluate(async () => {
      interface Api {
        tabs: { query(q: object): Promise<{ id?: number }[]>; sendMessage(id: number, m: object): Promise<unknown> };
        runtime: { getBackgroundPage(): Promise<{ browser: Api } | null> };
      }
      const api = (globalThis as unknown as { browser: Api }).browser;
      const [tab] = await api.tabs.query({ active: true, lastFocusedWindow: true });
      const background = await api.runtime.getBackgroundPage();
      if (tab?.id === undefined || !background) throw new Error('no active tab or background');
      await background.browser.tabs.sendMessage(tab.id, { type: 'toggle-sidebar' });
    });
  } finally {
    await extensionPage.close();
  }
}
