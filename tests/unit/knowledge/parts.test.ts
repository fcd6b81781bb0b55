import { describe, expect, it } from 'vitest';
import { joinKnowledgeBase, splitKnowledgeBase } from '../../../src/knowledge/parts.ts';
import { loadKnowledgeBase } from '../../../src/knowledge/load.ts';

describe('the knowledge base in two parts', () => {
  const kb = loadKnowledgeBase({ seedsDir: false });
  const { core, details } = splitKnowledgeBase(kb);

  it('joins back into the whole base (without the aliases notes, which are for maintainers)', () => {
    const withoutNotes = { ...kb, entities: kb.entities.map((e) => ({ ...e, aliases: e.aliases.map(({ text, case: c }) => ({ text, case: c })) })) };
    expect(joinKnowledgeBase(core, details)).toEqual(withoutNotes);
  });

  it('before the details load, has every company and claim the engine and the page summary read', () => {
    const early = joinKnowledgeBase(core);
    const names = (entities: typeof kb.entities) => entities.map((e) => [e.id, e.name, e.aliases.map((a) => `${a.text}/${a.case}`), e.native]);
    expect(names(early.entities)).toEqual(names(kb.entities));
    expect(early.claims.map((c) => [c.id, c.entities, c.cues])).toEqual(kb.claims.map((c) => [c.id, c.entities, c.cues]));
    // Texts for readers come with the overlay module (the popup has its own copy).
    expect(early.claims.every((c) => c.summary === '' && c.madeBy === '')).toBe(true);
    expect(early.sources).toEqual([]);
    expect(early.excerpts).toEqual([]);
    expect(early.entities.every((e) => e.description === '')).toBe(true);
  });
});
