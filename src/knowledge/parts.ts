/**
 * The knowledge base in two parts, so the content script can carry only what it needs on every
 * page. The detector and the hover card's summary need the companies and the claims (the
 * core); the verbatim excerpts and their sources are read only once the reader opens the card
 * or the sidebar, so they ship in the overlay module that loads then.
 */
import type { KnowledgeBase } from './types.ts';

/** What the engine and the content script's findings need on every page. */
export type KnowledgeCore = Pick<KnowledgeBase, 'entities' | 'claims'>;

/** What only the overlay shows: the quotes and who published them. */
export type KnowledgeExcerpts = Pick<KnowledgeBase, 'sources' | 'excerpts'>;

/**
 * Splits a compiled knowledge base into its core and its excerpts. The core leaves out the
 * aliases' notes, which are for maintainers (the CLI prints them) and weigh on every page.
 */
export function splitKnowledgeBase(kb: KnowledgeBase): { core: KnowledgeCore; excerpts: KnowledgeExcerpts } {
  const entities = kb.entities.map((entity) => ({ ...entity, aliases: entity.aliases.map(({ text, case: letterCase }) => ({ text, case: letterCase })) }));
  return { core: { entities, claims: kb.claims }, excerpts: { sources: kb.sources, excerpts: kb.excerpts } };
}

/**
 * A whole knowledge base from its parts; without the excerpts (not loaded yet), one with no
 * sources and no excerpts, which is all the engine and the page summary read.
 */
export function joinKnowledgeBase(core: KnowledgeCore, excerpts?: KnowledgeExcerpts): KnowledgeBase {
  return { entities: core.entities, claims: core.claims, sources: excerpts?.sources ?? [], excerpts: excerpts?.excerpts ?? [] };
}
