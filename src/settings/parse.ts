import { SETTING_ITEMS, SETTING_KEYS, type SettingKey, type SettingValues } from './items.ts';
import { migrate, SCHEMA_VERSION } from './migrations.ts';

/** The reader's settings, as the rest of the extension sees them: always complete and valid. */
export interface Settings extends SettingValues {
  /** The schema version these values follow (always the current one after parsing). */
  schemaVersion: number;
}

/** The defaults, fresh (callers may mutate the arrays without touching the declarations). */
export function defaultSettings(): Settings {
  const out = { schemaVersion: SCHEMA_VERSION } as Settings;
  for (const key of SETTING_KEYS) setField(out, key, structuredClone(SETTING_ITEMS[key].default));
  return out;
}

/**
 * Reads settings from whatever storage holds. Never throws: a value that is missing or unusable
 * falls back to its default while every good field is kept; older shapes are migrated first;
 * unknown keys are ignored.
 */
export function parseSettings(raw: unknown): Settings {
  const out = defaultSettings();
  let record: Record<string, unknown>;
  try {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return out;
    record = migrate(readableFields(raw as Record<string, unknown>));
  } catch {
    // A hostile object (a throwing proxy) is as good as nothing.
    return out;
  }
  for (const key of SETTING_KEYS) {
    try {
      const value = SETTING_ITEMS[key].read(record[key]);
      if (value !== undefined) setField(out, key, value);
    } catch {
      // Keep the default for this field only.
    }
  }
  return out;
}

/** The fields of `raw` that can be read; a throwing getter costs only its own field. */
function readableFields(raw: Record<string, unknown>): Record<string, unknown> {
  // No prototype: a stored `__proto__` key stays a plain field instead of becoming one.
  const out: Record<string, unknown> = Object.create(null);
  for (const key of Object.keys(raw)) {
    try {
      out[key] = raw[key];
    } catch {
      // Leave this field to its default.
    }
  }
  return out;
}

function setField<K extends SettingKey>(target: SettingValues, key: K, value: SettingValues[K]): void {
  target[key] = value;
}
