import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach } from 'vitest';
import { SCHEMA_VERSION } from '../../../src/settings/index.ts';
import { FakeStorageArea } from '../settings/fake-storage-area.ts';
import { catalogBackend, setMessageBackend, type Catalog } from '../../../src/ui/i18n.ts';

/** Makes `t()` read the English catalog, as the extension does in an English browser. */
export function useEnglish(): void {
  const en = JSON.parse(
    // A path, not a URL: under happy-dom, `URL` is the page's, which node:fs does not accept.
    readFileSync(join(dirname(fileURLToPath(import.meta.url)), '../../../public/_locales/en/messages.json'), 'utf8'),
  ) as Catalog;
  setMessageBackend(catalogBackend(en));
}

/** Where a test renders its page, and the storage its settings store reads. */
export interface MountPoint {
  container: HTMLElement;
  area: FakeStorageArea;
}

/**
 * A fresh container in the document and storage holding current-schema settings for each test,
 * in English; unmounted and removed after it. Read the fields inside tests, not at collection.
 */
export function useMountPoint(): MountPoint {
  const mount = {} as MountPoint;
  beforeEach(() => {
    useEnglish();
    mount.container = document.createElement('div');
    document.body.append(mount.container);
    mount.area = new FakeStorageArea({ schemaVersion: SCHEMA_VERSION });
  });
  afterEach(() => {
    render(null, mount.container);
    mount.container.remove();
  });
  return mount;
}

/** Lets pending promises (storage reads and writes, change events) settle, then re-renders. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) {
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
  }
}

/** The checkbox whose label reads `text`, as a reader finds it. */
export function checkbox(container: Element, text: string): HTMLInputElement {
  const label = [...container.querySelectorAll('label')].find((l) => l.textContent?.trim() === text);
  const input = label?.querySelector('input[type="checkbox"]');
  if (!input) throw new Error(`no checkbox labelled "${text}"`);
  return input as HTMLInputElement;
}

/** The button whose accessible name (aria-label, else text) is `name`. */
export function button(container: Element, name: string): HTMLButtonElement {
  const found = [...container.querySelectorAll('button')].find(
    (b) => (b.getAttribute('aria-label') ?? b.textContent?.trim()) === name,
  );
  if (!found) throw new Error(`no button named "${name}"`);
  return found;
}

/** Clicks like a reader: the browser flips the checkbox and fires `change`. */
export async function click(element: HTMLElement): Promise<void> {
  await act(() => element.click());
  await settle();
}

/**
 * The text of `root` that did not come from a message, when the backend wraps every message in
 * «…»: a hard-coded interface string shows up here.
 */
export function textOutsideMessages(root: Element): string[] {
  const walker = root.ownerDocument.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  const out: string[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const rest = (node.textContent ?? '').replace(/«[^»]*»/g, '').trim();
    if (rest) out.push(rest);
  }
  const labels = [...root.querySelectorAll('[aria-label]')].map((el) => el.getAttribute('aria-label') ?? '');
  return [...out, ...labels.map((label) => label.replace(/«[^»]*»/g, '').trim()).filter(Boolean)];
}
