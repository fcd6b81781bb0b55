import { SETTING_ITEMS, SETTING_KEYS, type SettingKey, type SettingValues } from './items.ts';
import { LEGACY_KEYS, SCHEMA_VERSION } from './migrations.ts';
import { defaultSettings, parseSettings, type Settings } from './parse.ts';

/** One changed storage key, as `storage.onChanged` reports it. */
export interface StorageChange {
  oldValue?: unknown;
  newValue?: unknown;
}

/** A listener for storage change events. */
export type StorageChangeListener = (changes: Record<string, StorageChange>) => void;

/**
 * The part of a storage area the settings need. src/platform implements it over
 * `browser.storage.sync` (falling back to `local`); tests use an in-memory fake.
 */
export interface StorageAreaLike {
  get(keys: string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  /** Used to drop keys of older versions after migrating; skipped when absent. */
  remove?(keys: string[]): Promise<void>;
  /** Fires for writes from any extension page or tab, this one included. */
  onChanged: {
    addListener(listener: StorageChangeListener): void;
    removeListener(listener: StorageChangeListener): void;
  };
}

/** A change to some settings: the new values, or a function of the current settings giving them. */
export type SettingsPatch = Partial<SettingValues> | ((current: Settings) => Partial<SettingValues>);

/** Typed access to the settings in a storage area. */
export interface SettingsStore {
  /** The current settings; defaults when storage cannot be read. */
  get(): Promise<Settings>;
  /**
   * Validates and writes `patch`, resolving to the settings after the write. Updates from one
   * store run one after another, so a function patch always sees the previous update's result.
   * Rejects when storage refuses the write (quota, a revoked extension context).
   */
  update(patch: SettingsPatch): Promise<Settings>;
  /**
   * Calls `listener` with the new settings whenever they change in storage, from this page or
   * any other. Returns the unsubscribe function; aborting `signal` unsubscribes too.
   */
  subscribe(listener: (settings: Settings) => void, options?: { signal?: AbortSignal }): () => void;
  /** Unsubscribes every listener of this store. */
  destroy(): void;
}

const STORED_KEYS = [...SETTING_KEYS, 'schemaVersion', ...LEGACY_KEYS];
const WATCHED = new Set(STORED_KEYS);

/** Creates a {@link SettingsStore} over `area`. Each setting is stored under its own key. */
export function createSettingsStore(area: StorageAreaLike): SettingsStore {
  const unsubscribers = new Set<() => void>();
  let queue: Promise<unknown> = Promise.resolve();

  async function read(): Promise<{ raw: Record<string, unknown>; settings: Settings }> {
    const raw = await area.get(STORED_KEYS);
    return { raw, settings: parseSettings(raw) };
  }

  async function write(patch: SettingsPatch): Promise<Settings> {
    const { raw, settings } = await read();
    const changes = typeof patch === 'function' ? patch(settings) : patch;
    // Validate through the same readers as storage: a patch cannot store what a read would reject.
    const next = parseSettings({ ...settings, ...changes });
    const items: Record<string, unknown> = {};
    const outdated = raw.schemaVersion !== SCHEMA_VERSION;
    // An older record is rewritten whole, or the fields its migration produced would be lost
    // as soon as the version number claims they are stored.
    const keys = outdated ? SETTING_KEYS : (Object.keys(changes) as SettingKey[]).filter((k) => k in SETTING_ITEMS);
    for (const key of keys) items[key] = next[key];
    if (outdated) items.schemaVersion = SCHEMA_VERSION;
    if (Object.keys(items).length > 0) await area.set(items);
    if (outdated && area.remove) {
      const stale = LEGACY_KEYS.filter((k) => k in raw);
      if (stale.length > 0) await area.remove(stale);
    }
    return next;
  }

  return {
    async get() {
      try {
        return (await read()).settings;
      } catch {
        return defaultSettings();
      }
    },

    update(patch) {
      const result = queue.then(() => write(patch));
      queue = result.catch(() => undefined);
      return result;
    },

    subscribe(listener, options = {}) {
      const { signal } = options;
      if (signal?.aborted) return () => {};
      // Reads can finish out of order; only the newest one may reach the listener.
      let latest = 0;
      const onChanged: StorageChangeListener = (changes) => {
        if (!Object.keys(changes).some((key) => WATCHED.has(key))) return;
        const ticket = ++latest;
        read().then(
          ({ settings }) => {
            if (ticket === latest && unsubscribers.has(unsubscribe)) listener(settings);
          },
          () => {
            // Storage unreadable (extension reloaded under us): keep what the listener has.
          },
        );
      };
      const unsubscribe = () => {
        if (!unsubscribers.delete(unsubscribe)) return;
        area.onChanged.removeListener(onChanged);
        signal?.removeEventListener('abort', unsubscribe);
      };
      area.onChanged.addListener(onChanged);
      unsubscribers.add(unsubscribe);
      signal?.addEventListener('abort', unsubscribe, { once: true });
      return unsubscribe;
    },

    destroy() {
      for (const unsubscribe of [...unsubscribers]) unsubscribe();
    },
  };
}
