/**
 * Cross-file checks of the knowledge base: ids unique, references resolved, aliases owned by
 * one company only, articles complete, every claim backed by a report, quotes verbatim.
 * Each pushes `<file>: <field path>: <problem>` messages; none throws.
 */
import type { Located } from './compile.ts';
import type { RawClaim, RawEntity, RawExcerpt, RawSource } from './schema.ts';

const at = (item: Located<unknown>, field = '') => `${item.file}: [${item.index}]${field}`;

/** Ids must be unique within their kind (excerpt ids across all excerpt files). */
export function checkUniqueIds(items: Located<{ id: string }>[], kind: string, problems: string[]): void {
  const first = new Map<string, Located<{ id: string }>>();
  for (const item of items) {
    const earlier = first.get(item.value.id);
    if (!earlier) {
      first.set(item.value.id, item);
      continue;
    }
    const where = earlier.file === item.file ? `[${earlier.index}]` : `${earlier.file} [${earlier.index}]`;
    problems.push(`${at(item, '.id')}: duplicate ${kind} id "${item.value.id}" (first used at ${where})`);
  }
}

interface AliasRef {
  entity: Located<RawEntity>;
  field: string;
  text: string;
  sensitive: boolean;
}

/** Two spellings collide when equal, or equal ignoring case and either one ignores case. */
function collide(a: AliasRef, b: AliasRef): boolean {
  return a.sensitive && b.sensitive ? a.text === b.text : a.text.toLowerCase() === b.text.toLowerCase();
}

/**
 * No alias or native name may belong to two companies (the detector could not tell whose it
 * is), none is listed twice, and the display name is one of the aliases.
 */
export function checkAliases(entities: Located<RawEntity>[], problems: string[]): void {
  const byLower = new Map<string, AliasRef[]>();
  for (const entity of entities) {
    const refs: AliasRef[] = [
      ...entity.value.aliases.map((alias, i) => ({ entity, field: `.aliases[${i}].text`, text: alias.text, sensitive: alias.case === 'sensitive' })),
      ...(entity.value.native ?? []).map((text, i) => ({ entity, field: `.native[${i}]`, text, sensitive: true })),
    ];
    for (const ref of refs) {
      const key = ref.text.toLowerCase();
      const bucket = byLower.get(key) ?? [];
      const clash = bucket.find((other) => collide(other, ref));
      if (clash) {
        problems.push(
          clash.entity === entity
            ? `${at(entity, ref.field)}: "${ref.text}" is listed twice for "${entity.value.id}"`
            : `${at(entity, ref.field)}: alias "${ref.text}" of "${entity.value.id}" also belongs to "${clash.entity.value.id}" (${at(clash.entity, clash.field)})`,
        );
      }
      bucket.push(ref);
      byLower.set(key, bucket);
    }
    const name = entity.value.name;
    const named = entity.value.aliases.some((a) => (a.case === 'sensitive' ? a.text === name : a.text.toLowerCase() === name.toLowerCase()));
    if (!named) problems.push(`${at(entity, '.aliases')}: the display name "${name}" is not among the aliases`);
  }
}

/** Articles carry what a reader needs to weigh them; outlets are only named. */
export function checkArticles(sources: Located<RawSource>[], problems: string[]): void {
  const seeds = new Map<string, Located<RawSource>>();
  for (const source of sources) {
    const s = source.value;
    if (s.type === 'article') {
      for (const field of ['headline', 'date', 'identification', 'seed'] as const) {
        if (s[field] === undefined) problems.push(`${at(source, `.${field}`)}: required for an article`);
      }
      if (s.seed !== undefined) {
        const other = seeds.get(s.seed);
        if (other) problems.push(`${at(source, '.seed')}: seed "${s.seed}" is already the seed of "${other.value.id}"`);
        seeds.set(s.seed, source);
      }
    } else if (s.seed !== undefined) {
      problems.push(`${at(source, '.seed')}: only an article has a seed`);
    }
  }
}

