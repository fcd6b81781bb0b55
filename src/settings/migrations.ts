/**
 * Migrations between stored shapes. Each one turns the raw record of one schema version into
 * the raw record of the next; `parseSettings` then validates the result field by field, so a
 * migration only moves and renames, it never needs to check types itself.
 */

/** The schema version this build writes. */
export const SCHEMA_VERSION = 1;

/** A step from `from` to `from + 1`. */
export interface Migration {
  from: number;
  /** Storage keys this version used that later versions no longer read (removed after migrating). */
  legacyKeys: readonly string[];
  migrate(raw: Readonly<Record<string, unknown>>): Record<string, unknown>;
}

/** The steps, in order. Adding a schema version means appending one here with a test. */
export const MIGRATIONS: readonly Migration[] = [
  {
    // v0 (the prototype) stored the global pause inverted, as `paused`.
    from: 0,
    legacyKeys: ['paused'],
    migrate(raw) {
      const { paused, ...rest }: Record<string, unknown> = raw;
      if (typeof paused === 'boolean' && !('enabled' in rest)) rest.enabled = !paused;
      return rest;
    },
  },
];

/** Every storage key some older version used. */
export const LEGACY_KEYS: readonly string[] = MIGRATIONS.flatMap((m) => m.legacyKeys);

/** The version a raw record claims; no or an invalid claim means the unversioned v0 shape. */
export function storedVersion(raw: Readonly<Record<string, unknown>>): number {
  const version = raw.schemaVersion;
  return typeof version === 'number' && Number.isInteger(version) && version >= 0 ? version : 0;
}

/**
 * Brings `raw` up to {@link SCHEMA_VERSION}. A record from a newer build (after a downgrade) is
 * left alone: its known fields are still read, unknown ones ignored.
 */
export function migrate(raw: Readonly<Record<string, unknown>>): Record<string, unknown> {
  let record: Record<string, unknown> = { ...raw };
  for (let version = storedVersion(raw); version < SCHEMA_VERSION; version++) {
    const step = MIGRATIONS.find((m) => m.from === version);
    if (step) record = step.migrate(record);
  }
  return record;
}
