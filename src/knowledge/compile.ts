/**
 * Turns the parsed raw data files into a `KnowledgeBase`, or throws a `KnowledgeBaseError`
 * listing every problem. Pure: no file system, so the CLI, the Vite plugin and tests share it.
 */
import { KnowledgeBaseError } from './errors.ts';
import { claimSchema, declaredIds, entitySchema, parseList, rawExcerptSchema, sourceSchema } from './schema.ts';
import type { RawClaim, RawEntity, RawExcerpt, RawSource } from './schema.ts';
import { checkAliases, checkArticles, checkClaims, checkExcerpts, checkUniqueIds } from './checks.ts';
import type { Excerpt, KnowledgeBase } from './types.ts';

export { KnowledgeBaseError } from './errors.ts';

/** One data file, already JSON-parsed, with its path relative to the repository root. */
export interface RawFile {
  path: string;
  data: unknown;
}

/** Everything the compiler needs. */
export interface RawKnowledge {
  entities: RawFile;
  sources: RawFile;
  claims: RawFile;
  /** One file per article; the article's source id is the file name without `.json`. */
  excerpts: RawFile[];
  /**
   * The captured seed texts by file name, to check that quotes are verbatim. Leave out to
   * skip that check (the seeds live outside the repository and may be absent).
   */
  seeds?: Record<string, string>;
}

/** An element that passed its schema, with where it came from for messages. */
export interface Located<T> {
  file: string;
  index: number;
  value: T;
}

/** The source id an excerpt file stands for: `excerpts/the-hill-2018-06.json` -> `the-hill-2018-06`. */
export function excerptFileSourceId(path: string): string {
  const base = path.slice(path.lastIndexOf('/') + 1);
  return base.endsWith('.json') ? base.slice(0, -'.json'.length) : base;
}

function located<T>(file: string, items: { index: number; value: T }[]): Located<T>[] {
  return items.map(({ index, value }) => ({ file, index, value }));
}

/** Validates and compiles; throws `KnowledgeBaseError` with every problem found. */
export function compileKnowledgeBase(raw: RawKnowledge): KnowledgeBase {
  const problems: string[] = [];
  const entities = located<RawEntity>(raw.entities.path, parseList(raw.entities.path, raw.entities.data, entitySchema, problems));
  const sources = located<RawSource>(raw.sources.path, parseList(raw.sources.path, raw.sources.data, sourceSchema, problems));
  const claims = located<RawClaim>(raw.claims.path, parseList(raw.claims.path, raw.claims.data, claimSchema, problems));
  const excerptFiles = raw.excerpts.map((file) => ({
    file: file.path,
    source: excerptFileSourceId(file.path),
    excerpts: located<RawExcerpt>(file.path, parseList(file.path, file.data, rawExcerptSchema, problems)),
  }));
  const excerpts = excerptFiles.flatMap((f) => f.excerpts);

  checkUniqueIds(entities, 'entity', problems);
  checkUniqueIds(sources, 'source', problems);
  checkUniqueIds(claims, 'claim', problems);
  checkUniqueIds(excerpts, 'excerpt', problems);
  checkAliases(entities, problems);
  checkArticles(sources, problems);
  const ids = { entities: declaredIds(raw.entities.data), sources: declaredIds(raw.sources.data), claims: declaredIds(raw.claims.data) };
  checkClaims(claims, ids.entities, problems);
  checkExcerpts({ files: excerptFiles, ids, sources, claims, seeds: raw.seeds }, problems);

  if (problems.length > 0) throw new KnowledgeBaseError(problems);

  // Excerpts follow the order of sources.json so every consumer lists them the same way.
  const sourceOrder = new Map(sources.map((s, i) => [s.value.id, i]));
  const compiledExcerpts: Excerpt[] = excerptFiles
    .slice()
    .sort((a, b) => (sourceOrder.get(a.source) ?? 0) - (sourceOrder.get(b.source) ?? 0))
    .flatMap((f) => f.excerpts.map(({ value }) => ({ ...withoutUndefined(value), source: f.source })));
  return {
    entities: entities.map(({ value }) => ({ ...value, native: value.native ?? [] })),
    claims: claims.map(({ value }) => value),
    sources: sources.map(({ value }) => value),
    excerpts: compiledExcerpts.map(({ id, source, ...rest }) => ({ id, source, ...rest })),
  };
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
