import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { catalogBackend, setMessageBackend, t, type Catalog } from '../../src/ui/i18n.ts';

const load = (locale: string): Catalog =>
  JSON.parse(readFileSync(new URL(`../../public/_locales/${locale}/messages.json`, import.meta.url), 'utf8'));

describe('t', () => {
  afterEach(() => setMessageBackend(() => ''));

  it('reads the injected catalog, with substitutions in each language', () => {
    setMessageBackend(catalogBackend(load('en')));
    expect(t('popupSiteLabel', 'example.com')).toBe('Highlight on example.com');
    setMessageBackend(catalogBackend(load('de')));
    expect(t('popupSiteLabel', ['example.com'])).toBe('Auf example.com hervorheben');
    setMessageBackend(catalogBackend(load('zh_CN')));
    expect(t('popupCompaniesCount', 3)).toBe('公司：3');
  });

  it('shows the key when a message is missing instead of an empty label', () => {
    setMessageBackend(() => '');
    expect(t('optionsTitle')).toBe('optionsTitle');
  });

  it('passes substitutions through as strings', () => {
    let seen: string[] | undefined;
    setMessageBackend((_, subs) => ((seen = subs), 'x'));
    t('popupClaimsCount', [2]);
    expect(seen).toEqual(['2']);
  });
});

describe('catalogBackend', () => {
  const backend = catalogBackend({
    price: { message: 'Costs $$$AMOUNT$ for $Who$', placeholders: { amount: { content: '$1' }, WHO: { content: '$2' } } },
    literal: { message: 'Hi $NAME$', placeholders: { name: { content: 'there' } } },
    direct: { message: '$1 and $2' },
  });

  it('follows getMessage: named placeholders, $n, $$ and case-insensitive names', () => {
    expect(backend('price', ['5', 'you'])).toBe('Costs $5 for you');
    expect(backend('literal')).toBe('Hi there');
    expect(backend('direct', ['a'])).toBe('a and ');
  });

  it('does not expand dollar signs inside substituted text', () => {
    expect(backend('direct', ['$2', 'b'])).toBe('$2 and b');
  });

  it('returns an empty string for an unknown key, as browsers do', () => {
    expect(backend('nope')).toBe('');
    expect(backend('toString')).toBe('');
  });
});
