/**
 * zod schemas for the raw, hand-edited data files in `src/knowledge/data/`, and the checks a
 * single file can make on its own. Cross-file checks (ids, references, alias clashes, quotes
 * in their seeds) live in `checks.ts`. Every message reads `<file>: <field path>: <problem>`.
 *
 * zod runs at build time and in the CLI only; the extension bundles the compiled JSON.
 */
import { z } from 'zod';

/** What a string field says when it is missing or of the wrong type. */
function text(what = 'a string') {
  return z.string({ error: (issue) => (issue.input === undefined ? 'required' : `expected ${what}`) });
}

/** A non-empty string, whitespace not counting. */
function nonEmpty(what = 'a string') {
  return text(what).refine((s) => s.trim().length > 0, { error: 'must not be empty' });
}

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A stable kebab-case id: `huawei`, `deutsche-telekom`. */
export const idSchema = text('a kebab-case id').regex(KEBAB, {
  error: 'expected a kebab-case id (lowercase letters, digits and single hyphens)',
});

/** True when `value` is `YYYY`, `YYYY-MM` or `YYYY-MM-DD` naming a real calendar date. */
export function isIsoDate(value: string): boolean {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (!m) return false;
  const month = m[2] === undefined ? 1 : Number(m[2]);
  const day = m[3] === undefined ? 1 : Number(m[3]);
  if (month < 1 || month > 12 || day < 1) return false;
  // Day 0 of the next month is the last day of this one (UTC, so no time-zone drift).
  const lastDay = new Date(Date.UTC(Number(m[1]), month, 0)).getUTCDate();
  return day <= lastDay;
}

const dateSchema = text('a date').refine(isIsoDate, {
  error: 'expected a real date as YYYY, YYYY-MM or YYYY-MM-DD',
});

/** One of a fixed set of words, with the choices spelled out in the message. */
function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  const quoted = values.map((v) => `"${v}"`);
  const choices = quoted.length > 1 ? `${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1)}` : quoted[0];
  return z.enum(values, { error: (issue) => (issue.input === undefined ? 'required' : `expected ${choices}`) });
}

function list<T extends z.ZodType>(item: T) {
  return z.array(item, { error: (issue) => (issue.input === undefined ? 'required' : 'expected a list') });
}

function record<T extends z.ZodRawShape>(shape: T) {
  return z.strictObject(shape, {
    error: (issue) => (issue.code === 'invalid_type' ? (issue.input === undefined ? 'required' : 'expected an object') : undefined),
  });
}

export const aliasSchema = record({
  text: nonEmpty(),
  case: oneOf(['sensitive', 'insensitive']),
  note: nonEmpty().optional(),
});

export const entitySchema = record({
  id: idSchema,
  name: nonEmpty(),
  description: nonEmpty(),
  aliases: list(aliasSchema).min(1, { error: 'needs at least one alias (the display name)' }),
  native: list(nonEmpty()).optional(),
});

export const sourceSchema = record({
  id: idSchema,
  type: oneOf(['article', 'outlet']),
  outlet: nonEmpty(),
  headline: nonEmpty().optional(),
  date: dateSchema.optional(),
  identification: nonEmpty().optional(),
  seed: nonEmpty().optional(),
});

/** A cue term: a word or phrase, optionally ending in `*` to make its last word a prefix. */
const termSchema = nonEmpty().refine((t) => !t.slice(0, -1).includes('*') && t.trim() !== '*', {
  error: 'a "*" may only end a term, after at least one letter',
});

const cueGroupSchema = record({ name: nonEmpty(), terms: list(termSchema).min(1, { error: 'needs at least one term' }) });

const cuesSchema = record({
  subjects: list(idSchema).optional(),
  groups: list(cueGroupSchema).min(1, {
    error: 'needs at least one group',
  }),
  alternatives: list(list(cueGroupSchema).min(1, { error: 'needs at least one group' })).optional(),
  exclude: list(termSchema).optional(),
  references: list(nonEmpty()).optional(),
});

export const claimSchema = record({
  id: idSchema,
  summary: nonEmpty(),
  entities: list(idSchema).min(1, { error: 'needs at least one entity' }),
  madeBy: nonEmpty(),
  firstReported: dateSchema,
  cues: cuesSchema,
});

export const speakerSchema = record({
  name: nonEmpty(),
  role: nonEmpty().optional(),
  entity: idSchema.optional(),
});

/** An excerpt as written in `excerpts/<source-id>.json`: its source is the file name. */
export const rawExcerptSchema = record({
  id: idSchema,
  citing: idSchema.optional(),
  quote: nonEmpty(),
  kind: oneOf(['report', 'denial', 'response', 'context', 'comment']),
  speaker: speakerSchema.optional(),
  claims: list(idSchema).min(1, { error: 'needs at least one claim' }),
});

export type RawEntity = z.infer<typeof entitySchema>;
export type RawSource = z.infer<typeof sourceSchema>;
export type RawClaim = z.infer<typeof claimSchema>;
export type RawExcerpt = z.infer<typeof rawExcerptSchema>;

/** Renders a zod path as `[3].aliases[0].case`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    out += typeof key === 'number' ? `[${key}]` : `${out ? '.' : ''}${String(key)}`;
  }
  return out || '(file)';
}

/**
 * Validates a file that must be a list of `item`s, one element at a time so that one broken
 * element neither hides the problems of the others nor drops the valid ones from later checks.
 */
export function parseList<T extends z.ZodType>(
  file: string,
  data: unknown,
  item: T,
  problems: string[],
): { index: number; value: z.infer<T> }[] {
  if (!Array.isArray(data)) {
    problems.push(`${file}: (file): expected a list ([...]) at the top level`);
    return [];
  }
  const valid: { index: number; value: z.infer<T> }[] = [];
  data.forEach((element: unknown, index) => {
    const result = item.safeParse(element);
    if (result.success) {
      valid.push({ index, value: result.data });
      return;
    }
    for (const issue of result.error.issues) {
      const message =
        issue.code === 'unrecognized_keys' ? `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}` : issue.message;
      problems.push(`${file}: ${formatPath([index, ...issue.path])}: ${message}`);
    }
  });
  return valid;
}

/**
 * The ids a file declares, its broken elements included: a reference to an element that
 * failed its schema is not also reported as unknown, which would only be noise.
 */
export function declaredIds(data: unknown): Set<string> {
  const ids = new Set<string>();
  if (Array.isArray(data)) {
    for (const element of data as unknown[]) {
      const id = (element as { id?: unknown } | null)?.id;
      if (typeof id === 'string') ids.add(id);
    }
  }
  return ids;
}
