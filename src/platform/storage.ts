/**
 * Extension storage for settings: `storage.sync` so settings follow the user, falling back to
 * `storage.local` where sync is missing or refuses (Firefox with sync disabled by policy,
 * `webextensions.storage.sync.enabled=false`, quota errors); see {@link AREA_KEY}. Values come
 * back as `unknown`: storage can hold anything, so src/settings validates what it reads.
 */
import { browser } from './browser.ts';
import type { Storage } from 'webextension-polyfill';

/** The storage area settings live in ('sync', or 'local' once sync has failed). */
export type AreaName = 'sync' | 'local';

/**
 * Kept in storage.local once sync has refused: the switch is shared by every context (content
 * scripts in all tabs, popup, options) and survives restarts. A switch remembered only by the
 * context that saw the failure would leave the others reading stale values from sync, e.g. the
 * options page saving a long site list (sync allows 8 KB per item) that no tab would ever see.
 */
export const AREA_KEY = 'fact-context:storage-area';

let knownLocal = false;

function area(name: AreaName): Storage.StorageArea | undefined {
  try {
    return browser.storage[name];
  } catch {
    return undefined;
  }
}

function localArea(): Storage.StorageArea {
  const local = area('local');
  if (!local) throw new Error('extension storage is unavailable');
  return local;
}

/** The area in use: sync, unless it is missing or some context has switched to local. */
async function syncInUse(): Promise<Storage.StorageArea | undefined> {
  const sync = area('sync');
  if (!sync || knownLocal) return undefined;
  const flag = await localArea().get([AREA_KEY]);
  if (flag[AREA_KEY] === 'local') knownLocal = true;
  return knownLocal ? undefined : sync;
}

/**
 * Moves settings to storage.local for good: what sync still holds is copied first, so the switch
 * loses nothing, and the flag is written in the same call.
 */
async function switchToLocal(sync: Storage.StorageArea): Promise<void> {
  let held: Record<string, unknown> = {};
  try {
    held = await sync.get(null);
  } catch {
    // Sync cannot even be read: there is nothing to carry over.
  }
  await localArea().set({ ...held, [AREA_KEY]: 'local' });
  knownLocal = true;
}

async function withFallback<T>(run: (store: Storage.StorageArea) => Promise<T>): Promise<T> {
  const sync = await syncInUse();
  if (sync) {
    try {
      return await run(sync);
    } catch {
      await switchToLocal(sync);
    }
  }
  return run(localArea());
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
    // Once settings live in local, sync may still change (another device): not ours to apply.
    if (areaName === 'sync' && knownLocal) return;
    if (areaName === 'local' && changes[AREA_KEY]?.newValue === 'local') knownLocal = true;
    const values: Record<string, unknown> = {};
    for (const [key, change] of Object.entries(changes)) if (key !== AREA_KEY) values[key] = change.newValue;
    if (Object.keys(values).length > 0) listener(values);
  };
  browser.storage.onChanged.addListener(onChanged);
  signal?.addEventListener('abort', () => browser.storage.onChanged.removeListener(onChanged), { once: true });
}
