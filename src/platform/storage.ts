/**
 * Extension storage for settings: `storage.sync` so settings follow the user, falling back to
 * `storage.local` where sync is missing or refuses (Firefox with sync disabled by policy,
 * `webextensions.storage.sync.enabled=false`, quota errors). Values come back as `unknown`:
 * storage can hold anything, so src/settings validates what it reads.
 */
import { browser } from './browser.ts';
import type { Storage } from 'webextension-polyfill';

/** The storage area settings live in ('sync', or 'local' once sync has failed). */
export type AreaName = 'sync' | 'local';

let preferred: AreaName = 'sync';

function area(name: AreaName): Storage.StorageArea | undefined {
  try {
    return browser.storage[name];
  } catch {
    return undefined;
  }
}

async function withFallback<T>(run: (store: Storage.StorageArea) => Promise<T>): Promise<T> {
  const sync = preferred === 'sync' ? area('sync') : undefined;
  if (sync) {
    try {
      return await run(sync);
    } catch {
      // Sync is unusable here; stay on local for the rest of this context's life.
      preferred = 'local';
    }
  }
  const local = area('local');
  if (!local) throw new Error('extension storage is unavailable');
  return run(local);
}

/** Reads `keys` from settings storage. Missing keys are absent from the result. */
export function storageGet(keys: readonly string[]): Promise<Record<string, unknown>> {
  return withFallback((store) => store.get([...keys]));
}

/** Writes `items` to settings storage. */
export function storageSet(items: Record<string, unknown>): Promise<void> {
  return withFallback((store) => store.set(items));
}

/** Removes `keys` from settings storage. */
export function storageRemove(keys: readonly string[]): Promise<void> {
  return withFallback((store) => store.remove([...keys]));
}

/**
 * Calls `listener` with the new values whenever settings change in any context (another tab, the
 * options page). Listens to both areas, because which one is in use can differ per context.
 */
export function onStorageChanged(listener: (changes: Record<string, unknown>) => void, signal?: AbortSignal): void {
  const onChanged = (changes: Record<string, Storage.StorageChange>, areaName: string): void => {
    if (areaName !== 'sync' && areaName !== 'local') return;
    const values: Record<string, unknown> = {};
    for (const [key, change] of Object.entries(changes)) values[key] = change.newValue;
    listener(values);
  };
  browser.storage.onChanged.addListener(onChanged);
  signal?.addEventListener('abort', () => browser.storage.onChanged.removeListener(onChanged), { once: true });
}
