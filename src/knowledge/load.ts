/**
 * Reads the knowledge-base data files from disk (Node only) and compiles them. Used by the
 * CLI, the Vite plugin and tests; the extension itself only ever sees the compiled JSON.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileKnowledgeBase } from './compile.ts';
import type { RawFile, RawKnowledge } from './compile.ts';
import { KnowledgeBaseError } from './errors.ts';
import { parseJsonWithPosition } from './json-errors.ts';
import type { KnowledgeBase } from './types.ts';

export { KnowledgeBaseError } from './errors.ts';

/** The repository root: this file lives in `src/knowledge/`. */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** Where the data files live unless told otherwise. */
export const DEFAULT_DATA_DIR = join(REPO_ROOT, 'src', 'knowledge', 'data');
/** Where the captured source articles live: beside the repository, shared by the team. */
export const DEFAULT_SEEDS_DIR = resolve(REPO_ROOT, '..', 'shared', 'seeds');

export interface LoadOptions {
  /** The data directory (default `src/knowledge/data`). */
  dataDir?: string;
  /**
   * The seed articles, to check that every quote is verbatim. Default `../shared/seeds`
   * beside the repository, skipped with a note when absent; `false` skips the check.
   */
  seedsDir?: string | false;
  /** Receives remarks that are not problems, e.g. that the seed check was skipped. */
  onNote?: (note: string) => void;
}

/** What was read, before compiling. */
export interface ReadResult {
  raw: RawKnowledge;
  /** Absolute paths of every file read (for watchers). */
  files: string[];
  notes: string[];
}

/** Path for messages: relative to the repository root, with forward slashes. */
function display(path: string): string {
  const rel = relative(REPO_ROOT, path);
  return (rel.startsWith('..') || isAbsolute(rel) ? path : rel).split(sep).join('/');
}

function readJson(path: string, problems: string[]): RawFile {
  const file = display(path);
  if (!existsSync(path)) {
    problems.push(`${file}: (file): missing`);
    return { path: file, data: [] };
  }
  try {
    return { path: file, data: parseJsonWithPosition(readFileSync(path, 'utf8')) };
  } catch (error) {
    problems.push(`${file}: ${error instanceof Error ? error.message : String(error)}`);
    return { path: file, data: [] };
  }
}

function isDirectory(path: string): boolean {
  return existsSync(path) && statSync(path).isDirectory();
}

/**
 * Reads every data file and the seeds. Throws `KnowledgeBaseError` when a file is missing or
 * is not JSON: the cross-file checks would only drown that in follow-on noise.
 */
export function readKnowledgeFiles(opts: LoadOptions = {}): ReadResult {
  const dataDir = resolve(opts.dataDir ?? DEFAULT_DATA_DIR);
  const problems: string[] = [];
  const notes: string[] = [];
  const files: string[] = [];
  const read = (path: string) => {
    files.push(path);
    return readJson(path, problems);
  };

  const entities = read(join(dataDir, 'entities.json'));
  const sources = read(join(dataDir, 'sources.json'));
  const claims = read(join(dataDir, 'claims.json'));
  const excerptDir = join(dataDir, 'excerpts');
  const excerpts = isDirectory(excerptDir)
    ? readdirSync(excerptDir)
        .filter((name) => name.endsWith('.json'))
        .sort()
        .map((name) => read(join(excerptDir, name)))
    : [];
  if (problems.length > 0) throw new KnowledgeBaseError(problems);

  const raw: RawKnowledge = { entities, sources, claims, excerpts };
  const seedsDir = opts.seedsDir === undefined ? DEFAULT_SEEDS_DIR : opts.seedsDir;
  if (seedsDir === false) {
    notes.push('verbatim-quote check skipped (seedsDir: false)');
  } else if (!isDirectory(seedsDir)) {
    if (opts.seedsDir !== undefined) throw new KnowledgeBaseError([`${display(seedsDir)}: (folder): seeds folder not found`]);
    notes.push(`verbatim-quote check skipped: no seeds folder at ${display(seedsDir)}`);
  } else {
    raw.seeds = {};
    for (const name of readdirSync(seedsDir).filter((n) => n.endsWith('.txt'))) {
      raw.seeds[name] = readFileSync(join(seedsDir, name), 'utf8');
    }
  }
  return { raw, files, notes };
}

/**
 * Reads, validates and compiles the knowledge base. Throws `KnowledgeBaseError` listing every
 * problem as `<file relative to repo>: <field path>: <problem>`.
 */
export function loadKnowledgeBase(opts: LoadOptions = {}): KnowledgeBase {
  const { raw, notes } = readKnowledgeFiles(opts);
  notes.forEach((note) => opts.onNote?.(note));
  return compileKnowledgeBase(raw);
}
