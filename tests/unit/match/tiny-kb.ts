import type { Claim, Entity, KnowledgeBase } from '../../../src/knowledge/types.ts';

/** A hand-made knowledge base, so engine tests do not move when the bundled data is tuned. */
export function entity(id: string, aliases: Array<string | [string, 'sensitive']>, native: string[] = []): Entity {
  return {
    id,
    name: typeof aliases[0] === 'string' ? aliases[0] : (aliases[0]?.[0] ?? id),
    description: id,
    aliases: aliases.map((a) => (typeof a === 'string' ? { text: a, case: 'insensitive' } : { text: a[0], case: a[1] })),
    native,
  };
}

export function claim(id: string, entities: string[], cues: Claim['cues']): Claim {
  return { id, summary: id, entities, madeBy: 'test', firstReported: '2020', cues };
}

export const tinyKb: KnowledgeBase = {
  entities: [
    entity('huawei', ['Huawei', 'Huawei Technologies', 'Huawei Technologies Co.'], ['华为']),
    entity('zte', [['ZTE', 'sensitive']], ['中兴']),
    entity('oppo', ['Oppo']),
    entity('tcl', [['TCL', 'sensitive']]),
    entity('blackberry', [['BlackBerry', 'sensitive']]),
    entity('deutsche-telekom', ['Deutsche Telekom', 'Deutsche Telekom AG']),
    entity('facebook', ['Facebook']),
  ],
  claims: [
    claim('huawei-lawful-interception-access', ['huawei'], {
      groups: [
        { name: 'mechanism', terms: ['lawful interception', 'wiretap*', 'law enforcement'] },
        { name: 'access', terms: ['access*', 'tap into'] },
      ],
      exclude: ['court-ordered'],
      references: ['the company', 'the Chinese vendor'],
    }),
  ],
  sources: [],
  excerpts: [],
};
