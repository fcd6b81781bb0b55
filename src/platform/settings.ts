/**
 * The settings store of src/settings over the extension's storage (sync, falling back to local,
 * see storage.ts). Every extension context (content script, popup, options) builds its own.
 */
import { createSettingsStore, type SettingsStore, type StorageAreaLike, type StorageChangeListener } from '../settings/index.ts';
import { onStorageChanged, storageGet, storageRemove, storageSet } from './storage.ts';

/** The settings storage as the {@link StorageAreaLike} src/settings expects. */
export function settingsStorageArea(): StorageAreaLike {
  const subscriptions = new Map<StorageChangeListener, AbortController>();
  return {
    get: (keys) => storageGet(keys),
    set: (items) => storageSet(items),
    remove: (keys) => storageRemove(keys),
    onChanged: {
      addListener(listener) {
        if (subscriptions.has(listener)) return;
        const controller = new AbortController();
        subscriptions.set(listener, controller);
        onStorageChanged((values) => {
          const changes = Object.fromEntries(Object.keys(values).map((key) => [key, { newValue: values[key] }]));
          listener(changes);
        }, controller.signal);
      },
      removeListener(listener) {
        subscriptions.get(listener)?.abort();
        subscriptions.delete(listener);
      },
    },
  };
}

/** A settings store for this extension context. */
export function createExtensionSettingsStore(): SettingsStore {
  return createSettingsStore(settingsStorageArea());
}
