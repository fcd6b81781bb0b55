import type { KnowledgeBase } from '../../../src/knowledge/types.ts';

/** A small knowledge base with one claim, reporting and responses from two outlets. */
export function tinyKb(): KnowledgeBase {
  return {
    entities: [
      { id: 'acme', name: 'Acme', description: 'A maker of phones.', aliases: [{ text: 'Acme', case: 'sensitive' }], native: [] },
      { id: 'globex', name: 'Globex', description: 'A social network.', aliases: [{ text: 'Globex', case: 'sensitive' }], native: [] },
    ],
    claims: [
      {
        id: 'acme-data',
        summary: 'Acme had access to Globex user data.',
        entities: ['acme', 'globex'],
        madeBy: 'The Daily Planet',
        firstReported: '2018-06',
        cues: { groups: [{ name: 'data', terms: ['data'] }] },
      },
      {
        id: 'acme-spying',
        summary: 'Acme equipment could be used for spying.',
        entities: ['acme'],
        madeBy: 'Officials',
        firstReported: '2019',
        cues: { groups: [{ name: 'spy', terms: ['spy*'] }], references: ['the company'] },
      },
    ],
    sources: [
      { id: 'gazette-1', type: 'article', outlet: 'The Gazette', headline: 'Acme and the data deal', date: '2018-06-06' },
      { id: 'herald-1', type: 'article', outlet: 'The Herald', headline: 'Acme denies it all', date: '2018-06-07' },
      { id: 'planet', type: 'outlet', outlet: 'The Daily Planet' },
    ],
    excerpts: [
      { id: 'g-report', source: 'gazette-1', citing: 'planet', quote: 'Acme was one of four companies with access to Globex user data.', kind: 'report', claims: ['acme-data'] },
      {
        id: 'g-denial',
        source: 'gazette-1',
        quote: '“We never collected or stored any Globex user data,” said Joe Kelly.',
        kind: 'denial',
        speaker: { name: 'Joe Kelly', role: 'Acme spokesman', entity: 'acme' },
        claims: ['acme-data'],
      },
      { id: 'h-report', source: 'herald-1', quote: 'Lawmakers said the deal raised serious questions about user data.', kind: 'report', claims: ['acme-data'] },
      { id: 'h-response', source: 'herald-1', quote: 'Acme said the integration was approved by Globex.', kind: 'response', claims: ['acme-data'] },
      { id: 'h-spy', source: 'herald-1', quote: 'Officials warned that Acme gear could spy on networks.', kind: 'report', claims: ['acme-spying'] },
    ],
  };
}
