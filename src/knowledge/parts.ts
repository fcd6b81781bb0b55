/**
 * The knowledge base in two parts, so the content script carries only what it needs on every
 * page. Matching and the popup's list of findings need the companies' names and the claims'
 * cues (the core); the verbatim excerpts, their sources and the lines that describe a company
 * or a claim are read only once the reader opens the card or the sidebar, so they ship in the
 * overlay module that loads then (the details). The popup is an extension page: it bundles its
 * own copy, so a claim reaches it as an id.
 */
import type { Claim, Entity, KnowledgeBase } from './types.ts';

/** A company as the content script carries it: no description. */
export type CoreEntity = Omit<Entity, 'description'>;
/** A claim as the content script carries it: what matching needs, no text for readers. */
export type CoreClaim = Omit<Claim, ClaimText>;

/** The fields of a claim that only a reader reads. */
type ClaimText = 'summary' | 'madeBy' | 'firstReported';

/** What the engine and the content script's findings need on every page. */
export interface KnowledgeCore {
  entities: CoreEntity[];
  claims: CoreClaim[];
}

/** What only the overlay shows: the quotes, who published them, and the descriptive lines. */
export interface KnowledgeDetails extends Pick<KnowledgeBase, 'sources' | 'excerpts'> {
  /** Per company id, its description. */
  descriptions: Record<string, string>;
  /** Per claim id, its summary, who made it and when it was first reported. */
  claimTexts: Record<string, Pick<Claim, ClaimText>>;
}

/**
 * Splits a compiled knowledge base into its core and its details. The core also leaves out
 * the aliases' notes, which are for maintainers (the CLI prints them) and weigh on every page.
 */
export function splitKnowledgeBase(kb: KnowledgeBase): { core: KnowledgeCore; details: KnowledgeDetails } {
  const entities = kb.entities.map(({ description: _, aliases, ...entity }) => ({
    ...entity,
    aliases: aliases.map(({ text, case: letterCase }) => ({ text, case: letterCase })),
  }));
  const claims = kb.claims.map(({ summary: _, madeBy: __, firstReported: ___, ...claim }) => claim);
  const descriptions = Object.fromEntries(kb.entities.map((e) => [e.id, e.description]));
  const claimTexts = Object.fromEntries(kb.claims.map((c) => [c.id, { summary: c.summary, madeBy: c.madeBy, firstReported: c.firstReported }]));
  return { core: { entities, claims }, details: { sources: kb.sources, excerpts: kb.excerpts, descriptions, claimTexts } };
}

/**
 * A whole knowledge base from its parts. Without the details (not loaded yet) it has no sources
 * and no excerpts, and empty descriptions and claim texts: all the engine and the page summary
 * read is there, and nothing shows those fields before the overlay module, which brings them.
 */
export function joinKnowledgeBase(core: KnowledgeCore, details?: KnowledgeDetails): KnowledgeBase {
  return {
    entities: core.entities.map((e) => ({ ...e, description: details?.descriptions[e.id] ?? '' })),
    claims: core.claims.map((c) => ({ ...c, summary: '', madeBy: '', firstReported: '', ...details?.claimTexts[c.id] })),
    sources: details?.sources ?? [],
    excerpts: details?.excerpts ?? [],
  };
}
