import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser, type FakeBrowser } from './fake-browser.ts';

let fake: FakeBrowser;
vi.mock('webextension-polyfill', () => ({ default: new Proxy({}, { get: (_, key) => fake[key as keyof FakeBrowser] }) }));

/** storage.ts remembers a failed sync for the life of its context: a fresh module per test. */
async function load() {
  vi.resetModules();
  return import('../../../src/platform/storage.ts');
}

beforeEach(() => {
  fake = fakeBrowser();
});

describe('settings storage', () => {
  it('keeps settings in storage.sync when it works', async () => {
    const storage = await load();
    await storage.storageSet({ enabled: false });
    expect(fake.storage.sync?.data.get('enabled')).toBe(false);
    expect(fake.storage.local.data.size).toBe(0);
    expect(await storage.storageGet(['enabled', 'missing'])).toEqual({ enabled: false });
  });

  it('falls back to storage.local when sync refuses, and stays there', async () => {
    const storage = await load();
    fake.storage.sync!.failing = true;
    await storage.storageSet({ enabled: false });
    expect(fake.storage.local.data.get('enabled')).toBe(false);
    // Sync recovering later must not hide what was written to local meanwhile.
    fake.storage.sync!.failing = false;
    expect(await storage.storageGet(['enabled'])).toEqual({ enabled: false });
    await storage.storageRemove(['enabled']);
    expect(fake.storage.local.data.has('enabled')).toBe(false);
  });

  it('makes the switch to local for every context, carrying over what sync held', async () => {
    fake.storage.sync!.data.set('hiddenOutlets', ['Gizmodo']);
    const optionsPage = await load();
    const setSync = fake.storage.sync!.set;
    // Sync takes reads but refuses this write, as with its 8 KB per-item quota.
    setSync.mockRejectedValueOnce(new Error('QUOTA_BYTES_PER_ITEM quota exceeded'));
    await optionsPage.storageSet({ disabledSites: ['a.example', 'b.example'] });
    // A content script in another tab (a fresh context) reads the new value, and keeps the old one.
    const otherTab = await load();
    expect(await otherTab.storageGet(['disabledSites', 'hiddenOutlets'])).toEqual({
      disabledSites: ['a.example', 'b.example'],
      hiddenOutlets: ['Gizmodo'],
    });
    expect(fake.storage.local.data.get(otherTab.AREA_KEY)).toBe('local');
  });

  it('after the switch, ignores sync changes and does not report its own flag', async () => {
    const storage = await load();
    const seen: Record<string, unknown>[] = [];
    storage.onStorageChanged((changes) => seen.push(changes));
    fake.storage.onChanged.emit({ [storage.AREA_KEY]: { newValue: 'local' }, enabled: { newValue: false } }, 'local');
    fake.storage.onChanged.emit({ enabled: { newValue: true } }, 'sync');
    expect(seen).toEqual([{ enabled: false }]);
  });

  it('uses storage.local where there is no sync area at all', async () => {
    fake.storage.sync = undefined;
    const storage = await load();
    await storage.storageSet({ sites: ['example.com'] });
    expect(await storage.storageGet(['sites'])).toEqual({ sites: ['example.com'] });
  });

  it('reports changes from either area with their new values, until aborted', async () => {
    const storage = await load();
    const seen: Record<string, unknown>[] = [];
    const controller = new AbortController();
    storage.onStorageChanged((changes) => seen.push(changes), controller.signal);
    fake.storage.onChanged.emit({ enabled: { oldValue: true, newValue: false } }, 'sync');
    fake.storage.onChanged.emit({ sites: { newValue: ['a.example'] } }, 'local');
    fake.storage.onChanged.emit({ other: { newValue: 1 } }, 'managed');
    controller.abort();
    fake.storage.onChanged.emit({ enabled: { newValue: true } }, 'sync');
    expect(seen).toEqual([{ enabled: false }, { sites: ['a.example'] }]);
  });
});
