import { describe, expect, it } from 'vitest';
import { defaultSettings, parseSettings, SCHEMA_VERSION } from '../../../src/settings/index.ts';

const DEFAULTS = {
  schemaVersion: SCHEMA_VERSION,
  enabled: true,
  disabledSites: [],
  hiddenOutlets: [],
  kinds: { report: true, denial: true, response: true, context: true, comment: false },
  hiddenEntities: [],
};

describe('parseSettings', () => {
  it('gives the documented defaults for empty storage', () => {
    expect(parseSettings({})).toEqual(DEFAULTS);
    expect(defaultSettings()).toEqual(DEFAULTS);
  });

  it.each([null, undefined, 'garbage', 42, true, [], [{ enabled: false }], () => 1])(
    'falls back to defaults for a whole value that is not a record: %s',
    (raw) => {
      expect(parseSettings(raw)).toEqual(DEFAULTS);
    },
  );

  it('keeps every good field', () => {
    const raw = {
      schemaVersion: SCHEMA_VERSION,
      enabled: false,
      disabledSites: ['example.com'],
      hiddenOutlets: ['Gizmodo'],
      kinds: { report: false, denial: true, response: false, context: true, comment: true },
      hiddenEntities: ['huawei'],
    };
    expect(parseSettings(raw)).toEqual(raw);
  });

  it('falls back per field when one field is corrupt and keeps the others', () => {
    const settings = parseSettings({
      enabled: 'no',
      disabledSites: ['example.com'],
      hiddenOutlets: 42,
      kinds: 'garbage',
      hiddenEntities: ['zte'],
    });
    expect(settings.enabled).toBe(true);
    expect(settings.disabledSites).toEqual(['example.com']);
    expect(settings.hiddenOutlets).toEqual([]);
    expect(settings.kinds).toEqual(DEFAULTS.kinds);
    expect(settings.hiddenEntities).toEqual(['zte']);
  });

  it('keeps the good switches of a partly corrupt kinds record', () => {
    const settings = parseSettings({ kinds: { report: false, denial: 'yes', comment: true, bogus: false } });
    expect(settings.kinds).toEqual({ report: false, denial: true, response: true, context: true, comment: true });
  });

  it.each([null, [], [true, false], 'report'])('treats kinds = %j as missing', (kinds) => {
    expect(parseSettings({ kinds }).kinds).toEqual(DEFAULTS.kinds);
  });

  it('drops bad list entries one by one rather than the whole list', () => {
    const settings = parseSettings({
      hiddenOutlets: ['Gizmodo', 7, null, '', '   ', { outlet: 'x' }, 'Gizmodo', ' The Verge ', 'x'.repeat(300)],
    });
    expect(settings.hiddenOutlets).toEqual(['Gizmodo', 'The Verge']);
  });

  it('stores sites in one form and drops what cannot be a hostname', () => {
    const settings = parseSettings({
      disabledSites: ['WWW.Example.COM.', 'example.com', 'news.example.org', 'https://evil.test/path', 'a b', '..', 3],
    });
    expect(settings.disabledSites).toEqual(['example.com', 'news.example.org']);
  });

  it('caps absurdly long lists instead of carrying them around', () => {
    const hiddenEntities = Array.from({ length: 5000 }, (_, i) => `entity-${i}`);
    expect(parseSettings({ hiddenEntities }).hiddenEntities).toHaveLength(1000);
  });

  it('ignores unknown keys and does not pass them on', () => {
    const settings = parseSettings({ enabled: false, theme: 'dark', __proto__pollution: 1 });
    expect(settings).toEqual({ ...DEFAULTS, enabled: false });
  });

  it('does not let a stored __proto__ key supply settings', () => {
    const raw: unknown = JSON.parse('{"__proto__": {"enabled": false, "hiddenOutlets": ["Gizmodo"]}}');
    expect(parseSettings(raw)).toEqual(DEFAULTS);
  });

  it('survives an object whose getters throw', () => {
    const hostile = {
      hiddenOutlets: ['Gizmodo'],
      get kinds(): never {
        throw new Error('boom');
      },
    };
    const settings = parseSettings(hostile);
    expect(settings.hiddenOutlets).toEqual(['Gizmodo']);
    expect(settings.kinds).toEqual(DEFAULTS.kinds);
  });

  it('hands out fresh defaults, so mutating one result cannot change the next', () => {
    const first = parseSettings({});
    first.disabledSites.push('example.com');
    first.kinds.comment = true;
    expect(parseSettings({})).toEqual(DEFAULTS);
  });

  it('reads the known fields of a record written by a newer version', () => {
    const settings = parseSettings({ schemaVersion: SCHEMA_VERSION + 5, enabled: false, somethingNew: [1] });
    expect(settings).toEqual({ ...DEFAULTS, enabled: false });
  });
});

describe('migrations', () => {
  it('turns the v0 `paused: true` into `enabled: false`', () => {
    expect(parseSettings({ paused: true }).enabled).toBe(false);
    expect(parseSettings({ paused: false }).enabled).toBe(true);
  });

  it('keeps the other fields of a v0 record while migrating', () => {
    const settings = parseSettings({ paused: true, hiddenOutlets: ['Gizmodo'] });
    expect(settings).toEqual({ ...DEFAULTS, enabled: false, hiddenOutlets: ['Gizmodo'] });
  });

  it('lets an explicit `enabled` win over a leftover `paused`', () => {
    expect(parseSettings({ paused: true, enabled: true }).enabled).toBe(true);
  });

  it('does not rerun a migration on a current record', () => {
    expect(parseSettings({ schemaVersion: SCHEMA_VERSION, paused: true }).enabled).toBe(true);
  });

  it('treats a nonsense version as v0', () => {
    expect(parseSettings({ schemaVersion: 'one', paused: true }).enabled).toBe(false);
    expect(parseSettings({ schemaVersion: -3, paused: true }).enabled).toBe(false);
  });

  it('ignores a `paused` that is not a boolean', () => {
    expect(parseSettings({ paused: 'yes' }).enabled).toBe(true);
  });
});
