import { useCallback, useEffect, useState } from 'preact/hooks';
import { parseSettings, type Settings, type SettingsPatch, type SettingsStore } from '../settings/index.ts';

/** Whether the last change reached storage; `idle` before the first change. */
export type SaveState = 'idle' | 'saved' | 'failed';

/** What {@link useSettings} gives a component. */
export interface SettingsHandle {
  /** `undefined` until the first read finishes. */
  settings: Settings | undefined;
  save: SaveState;
  update: (patch: SettingsPatch) => void;
}

/**
 * The settings of `store`, kept current with changes from other pages. A change shows at once
 * (the checkbox must not lag the click) and is then written; if the write fails, the stored
 * settings are read back and `save` becomes `failed`.
 */
export function useSettings(store: SettingsStore): SettingsHandle {
  const [settings, setSettings] = useState<Settings>();
  const [save, setSave] = useState<SaveState>('idle');

  useEffect(() => {
    const controller = new AbortController();
    store.subscribe((next) => setSettings(next), { signal: controller.signal });
    void store.get().then((current) => {
      // A change event may already have delivered something newer.
      if (!controller.signal.aborted) setSettings((previous) => previous ?? current);
    });
    return () => controller.abort();
  }, [store]);

  const update = useCallback(
    (patch: SettingsPatch) => {
      setSettings((current) => {
        if (!current) return current;
        const changes = typeof patch === 'function' ? patch(current) : patch;
        return parseSettings({ ...current, ...changes });
      });
      // On success the store's change event brings the stored state; setting it here as well
      // would briefly undo a newer click that is still being written.
      store.update(patch).then(
        () => setSave('saved'),
        () => {
          setSave('failed');
          void store.get().then(setSettings);
        },
      );
    },
    [store],
  );

  return { settings, save, update };
}
