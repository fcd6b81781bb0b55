import { describe, expect, it } from 'vitest';
import type { Excerpt, Source } from '../../../src/knowledge/types.ts';
import {
  disablingSite,
  isEntityVisible,
  isExcerptVisible,
  isSiteEnabled,
  parseSettings,
  siteToggle,
  withMember,
} from '../../../src/settings/index.ts';

const sources: Source[] = [
  { id: 'gizmodo-2018', type: 'article', outlet: 'Gizmodo' },
  { id: 'verge-2019', type: 'article', outlet: 'The Verge' },
  { id: 'nyt', type: 'outlet', outlet: 'The New York Times' },
];
const byId = new Map(sources.map((s) => [s.id, s]));
const excerpt = (over: Partial<Excerpt>): Excerpt => ({
  id: 'e1',
  source: 'verge-2019',
  quote: 'q',
  kind: 'report',
  claims: ['c'],
  ...over,
});

describe('sites', () => {
  it('is on by default and off everywhere when paused', () => {
    expect(isSiteEnabled(parseSettings({}), 'www.theverge.com')).toBe(true);
    expect(isSiteEnabled(parseSettings({ enabled: false }), 'www.theverge.com')).toBe(false);
  });

  it('switches a site off with and without www, and its subdomains, but not look-alikes', () => {
    const settings = parseSettings({ disabledSites: ['theverge.com'] });
    expect(isSiteEnabled(settings, 'theverge.com')).toBe(false);
    expect(isSiteEnabled(settings, 'WWW.THEVERGE.COM')).toBe(false);
    expect(isSiteEnabled(settings, 'news.theverge.com')).toBe(false);
    expect(isSiteEnabled(settings, 'nottheverge.com')).toBe(true);
    expect(disablingSite(settings, 'news.theverge.com')).toBe('theverge.com');
  });

  it('toggles the current site off and back on', () => {
    let settings = parseSettings({});
    settings = { ...settings, ...siteToggle(settings, 'www.gizmodo.com', false) };
    expect(settings.disabledSites).toEqual(['gizmodo.com']);
    expect(isSiteEnabled(settings, 'gizmodo.com')).toBe(false);
    settings = { ...settings, ...siteToggle(settings, 'www.gizmodo.com', true) };
    expect(settings.disabledSites).toEqual([]);
  });

  it('switching a subdomain back on removes the parent entry that covered it', () => {
    const settings = parseSettings({ disabledSites: ['example.com', 'other.org'] });
    expect(siteToggle(settings, 'news.example.com', true).disabledSites).toEqual(['other.org']);
  });
});

describe('isExcerptVisible', () => {
  it('hides comments by default and shows the other kinds', () => {
    const settings = parseSettings({});
    expect(isExcerptVisible(settings, excerpt({ kind: 'comment' }), byId)).toBe(false);
    for (const kind of ['report', 'denial', 'response', 'context'] as const) {
      expect(isExcerptVisible(settings, excerpt({ kind }), byId)).toBe(true);
    }
  });

  it('hides excerpts of a hidden outlet and those relaying it', () => {
    const settings = parseSettings({ hiddenOutlets: ['The New York Times'] });
    expect(isExcerptVisible(settings, excerpt({ source: 'gizmodo-2018', citing: 'nyt' }), byId)).toBe(false);
    expect(isExcerptVisible(settings, excerpt({ source: 'gizmodo-2018' }), byId)).toBe(true);
    const noGizmodo = parseSettings({ hiddenOutlets: ['Gizmodo'] });
    expect(isExcerptVisible(noGizmodo, excerpt({ source: 'gizmodo-2018', citing: 'nyt' }), byId)).toBe(false);
  });

  it('accepts sources as a plain record and tolerates an unknown source id', () => {
    const settings = parseSettings({ hiddenOutlets: ['Gizmodo'] });
    const record = Object.fromEntries(byId);
    expect(isExcerptVisible(settings, excerpt({ source: 'gizmodo-2018' }), record)).toBe(false);
    expect(isExcerptVisible(settings, excerpt({ source: 'toString' }), record)).toBe(true);
  });
});

describe('entities and lists', () => {
  it('hides only the listed entities', () => {
    const settings = parseSettings({ hiddenEntities: ['zte'] });
    expect(isEntityVisible(settings, 'zte')).toBe(false);
    expect(isEntityVisible(settings, 'huawei')).toBe(true);
  });

  it('adds and removes list members without duplicates', () => {
    expect(withMember(['a', 'b'], 'a', true)).toEqual(['b', 'a']);
    expect(withMember(['a', 'b'], 'a', false)).toEqual(['b']);
    expect(withMember([], 'a', true)).toEqual(['a']);
  });
});
