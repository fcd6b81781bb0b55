/**
 * What the overlay shows, derived from the marks on the page, the knowledge base and the
 * settings. Pure: the card, the sidebar and their tests all read the same view.
 */
import type { Claim, Entity, Excerpt, ExcerptKind, KnowledgeBase, Source } from '../knowledge/types.ts';
import type { Mark } from '../page/highlights.ts';
import { isEntityVisible, isExcerptVisible, type Settings } from '../settings/index.ts';

/** Kinds shown on the "responses" side, apart from the claim's reporting. */
export const RESPONSE_KINDS: ReadonlySet<ExcerptKind> = new Set(['denial', 'response']);

export interface ExcerptView {
  excerpt: Excerpt;
  citing?: Source;
  /** The excerpt's words appear on the page being read. */
  onPage: boolean;
}

/** Excerpts from one article, with the article's attribution. */
export interface SourceGroup {
  sourceId: string;
  source?: Source;
  excerpts: ExcerptView[];
}

export interface ClaimView {
  claim: Claim;
  subjects: Entity[];
  /** Sentences on this page that state the claim. */
  sentences: number;
  /** Cue terms that recognised it, as written on the page, without repeats. */
  cues: string[];
  /** Reports, context and comments, by source. */
  reports: SourceGroup[];
  /** Denials and responses, by source. */
  responses: SourceGroup[];
  /** Excerpts hidden by the source and kind switches. */
  hiddenExcerpts: number;
}

export interface CompanyView {
  entity: Entity;
  mentions: number;
  /** Switched off in the settings: listed, but not highlighted. */
  hidden: boolean;
  /** Claims about it recognised on this page. */
  claimsOnPage: string[];
  /** Further claims about it in the knowledge base. */
  otherClaims: string[];
}

export interface Findings {
  /** Companies in order of first mention. */
  companies: CompanyView[];
  /** Claims recognised on the page, in order of first sentence. */
  claimsOnPage: string[];
  /** Outlets whose excerpts belong to the claims on the page (hidden ones included), sorted. */
  outlets: string[];
  claim(id: string): ClaimView | undefined;
  company(id: string): CompanyView | undefined;
}

export interface FindingsInput {
  kb: KnowledgeBase;
  /** Every mark on the page, hidden entities included, in document order. */
  marks: readonly Mark[];
  settings: Settings;
  onPage: { has(quote: string): boolean };
}

/** Indexes of a knowledge base, built once per base. */
export interface KbIndex {
  entities: Map<string, Entity>;
  claims: Map<string, Claim>;
  sources: Map<string, Source>;
  excerptsByClaim: Map<string, Excerpt[]>;
  claimsByEntity: Map<string, Claim[]>;
}

const indexes = new WeakMap<KnowledgeBase, KbIndex>();

/** The knowledge base's lookup tables (cached per base). */
export function indexKb(kb: KnowledgeBase): KbIndex {
  let index = indexes.get(kb);
  if (index) return index;
  const excerptsByClaim = new Map<string, Excerpt[]>();
  for (const excerpt of kb.excerpts) {
    for (const id of excerpt.claims) {
      const list = excerptsByClaim.get(id) ?? [];
      list.push(excerpt);
      excerptsByClaim.set(id, list);
    }
  }
  const claimsByEntity = new Map<string, Claim[]>();
  for (const claim of kb.claims) {
    for (const id of claim.entities) claimsByEntity.set(id, [...(claimsByEntity.get(id) ?? []), claim]);
  }
  index = {
    entities: new Map(kb.entities.map((e) => [e.id, e])),
    claims: new Map(kb.claims.map((c) => [c.id, c])),
    sources: new Map(kb.sources.map((s) => [s.id, s])),
    excerptsByClaim,
    claimsByEntity,
  };
  indexes.set(kb, index);
  return index;
}

function group(excerpts: ExcerptView[], sources: Map<string, Source>): SourceGroup[] {
  const groups = new Map<string, SourceGroup>();
  for (const view of excerpts) {
    const id = view.excerpt.source;
    let entry = groups.get(id);
    if (!entry) {
      const source = sources.get(id);
      entry = source ? { sourceId: id, source, excerpts: [] } : { sourceId: id, excerpts: [] };
      groups.set(id, entry);
    }
    entry.excerpts.push(view);
  }
  // Oldest reporting first: the reader follows the story as it unfolded.
  return [...groups.values()].sort((a, b) => (a.source?.date ?? '').localeCompare(b.source?.date ?? ''));
}

