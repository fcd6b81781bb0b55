import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Catalog } from '../../src/ui/i18n.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const localesDir = join(root, 'public/_locales');
const locales = readdirSync(localesDir).filter((name) => statSync(join(localesDir, name)).isDirectory());
const raw = new Map(locales.map((locale) => [locale, readFileSync(join(localesDir, locale, 'messages.json'), 'utf8')]));
const catalogs = new Map(locales.map((locale) => [locale, JSON.parse(raw.get(locale)!) as Catalog]));
const en = catalogs.get('en')!;
const enKeys = Object.keys(en).sort();

/**
 * Messages that may read the same in every language: names. Anything else identical to English
 * is an untranslated copy.
 */
const SAME_IN_EVERY_LANGUAGE = new Set(['extName']);

/** `$NAME$` references in a message, lower-cased (placeholder names are case-insensitive). */
function referencedPlaceholders(message: string): string[] {
  return [...message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((m) => m[1]!.toLowerCase()).sort();
}

function placeholderContents(entry: Catalog[string]): Record<string, string> {
  return Object.fromEntries(
    Object.entries(entry.placeholders ?? {}).map(([name, value]) => [name.toLowerCase(), value.content]),
  );
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((item) => {
    const path = join(dir, item.name);
    if (item.isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|html)$/.test(item.name) ? [path] : [];
  });
}

describe('locales', () => {
  it('ships English, German and Simplified Chinese', () => {
    expect(locales).toEqual(expect.arrayContaining(['en', 'de', 'zh_CN']));
  });

  it.each(locales)('%s has no key twice (JSON.parse would silently keep the last)', (locale) => {
    const keys = [...raw.get(locale)!.matchAll(/^ {2}"([^"]+)"\s*:/gm)].map((m) => m[1]);
    const dupes = keys.filter((key, i) => keys.indexOf(key) !== i);
    expect(dupes).toEqual([]);
    expect(keys.length).toBe(Object.keys(catalogs.get(locale)!).length);
  });

  it('uses key names the browsers accept', () => {
    for (const key of enKeys) expect(key).toMatch(/^(?!@@)[A-Za-z0-9_@]+$/);
  });

  it.each(locales)('%s has exactly the keys of en', (locale) => {
    const keys = Object.keys(catalogs.get(locale)!).sort();
    expect({ missing: enKeys.filter((k) => !keys.includes(k)), extra: keys.filter((k) => !enKeys.includes(k)) }).toEqual({
      missing: [],
      extra: [],
    });
  });

  it.each(locales)('%s has a non-empty message for every key', (locale) => {
    const empty = Object.entries(catalogs.get(locale)!)
      .filter(([, entry]) => typeof entry?.message !== 'string' || entry.message.trim() === '')
      .map(([key]) => key);
    expect(empty).toEqual([]);
  });

  it.each(locales)('%s defines and uses the placeholders en does, with the same contents', (locale) => {
    const problems: string[] = [];
    for (const key of enKeys) {
      const entry = catalogs.get(locale)![key];
      if (!entry) continue;
      const defined = placeholderContents(entry);
      const used = referencedPlaceholders(entry.message);
      for (const name of used) if (!(name in defined)) problems.push(`${key}: $${name}$ is not defined`);
      for (const name of Object.keys(defined)) if (!used.includes(name)) problems.push(`${key}: ${name} is never used`);
      const expected = placeholderContents(en[key]!);
      if (JSON.stringify(Object.entries(defined).sort()) !== JSON.stringify(Object.entries(expected).sort())) {
        problems.push(`${key}: placeholders differ from en`);
      }
      if (referencedPlaceholders(en[key]!.message).join() !== used.join()) {
        problems.push(`${key}: uses different placeholders than en`);
      }
    }
    expect(problems).toEqual([]);
  });

  it.each(locales.filter((l) => l !== 'en'))('%s is translated, not copied from English', (locale) => {
    const copies = enKeys.filter(
      (key) => !SAME_IN_EVERY_LANGUAGE.has(key) && catalogs.get(locale)![key]?.message === en[key]!.message,
    );
    expect(copies).toEqual([]);
  });

  it('writes zh_CN in Chinese characters', () => {
    const zh = catalogs.get('zh_CN')!;
    const latinOnly = enKeys.filter((key) => !SAME_IN_EVERY_LANGUAGE.has(key) && !/\p{Script=Han}/u.test(zh[key]!.message));
    expect(latinOnly).toEqual([]);
  });

  it('has every key the code and the manifest ask for', () => {
    const files = [...sourceFiles(join(root, 'src')), ...sourceFiles(join(root, 'extension')), join(root, 'manifest.json')];
    const missing: string[] = [];
    let found = 0;
    for (const file of files) {
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch {
        continue; // manifest.json not written yet
      }
      const keys = [
        // t('key') and t("key"), also across a line break
        ...[...text.matchAll(/\bt\(\s*['"]([^'"]+)['"]/g)].map((m) => m[1]!),
        ...[...text.matchAll(/getMessage\(\s*['"]([^'"]+)['"]/g)].map((m) => m[1]!),
        ...[...text.matchAll(/__MSG_([A-Za-z0-9_@]+)__/g)].map((m) => m[1]!),
      ];
      found += keys.length;
      // `@@ui_locale` and friends are the browser's own predefined messages.
      for (const key of keys) if (!key.startsWith('@@') && !(key in en)) missing.push(`${relative(root, file)}: ${key}`);
    }
    // The scan itself works: the popup and options alone use dozens of keys.
    expect(found).toBeGreaterThan(20);
    expect([...new Set(missing)]).toEqual([]);
  });
});
