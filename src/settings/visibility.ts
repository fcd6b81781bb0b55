/**
 * Questions the content script and the UI ask of the settings. Pure functions over a parsed
 * {@link Settings}, so the overlay and the options page answer them the same way.
 */
import type { Excerpt, Source } from '../knowledge/types.ts';
import { siteKey } from './items.ts';
import type { Settings } from './parse.ts';

/** Sources by id, as a Map or a plain record. */
export type SourcesById = ReadonlyMap<string, Source> | Readonly<Record<string, Source | undefined>>;

/**
 * The entry of `disabledSites` that switches `hostname` off, if any. An entry covers its
 * subdomains too: switching off `example.com` also switches off `news.example.com`.
 */
export function disablingSite(settings: Settings, hostname: string): string | undefined {
  const key = siteKey(hostname);
  if (!key) return undefined;
  return settings.disabledSites.find((site) => key === site || key.endsWith(`.${site}`));
}

/** True when highlighting should run on `hostname`: not paused, and the site not switched off. */
export function isSiteEnabled(settings: Settings, hostname: string): boolean {
  return settings.enabled && disablingSite(settings, hostname) === undefined;
}

/**
 * The change that switches `hostname` on or off. Switching on removes every entry that covers
 * it (its own and a parent domain's), because the reader asked for this page to work.
 */
export function siteToggle(settings: Settings, hostname: string, on: boolean): Pick<Settings, 'disabledSites'> {
  const key = siteKey(hostname);
  if (!key) return { disabledSites: settings.disabledSites };
  if (on) {
    return { disabledSites: settings.disabledSites.filter((site) => !(key === site || key.endsWith(`.${site}`))) };
  }
  return { disabledSites: withMember(settings.disabledSites, key, true) };
}

/** True when the entity with this id should be highlighted. */
export function isEntityVisible(settings: Settings, entityId: string): boolean {
  return !settings.hiddenEntities.includes(entityId);
}

/**
 * True when an excerpt should be shown: its kind is on, and neither the outlet that published
 * it nor the outlet it relays (`citing`) is hidden. Hiding an outlet hides its words wherever
 * they appear, including when another outlet quotes them.
 */
export function isExcerptVisible(settings: Settings, excerpt: Excerpt, sourcesById: SourcesById): boolean {
  // A kind this build's settings do not know yet (a newer knowledge base) is shown.
  if (settings.kinds[excerpt.kind] === false) return false;
  for (const id of [excerpt.source, excerpt.citing]) {
    if (id === undefined) continue;
    const source = lookup(sourcesById, id);
    if (source && settings.hiddenOutlets.includes(source.outlet)) return false;
  }
  return true;
}

/** `list` with `value` added (`member` true) or removed, without duplicates; order kept. */
export function withMember(list: readonly string[], value: string, member: boolean): string[] {
  const rest = list.filter((item) => item !== value);
  return member ? [...rest, value] : rest;
}

function lookup(sources: SourcesById, id: string): Source | undefined {
  if (sources instanceof Map) return sources.get(id);
  return Object.hasOwn(sources, id) ? (sources as Readonly<Record<string, Source | undefined>>)[id] : undefined;
}