/** Claim entities and cue subjects must be known entities (`known`: every declared entity id). */
export function checkClaims(claims: Located<RawClaim>[], known: Set<string>, problems: string[]): void {
  for (const claim of claims) {
    claim.value.entities.forEach((id, i) => {
      if (!known.has(id)) problems.push(`${at(claim, `.entities[${i}]`)}: unknown entity "${id}"`);
    });
    claim.value.cues.subjects?.forEach((id, i) => {
      if (!known.has(id)) problems.push(`${at(claim, `.cues.subjects[${i}]`)}: unknown entity "${id}"`);
    });
  }
}

/** Whitespace differs between captures and copies; words and punctuation must not. */
export function normaliseQuoteText(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

interface ExcerptContext {
  files: { file: string; source: string; excerpts: Located<RawExcerpt>[] }[];
  /** Every declared id, valid element or not, so broken elements do not cascade. */
  ids: { entities: Set<string>; sources: Set<string>; claims: Set<string> };
  sources: Located<RawSource>[];
  claims: Located<RawClaim>[];
  seeds: Record<string, string> | undefined;
}

/** Excerpt files name an article; excerpts reference known ids and quote their seed verbatim. */
export function checkExcerpts(ctx: ExcerptContext, problems: string[]): void {
  const sources = new Map(ctx.sources.map((s) => [s.value.id, s.value]));
  const { entities, claims } = ctx.ids;
  const reported = new Set<string>();
  const normalisedSeeds = new Map<string, string>();

  for (const { file, source: sourceId, excerpts } of ctx.files) {
    const source = sources.get(sourceId);
    if (!ctx.ids.sources.has(sourceId)) {
      problems.push(`${file}: (file): the file name names no source: add "${sourceId}" to sources.json or rename the file`);
    } else if (source && source.type !== 'article') {
      problems.push(`${file}: (file): "${sourceId}" is an outlet; excerpts are quoted from articles only`);
    }
    const seedName = source?.type === 'article' ? source.seed : undefined;
    let seed: string | undefined;
    if (ctx.seeds && seedName !== undefined) {
      seed = normalisedSeeds.get(seedName);
      if (seed === undefined && ctx.seeds[seedName] !== undefined) {
        seed = normaliseQuoteText(ctx.seeds[seedName]);
        normalisedSeeds.set(seedName, seed);
      }
      if (seed === undefined) problems.push(`${file}: (file): seed file "${seedName}" of "${sourceId}" was not found`);
    }

    for (const excerpt of excerpts) {
      const e = excerpt.value;
      e.claims.forEach((id, i) => {
        if (!claims.has(id)) problems.push(`${at(excerpt, `.claims[${i}]`)}: unknown claim "${id}"`);
        else if (e.kind === 'report') reported.add(id);
      });
      if (e.speaker?.entity !== undefined && !entities.has(e.speaker.entity)) {
        problems.push(`${at(excerpt, '.speaker.entity')}: unknown entity "${e.speaker.entity}"`);
      }
      if (e.citing !== undefined) {
        const cited = sources.get(e.citing);
        if (!ctx.ids.sources.has(e.citing)) problems.push(`${at(excerpt, '.citing')}: unknown source "${e.citing}"`);
        else if (cited && cited.type !== 'outlet') problems.push(`${at(excerpt, '.citing')}: "${e.citing}" is an article, not an outlet`);
      }
      if (seed !== undefined && !seed.includes(normaliseQuoteText(e.quote))) {
        problems.push(`${at(excerpt, '.quote')}: not found verbatim in seed "${seedName}" (whitespace aside): "${abbreviate(e.quote)}"`);
      }
    }
  }

  for (const claim of ctx.claims) {
    if (!reported.has(claim.value.id)) {
      problems.push(`${at(claim, '.id')}: claim "${claim.value.id}" has no excerpt of kind "report"`);
    }
  }
}

function abbreviate(text: string): string {
  const flat = normaliseQuoteText(text);
  return flat.length > 60 ? `${flat.slice(0, 57)}...` : flat;
}
