/**
 * The shipped knowledge base, checked for what a reader relies on: quotes really are in the
 * articles, every claim is backed by a report, every official denial and response is there
 * and attached to the claim it answers, and no alias can be mistaken for another company.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SEEDS_DIR, loadKnowledgeBase } from '../../../src/knowledge/load.ts';
import type { Excerpt, ExcerptKind } from '../../../src/knowledge/types.ts';

const haveSeeds = existsSync(DEFAULT_SEEDS_DIR);
const kb = loadKnowledgeBase({ seedsDir: haveSeeds ? DEFAULT_SEEDS_DIR : false });
const flat = (s: string) => s.replace(/\s+/g, ' ').trim();
const articles = kb.sources.filter((s) => s.type === 'article');
const seedText = (seed: string) => readFileSync(join(DEFAULT_SEEDS_DIR, seed), 'utf8');

/** The excerpts whose quote contains `words`, optionally of the given kinds. */
function excerptsWith(words: string, kinds?: ExcerptKind[]): Excerpt[] {
  return kb.excerpts.filter((e) => flat(e.quote).includes(words) && (!kinds || kinds.includes(e.kind)));
}

describe('the shipped knowledge base', () => {
  it('has the claims other parts of the product refer to by id', () => {
    const ids = kb.claims.map((c) => c.id);
    expect(ids).toEqual(
      expect.arrayContaining(['facebook-device-partnerships', 'huawei-lawful-interception-access', 'huawei-state-spying-risk', 'zte-sanctions-violation']),
    );
    expect(kb.entities.map((e) => e.id)).toEqual(
      expect.arrayContaining(['huawei', 'facebook', 'zte', 'lenovo', 'oppo', 'tcl', 'blackberry', 'vodafone', 'deutsche-telekom', 'ericsson', 'nokia']),
    );
    expect(kb.sources.filter((s) => s.type === 'outlet').map((s) => s.id).sort()).toEqual(['ap', 'nyt', 'reuters', 'washington-post', 'wsj']);
  });

  it.skipIf(!haveSeeds)('quotes every excerpt verbatim from its seed article (whitespace aside)', () => {
    const missing = kb.excerpts.filter((e) => {
      const source = articles.find((s) => s.id === e.source)!;
      return !flat(seedText(source.seed!)).includes(flat(e.quote));
    });
    expect(missing.map((e) => e.id)).toEqual([]);
  });

  it('backs every claim with at least one report excerpt', () => {
    const unreported = kb.claims.filter((c) => !kb.excerpts.some((e) => e.kind === 'report' && e.claims.includes(c.id)));
    expect(unreported.map((c) => c.id)).toEqual([]);
  });

  it('gives no alias to two companies', () => {
    const owners = new Map<string, Set<string>>();
    for (const entity of kb.entities) {
      for (const text of [...entity.aliases.map((a) => a.text), ...entity.native]) {
        const key = text.toLowerCase();
        owners.set(key, (owners.get(key) ?? new Set()).add(entity.id));
      }
    }
    const shared = [...owners].filter(([, ids]) => ids.size > 1);
    expect(shared).toEqual([]);
  });

  it('matches the ambiguous names by exact case only, and leaves out bare "Meta" and "Telekom"', () => {
    const rule = (text: string) => kb.entities.flatMap((e) => e.aliases).find((a) => a.text === text)?.case;
    expect(rule('TCL')).toBe('sensitive');
    expect(rule('BlackBerry')).toBe('sensitive');
    expect(rule('ZTE')).toBe('sensitive');
    expect(rule('Huawei')).toBe('insensitive');
    const all = kb.entities.flatMap((e) => e.aliases.map((a) => a.text.toLowerCase()));
    expect(all).not.toContain('meta');
    expect(all).not.toContain('telekom');
  });

  it.each([
    // [distinctive words, kind, claim it answers]
    ['has never collected or stored any Facebook user data', 'denial', 'huawei-facebook-data-access'],
    ['didn’t collect or store its device users', 'denial', 'huawei-facebook-data-access'],
    ['did not collect user data', 'denial', 'huawei-facebook-data-access'],
    ['denies that it shares any user data with the Chinese government', 'denial', 'huawei-state-spying-risk'],
    ['Huawei has denied this repeatedly', 'denial', 'huawei-backdoors-equipment'],
    ['repeated denials from Huawei', 'context', 'huawei-lawful-interception-access'],
    ['"has never and will never do anything', 'denial', 'huawei-lawful-interception-access'],
    ['“has never and will never do anything', 'denial', 'huawei-lawful-interception-access'],
    ['We emphatically reject these latest allegations. Again, groundless accusations are being repeated without providing any kind of concrete evidence."', 'denial', 'huawei-lawful-interception-access'],
    ['“We emphatically reject these latest allegations.', 'denial', 'huawei-lawful-interception-access'],
    ['also refutes the allegations', 'denial', 'huawei-lawful-interception-access'],
    ['argued that such access is “extremely implausible', 'denial', 'huawei-lawful-interception-access'],
    ['strictly regulated and can only be accessed by certified personnel of the network operators. No Huawei employee is allowed to access the network without an explicit approval from the network operator,” the Huawei official said', 'denial', 'huawei-lawful-interception-access'],
    ['were controlled from the get-go', 'response', 'facebook-device-partnerships'],
    ['were controlled from the get go', 'response', 'facebook-device-partnerships'],
    ['stored on the device, not on Huawei’s servers', 'response', 'huawei-facebook-data-access'],
    ["stored on the device, not on Huawei's servers", 'response', 'huawei-facebook-data-access'],
    ['stayed on its phone, not the company’s servers', 'response', 'huawei-facebook-data-access'],
    ['stayed on users’ phones and never went', 'response', 'huawei-facebook-data-access'],
    ['access similar to what was offered to BlackBerry', 'response', 'facebook-device-partnerships'],
    ['began “winding down” the manufacturer partnerships', 'response', 'facebook-device-partnerships'],
    ['would wind down the Huawei deal by the end of the week', 'response', 'huawei-facebook-data-access'],
    ['Facebook will end its agreement with Huawei', 'response', 'facebook-device-partnerships'],
    ['trying to quash the story', 'response', 'facebook-device-partnerships'],
    ['Vodafone denied any equipment maker could access its network', 'response', 'huawei-lawful-interception-access'],
    ['a German company had developed its lawful interception interface', 'response', 'huawei-lawful-interception-access'],
    ['ZTE is not believed to have had access to the Facebook API', 'context', 'facebook-device-partnerships'],
  ] as const)('has the statement "%s" as %s on %s', (words, kind, claim) => {
    const found = excerptsWith(words, [kind]);
    expect(found.map((e) => e.id)).not.toEqual([]);
    expect(found.some((e) => e.claims.includes(claim))).toBe(true);
  });

  it('names the speakers of the statements it quotes', () => {
    const speakerOf = (words: string) => excerptsWith(words)[0]?.speaker;
    expect(speakerOf('Huawei spokesman Joe Kelly')).toEqual({ name: 'Joe Kelly', role: 'Huawei spokesman', entity: 'huawei' });
    expect(speakerOf('Francisco Varela, a Facebook vice president')).toMatchObject({ name: 'Francisco Varela', entity: 'facebook' });
    expect(speakerOf('A senior Huawei official argued')).toMatchObject({ name: 'A senior Huawei official', entity: 'huawei' });
    expect(speakerOf('One U.S. official notes')?.name).toBe('One U.S. official');
    expect(speakerOf('Senator Ben Sasse')?.name).toBe('Ben Sasse');
    expect(speakerOf('Sen. Mark Warner')?.name).toBe('Mark Warner');
    expect(speakerOf('Kevin Riley told the Journal')?.role).toMatch(/Ribbon Communications/);
    expect(speakerOf('Serge Egelman')?.name).toBe('Serge Egelman');
    expect(speakerOf('Lynette Ong, associate professor')?.name).toBe('Lynette Ong');
    expect(excerptsWith('Robert O').map((e) => e.speaker?.role)).toEqual(['National Security Adviser', 'National Security Adviser']);
  });

  it('says which outlet an article relays', () => {
    expect(excerptsWith('Joe Kelly told the AP')[0]?.citing).toBe('ap');
    expect(excerptsWith('Francisco Varela told the Times')[0]?.citing).toBe('nyt');
    expect(excerptsWith('a source told the Post')[0]?.citing).toBe('washington-post');
    expect(excerptsWith('Deutsche Telekom AG told the WSJ')[0]?.citing).toBe('wsj');
    expect(excerptsWith('Reuters reported')[0]?.citing).toBe('reuters');
  });

  it.skipIf(!haveSeeds)('quotes every sentence in which Huawei, Facebook, Vodafone or Deutsche Telekom deny or answer', () => {
    const uncovered: string[] = [];
    for (const article of articles) {
      // Reader comments (PhoneArena's numbered thread) are not statements of record.
      const body = seedText(article.seed!).split(/^\d+\. \S+\s*$/m)[0]!;
      const quotes = kb.excerpts.filter((e) => e.source === article.id).map((e) => flat(e.quote));
      for (const paragraph of body.split(/\n+/)) {
        for (const sentence of flat(paragraph).split(/(?<=[.!?][”"’)]?)\s+(?=[“"A-Z])/)) {
          if (!/\b(Huawei|Facebook|Vodafone|Deutsche Telekom)\b/.test(sentence)) continue;
          if (!/\b(said|says|told|den(y|ies|ied)|denials?|reject|refutes?|pushed back|argued|noted|statement|insisting)\b/.test(sentence)) continue;
          if (!quotes.some((q) => q.includes(sentence) || (sentence.includes(q) && q.length * 2 >= sentence.length))) {
            uncovered.push(`${article.id}: ${sentence}`);
          }
        }
      }
    }
    expect(uncovered).toEqual([]);
  });

  it('keeps reader comments apart as kind "comment", and only from the article that has them', () => {
    const comments = kb.excerpts.filter((e) => e.kind === 'comment');
    expect(comments.every((e) => e.source === 'phonearena-2020-02-huawei-back-doors' && e.speaker?.role === 'PhoneArena reader')).toBe(true);
  });

  it('dates and identifies every article, at month precision unless the text pins the day', () => {
    expect(articles.map((a) => [a.outlet, a.date])).toEqual([
      ['Gizmodo', '2018-06'],
      ['The Hill', '2018-06'],
      ['PhoneArena', '2020-02'],
      ['Gizmodo Australia', '2020-02'],
      ['National Review', '2020-02'],
    ]);
    for (const a of articles) expect(a.identification!.length).toBeGreaterThan(80);
  });
});