/** Builds the view of everything found. */
export function buildFindings(input: FindingsInput): Findings {
  const { kb, marks, settings, onPage } = input;
  const index = indexKb(kb);
  const mentionCounts = new Map<string, number>();
  const sentences = new Map<string, Mark[]>();
  for (const mark of marks) {
    if (mark.kind === 'mention') {
      for (const id of mark.entities) mentionCounts.set(id, (mentionCounts.get(id) ?? 0) + 1);
    } else if (mark.claim !== undefined && index.claims.has(mark.claim)) {
      sentences.set(mark.claim, [...(sentences.get(mark.claim) ?? []), mark]);
    }
  }
  const claimsOnPage = [...sentences.keys()];
  // A company can come up only through a claim sentence ("the Chinese vendor"): list it too.
  for (const id of claimsOnPage) {
    for (const entity of index.claims.get(id)?.entities ?? []) if (!mentionCounts.has(entity)) mentionCounts.set(entity, 0);
  }

  const claimCache = new Map<string, ClaimView | undefined>();
  function claim(id: string): ClaimView | undefined {
    if (claimCache.has(id)) return claimCache.get(id);
    const found = index.claims.get(id);
    let view: ClaimView | undefined;
    if (found) {
      const all = index.excerptsByClaim.get(id) ?? [];
      const shown = all.filter((excerpt) => isExcerptVisible(settings, excerpt, index.sources));
      const views = shown.map((excerpt): ExcerptView => {
        const citing = excerpt.citing === undefined ? undefined : index.sources.get(excerpt.citing);
        const onPageHere = onPage.has(excerpt.quote);
        return citing ? { excerpt, citing, onPage: onPageHere } : { excerpt, onPage: onPageHere };
      });
      const seenCues = new Set<string>();
      const cues: string[] = [];
      for (const mark of sentences.get(id) ?? []) {
        for (const cue of mark.cues ?? []) {
          const key = cue.toLowerCase();
          if (!seenCues.has(key)) cues.push(cue);
          seenCues.add(key);
        }
      }
      view = {
        claim: found,
        subjects: found.entities.map((e) => index.entities.get(e)).filter((e): e is Entity => e !== undefined),
        sentences: sentences.get(id)?.length ?? 0,
        cues,
        reports: group(views.filter((v) => !RESPONSE_KINDS.has(v.excerpt.kind)), index.sources),
        responses: group(views.filter((v) => RESPONSE_KINDS.has(v.excerpt.kind)), index.sources),
        hiddenExcerpts: all.length - shown.length,
      };
    }
    claimCache.set(id, view);
    return view;
  }

  const companies: CompanyView[] = [];
  for (const [id, count] of mentionCounts) {
    const entity = index.entities.get(id);
    if (!entity) continue;
    const about = index.claimsByEntity.get(id) ?? [];
    companies.push({
      entity,
      mentions: count,
      hidden: !isEntityVisible(settings, id),
      claimsOnPage: about.filter((c) => sentences.has(c.id)).map((c) => c.id),
      otherClaims: about.filter((c) => !sentences.has(c.id)).map((c) => c.id),
    });
  }
  const byCompany = new Map(companies.map((c) => [c.entity.id, c]));

  const outlets = new Set<string>();
  for (const id of claimsOnPage) {
    for (const excerpt of index.excerptsByClaim.get(id) ?? []) {
      for (const sourceId of [excerpt.source, excerpt.citing]) {
        const outlet = sourceId === undefined ? undefined : index.sources.get(sourceId)?.outlet;
        if (outlet) outlets.add(outlet);
      }
    }
  }

  return {
    companies,
    claimsOnPage,
    outlets: [...outlets].sort((a, b) => a.localeCompare(b)),
    claim,
    company: (id) => byCompany.get(id),
  };
}

/**
 * Denials and responses shown for the claims (after the switches), for the hover card. An
 * excerpt answering two of the claims counts once.
 */
export function countResponses(findings: Findings, claimIds: readonly string[]): number {
  const ids = new Set<string>();
  for (const id of claimIds) for (const group of findings.claim(id)?.responses ?? []) for (const view of group.excerpts) ids.add(view.excerpt.id);
  return ids.size;
}
