/**
 * The options page in the built extension, in both browsers: it renders its toggles from the
 * bundled knowledge base, a change survives a reload (it reached extension storage), and
 * garbage planted in storage does not stop it from rendering with defaults.
 */
import { describe, expect, test } from 'vitest';
import type { Page } from 'puppeteer-core';
import { BROWSER_KINDS, openExtensionPage } from './harness.ts';
import { useBrowser } from './session.ts';

/** Every checkbox on the page by its label, with its state. */
function checkboxes(page: Page): Promise<Record<string, boolean>> {
  return page.evaluate(() =>
    Object.fromEntries(
      [...document.querySelectorAll<HTMLInputElement>('label input[type="checkbox"]')].map((input) => [
        input.closest('label')!.textContent!.trim(),
        input.checked,
      ]),
    ),
  );
}

/** Waits until the page has rendered its settings (the checkboxes appear after the storage read). */
async function rendered(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelectorAll('fieldset input[type="checkbox"]').length > 10, {
    polling: 100,
    timeout: 15_000,
  });
}

/**
 * Reloads in the page itself: Firefox's moz-extension:// pages give puppeteer's BiDi driver no
 * navigation events (see gotoMozExtension in the harness), so `page.reload()` would never settle.
 */
async function reload(page: Page): Promise<void> {
  await page.evaluate(() => {
    (window as unknown as { beforeReload?: boolean }).beforeReload = true;
    location.reload();
  });
  await page.waitForFunction(
    () =>
      !(window as unknown as { beforeReload?: boolean }).beforeReload &&
      document.readyState === 'complete' &&
      document.querySelectorAll('fieldset input[type="checkbox"]').length > 10,
    { polling: 100, timeout: 15_000 },
  );
}

/** Clicks the checkbox labelled `label` and waits for the page to confirm the save. */
async function toggle(page: Page, label: string): Promise<void> {
  const clicked = await page.evaluate((text: string) => {
    const target = [...document.querySelectorAll('label')].find((l) => l.textContent?.trim() === text);
    target?.querySelector('input')?.click();
    return target !== undefined;
  }, label);
  expect(clicked).toBe(true);
  await page.waitForFunction(() => document.querySelector('[role="status"]')?.textContent === 'Saved.', {
    polling: 100,
    timeout: 15_000,
  });
}

/** Writes straight to extension storage from the options page's own context, bypassing validation. */
function plant(page: Page, items: Record<string, unknown>): Promise<void> {
  return page.evaluate(async (values: Record<string, unknown>) => {
    type Storage = { storage: { sync: { set(items: Record<string, unknown>): Promise<void> } } };
    const scope = globalThis as unknown as { browser?: Storage; chrome: Storage };
    await (scope.browser ?? scope.chrome).storage.sync.set(values);
  }, items);
}

describe.each(BROWSER_KINDS)('%s: options page', (kind) => {
  let page: Page;

  useBrowser(kind, async ({ launched }) => {
    page = await openExtensionPage(launched, 'options.html');
    await rendered(page);
  });

  test('renders the source, kind and company toggles with their defaults', async () => {
    const boxes = await checkboxes(page);
    for (const outlet of ['Gizmodo', 'Gizmodo Australia', 'National Review', 'PhoneArena', 'The Hill']) {
      expect(boxes[outlet], outlet).toBe(true);
    }
    expect(boxes['Reports']).toBe(true);
    expect(boxes['Official denials and responses']).toBe(true);
    expect(boxes['Reader comments']).toBe(false);
    expect(boxes['Huawei']).toBe(true);
    const legends = await page.$$eval('fieldset > legend', (all) => all.map((l) => l.textContent));
    expect(legends).toEqual(['General', 'Sources', 'Kinds of excerpt', 'Companies']);
    const { title, lang } = await page.evaluate(() => ({ title: document.title, lang: document.documentElement.lang }));
    expect(title).toBe('Fact Context settings');
    expect(lang).toMatch(/^en(-[A-Z]{2})?$/);
  });

  test('a source switched off stays off after a reload', async () => {
    await toggle(page, 'PhoneArena');
    await toggle(page, 'Reader comments');
    await reload(page);
    const boxes = await checkboxes(page);
    expect(boxes['PhoneArena']).toBe(false);
    expect(boxes['Reader comments']).toBe(true);
    expect(boxes['Gizmodo']).toBe(true);
  });

  test('works from the keyboard, with a visible focus ring', async () => {
    await page.bringToFront();
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    let focused = '';
    for (let presses = 0; presses < 40 && focused !== 'The Hill'; presses++) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() => document.activeElement?.closest('label')?.textContent?.trim() ?? '');
    }
    expect(focused).toBe('The Hill');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline).not.toBe('none');
    // ' ' rather than 'Space': puppeteer's WebDriver BiDi keyboard (Firefox) knows only the former.
    await page.keyboard.press(' ');
    await page.waitForFunction(() => document.querySelector('[role="status"]')?.textContent === 'Saved.', {
      polling: 100,
      timeout: 15_000,
    });
    expect((await checkboxes(page))['The Hill']).toBe(false);
  });

  test('garbage in storage falls back to defaults and keeps the good values', async () => {
    await plant(page, { kinds: 'garbage', hiddenOutlets: 42, hiddenEntities: ['zte'], enabled: 'yes' });
    await reload(page);
    const boxes = await checkboxes(page);
    expect(boxes['Reports']).toBe(true);
    expect(boxes['Reader comments']).toBe(false);
    expect(boxes['PhoneArena']).toBe(true);
    expect(boxes['The Hill']).toBe(true);
    expect(boxes['Highlight on all sites']).toBe(true);
    // The one good value planted alongside the garbage: proof the page read this storage.
    expect(boxes['ZTE']).toBe(false);
  });
});
