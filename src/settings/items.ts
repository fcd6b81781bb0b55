/**
 * Every setting, declared once: its default (which also gives its type) and how a stored value
 * is read back. Storage can hold anything (an older shape, another extension's bug, a hand edit),
 * so each reader takes `unknown` and returns either a valid value or `undefined`, which means
 * "use the default".
 */
import type { ExcerptKind } from '../knowledge/types.ts';

/** One setting: its default and the reader that validates a stored value. */
export interface SettingItem<T> {
  readonly default: T;
  /** A valid value built from `raw`, or `undefined` when nothing usable is there. */
  read(raw: unknown): T | undefined;
}

/** Longest list kept: a bigger one is a bug or an attack on the sync quota, not a reader's choice. */
const MAX_LIST = 1000;
const MAX_STRING = 256;

function flag(fallback: boolean): SettingItem<boolean> {
  return { default: fallback, read: (raw) => (typeof raw === 'boolean' ? raw : undefined) };
}

/**
 * A set of strings, stored as an array. Bad entries are dropped one by one rather than losing
 * the whole list: one garbage entry should not switch every site back on.
 */
function stringSet(normalize: (value: string) => string | undefined = trimmed): SettingItem<string[]> {
  return {
    default: [],
    read(raw) {
      if (!Array.isArray(raw)) return undefined;
      const seen = new Set<string>();
      for (const entry of raw.slice(0, MAX_LIST)) {
        if (typeof entry !== 'string' || entry.length > MAX_STRING) continue;
        const value = normalize(entry);
        if (value) seen.add(value);
      }
      return [...seen];
    },
  };
}

/** A fixed set of named switches; each switch falls back to its own default. */
function flags<K extends string>(defaults: Record<K, boolean>): SettingItem<Record<K, boolean>> {
  return {
    default: defaults,
    read(raw) {
      if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return undefined;
      const source = raw as Record<string, unknown>;
      const out = { ...defaults };
      for (const key of Object.keys(defaults) as K[]) {
        const value = source[key];
        if (typeof value === 'boolean') out[key] = value;
      }
      return out;
    },
  };
}

function trimmed(value: string): string | undefined {
  return value.trim() || undefined;
}

/**
 * The form a hostname is stored and compared in: lower case, no trailing dot, no leading `www.`
 * (readers think of `www.example.com` and `example.com` as one site). Returns `undefined` for
 * anything that cannot be a hostname.
 */
export function siteKey(hostname: string): string | undefined {
  let host = hostname.trim().toLowerCase().replace(/\.$/, '');
  if (host.startsWith('www.')) host = host.slice(4);
  // Letters (any script), digits, dots, hyphens; a port or a path means it is not a hostname.
  if (!host || !/^[\p{L}\p{N}.-]+$/u.test(host) || host.startsWith('.') || host.includes('..')) return undefined;
  return host;
}

/** Default visibility of each excerpt kind: comments are not a source of record, so off. */
const KIND_DEFAULTS: Record<ExcerptKind, boolean> = {
  report: true,
  denial: true,
  response: true,
  context: true,
  comment: false,
};

/** The settings, in the order the options page shows them. */
export const SETTING_ITEMS = {
  /** The global pause: `false` switches highlighting off everywhere. */
  enabled: flag(true),
  /** Sites (see {@link siteKey}) where the reader switched highlighting off. */
  disabledSites: stringSet(siteKey),
  /** Outlet names (`Source.outlet`) whose excerpts are hidden. */
  hiddenOutlets: stringSet(),
  /** Which excerpt kinds are shown. */
  kinds: flags(KIND_DEFAULTS),
  /** Entity ids that are not highlighted. */
  hiddenEntities: stringSet(),
};

/** The name of a setting. */
export type SettingKey = keyof typeof SETTING_ITEMS;

/** The values of all settings, typed by their defaults. */
export type SettingValues = { [K in SettingKey]: (typeof SETTING_ITEMS)[K]['default'] };

/** The names of all settings, as stored (each setting is its own storage key). */
export const SETTING_KEYS = Object.keys(SETTING_ITEMS) as SettingKey[];
