/**
 * `fact-context kb [--json]`: prints the compiled knowledge base, as JSON or as a summary a
 * maintainer can read to check an edit. Invalid data prints every problem and exits 1.
 */
import { KnowledgeBaseError, loadKnowledgeBase } from '../../knowledge/load.ts';
import type { Alias, ExcerptKind, KnowledgeBase } from '../../knowledge/types.ts';
import type { Command } from '../main.ts';

const USAGE = `Usage: fact-context kb [--json] [--data <dir>]

Prints the compiled knowledge base: a summary (companies with their aliases, claims with
their excerpts by kind, sources), or with --json the whole base as JSON
({ entities, claims, sources, excerpts }). Exits 1 listing every problem if the data is invalid.

  --json          print JSON instead of the summary
  --data <dir>    read the data from <dir> instead of src/knowledge/data (to check an edit)
`;

const KINDS: ExcerptKind[] = ['report', 'denial', 'response', 'context', 'comment'];

/** Entry point of `fact-context kb`. */
export const kb: Command = async (args, io) => {
  let json = false;
  let dataDir: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--json') json = true;
    else if (arg === '--data' && args[i + 1] !== undefined) dataDir = args[++i];
    else if (arg === '--help' || arg === '-h') {
      io.stdout(USAGE);
      return 0;
    } else {
      io.stderr(`fact-context kb: unknown option "${arg}"\n\n${USAGE}`);
      return 2;
    }
  }
  let base: KnowledgeBase;
  try {
    base = loadKnowledgeBase({ dataDir, onNote: (note) => io.stderr(`fact-context kb: note: ${note}\n`) });
  } catch (error) {
    if (!(error instanceof KnowledgeBaseError)) throw error;
    io.stderr(`fact-context kb: the knowledge base is invalid (${error.problems.length}):\n${error.problems.map((p) => `  ${p}\n`).join('')}`);
    return 1;
  }
  io.stdout(json ? `${JSON.stringify(base, null, 2)}\n` : summarise(base));
  return 0;
}

function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function byKind(kinds: ExcerptKind[]): string {
  const parts = KINDS.map((kind) => [kind, kinds.filter((k) => k === kind).length] as const)
    .filter(([, n]) => n > 0)
    .map(([kind, n]) => `${n} ${kind}`);
  return parts.length > 0 ? parts.join(', ') : 'none';
}

function alias(a: Alias): string {
  return `${a.text} (${a.case === 'sensitive' ? 'exact case' : 'any case'})`;
}

/** The readable summary: counts, then companies, claims and sources, one block each. */
export function summarise(base: KnowledgeBase): string {
  const { entities, claims, sources, excerpts } = base;
  const articles = sources.filter((s) => s.type === 'article').length;
  const lines = [
    `Knowledge base: ${count(entities.length, 'company', 'companies')}, ${count(claims.length, 'claim')}, ` +
      `${count(sources.length, 'source')} (${count(articles, 'article')}, ${count(sources.length - articles, 'outlet')}), ` +
      `${count(excerpts.length, 'excerpt')} (${byKind(excerpts.map((e) => e.kind))})`,
    '',
    'Companies',
  ];
  for (const e of entities) {
    lines.push(`  ${e.id}: ${e.name}`, `    aliases: ${e.aliases.map(alias).join(', ')}`);
    if (e.native.length > 0) lines.push(`    native: ${e.native.join(', ')}`);
  }
  lines.push('', 'Claims');
  for (const c of claims) {
    const kinds = excerpts.filter((x) => x.claims.includes(c.id)).map((x) => x.kind);
    lines.push(
      `  ${c.id} [${c.entities.join(', ')}]`,
      `    ${c.summary}`,
      `    made by ${c.madeBy}; first reported ${c.firstReported}`,
      `    excerpts: ${byKind(kinds)}`,
    );
  }
  lines.push('', 'Sources');
  for (const s of sources) {
    if (s.type === 'article') {
      const n = excerpts.filter((x) => x.source === s.id).length;
      lines.push(`  ${s.id}: ${s.outlet}, ${s.date ?? 'undated'}: "${s.headline ?? ''}" (${count(n, 'excerpt')}, seed ${s.seed ?? '-'})`);
    } else {
      const n = excerpts.filter((x) => x.citing === s.id).length;
      lines.push(`  ${s.id}: ${s.outlet} (outlet, cited by ${count(n, 'excerpt')})`);
    }
  }
  return `${lines.join('\n')}\n`;
}
