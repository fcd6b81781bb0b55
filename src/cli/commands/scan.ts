/**
 * `fact-context scan [--json] <file.html | file.txt | ->`: runs the very engine the extension
 * bundles over a saved page (through happy-dom and the page text model), a text file or stdin,
 * and prints what it finds: JSON for tools, or a report for a person.
 */
import { readFile, stat } from 'node:fs/promises';
import { Window } from 'happy-dom';
import { KnowledgeBaseError, loadKnowledgeBase } from '../../knowledge/load.ts';
import type { Excerpt, KnowledgeBase } from '../../knowledge/types.ts';
import { createEngine } from '../../match/engine.ts';
import type { ScanResult } from '../../match/types.ts';
import { buildTextModel } from '../../page/text-model.ts';
import type { CliIO, Command } from '../main.ts';

const USAGE = `Usage: fact-context scan [--json] <file.html | file.txt | ->

Finds the covered companies and claims in a saved page (.html/.htm, or any file that looks like
HTML: only its content text is read, as the extension reads it), a text file, or stdin (-).

  --json   print { "mentions": [...], "claims": [...] } with offsets into the content text
`;

/** A problem with the input, reported as one line naming it. */
class InputError extends Error {}

async function readStdin(io: CliIO): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of io.stdin()) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks);
}

async function readInput(path: string, io: CliIO): Promise<string> {
  let bytes: Buffer;
  if (path === '-') {
    bytes = await readStdin(io);
  } else {
    try {
      if ((await stat(path)).isDirectory()) throw new InputError('is a directory, not a file');
      bytes = await readFile(path);
    } catch (error) {
      if (error instanceof InputError) throw error;
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') throw new InputError('no such file');
      if (code === 'EACCES' || code === 'EPERM') throw new InputError('cannot be read (permission denied)');
      throw new InputError(`cannot be read (${code ?? (error as Error).message})`);
    }
  }
  if (bytes.includes(0)) throw new InputError('looks binary (it contains NUL bytes), not text or HTML');
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new InputError('is not valid UTF-8 text');
  }
}

const HTML_START = /^\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html|head|body)[\s>]/i;

/**
 * A saved page's content text and title (its `<title>` and first `<h1>`), read with the
 * extension's own text model, as `scan` reads it.
 */
export function readPage(html: string): { text: string; title: string } {
  // DOMParser runs no scripts and loads nothing: a saved page cannot reach the network.
  const window = new Window({ settings: { disableJavaScriptFileLoading: true, disableCSSFileLoading: true } });
  try {
    const document = new window.DOMParser().parseFromString(html, 'text/html');
    const heading = document.querySelector('h1')?.textContent?.trim() ?? '';
    const title = [document.title.trim(), heading].filter(Boolean).join('\n');
    return { text: buildTextModel(document.body as unknown as Node).text, title };
  } finally {
    void window.happyDOM.close();
  }
}

/** Plain text: the first non-empty line stands for the headline. */
function plainText(text: string): { text: string; title: string } {
  return { text, title: text.split('\n').find((line) => line.trim())?.trim() ?? '' };
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function excerptLine(kb: KnowledgeBase, excerpt: Excerpt): string {
  const source = kb.sources.find((s) => s.id === excerpt.source);
  const citing = excerpt.citing ? kb.sources.find((s) => s.id === excerpt.citing) : undefined;
  const speaker = excerpt.speaker ? [excerpt.speaker.name, excerpt.speaker.role].filter(Boolean).join(', ') : 'unattributed';
  const where = [source?.outlet ?? excerpt.source, source?.date].filter(Boolean).join(', ');
  const via = citing ? `, citing ${citing.outlet}` : '';
  return `      ${excerpt.kind}: ${speaker} (${where}${via}): “${excerpt.quote}”\n`;
}

/** The report a person reads: companies with their counts, then claims with the other side. */
function report(kb: KnowledgeBase, name: string, kind: string, text: string, result: ScanResult): string {
  let out = `${name} (${kind}, ${plural(text.length, 'character')} of content text)\n\n`;
  const byEntity = new Map<string, Map<string, number>>();
  for (const m of result.mentions) {
    const spellings = byEntity.get(m.entity) ?? new Map<string, number>();
    spellings.set(m.text, (spellings.get(m.text) ?? 0) + 1);
    byEntity.set(m.entity, spellings);
  }
  out += byEntity.size === 0 ? 'Companies: none found\n' : `Companies (${byEntity.size}):\n`;
  for (const [id, spellings] of byEntity) {
    const entity = kb.entities.find((e) => e.id === id);
    const total = [...spellings.values()].reduce((a, b) => a + b, 0);
    const seen = [...spellings].map(([s, n]) => `“${s}” ×${n}`).join(', ');
    out += `  ${entity?.name ?? id}: ${plural(total, 'mention')} (${seen})\n`;
  }

  const byClaim = new Map<string, ScanResult['claims']>();
  for (const c of result.claims) byClaim.set(c.claim, [...(byClaim.get(c.claim) ?? []), c]);
  out += byClaim.size === 0 ? '\nClaims: none found\n' : `\nClaims (${byClaim.size}):\n`;
  for (const [id, matches] of byClaim) {
    const claim = kb.claims.find((c) => c.id === id);
    out += `  ${id}\n    ${claim?.summary ?? ''}\n    Made by ${claim?.madeBy ?? '?'}, first reported ${claim?.firstReported ?? '?'}.\n`;
    out += `    Stated in ${plural(matches.length, 'sentence')}:\n`;
    for (const m of matches) {
      const who = m.entities.map((e) => kb.entities.find((x) => x.id === e)?.name ?? e).join(', ');
      out += `      [${m.start}–${m.end}] “${m.text}”\n        about ${who}; cues: ${m.cues.join(', ')}\n`;
    }
    const answers = kb.excerpts.filter((e) => e.claims.includes(id) && (e.kind === 'denial' || e.kind === 'response'));
    out += answers.length === 0 ? '    Denials and responses: none on record.\n' : '    Denials and responses:\n';
    for (const excerpt of answers) out += excerptLine(kb, excerpt);
  }
  return out;
}

/** Entry point of `fact-context scan`. */
export const scan: Command = async (args, io) => {
  let json = false;
  const inputs: string[] = [];
  for (const arg of args) {
    if (arg === '--json') json = true;
    else if (arg === '--help' || arg === '-h') {
      io.stdout(USAGE);
      return 0;
    } else if (arg.startsWith('-') && arg !== '-') {
      io.stderr(`fact-context scan: unknown option "${arg}"\n\n${USAGE}`);
      return 2;
    } else inputs.push(arg);
  }
  if (inputs.length !== 1) {
    io.stderr(`fact-context scan: give exactly one file (or - for stdin)\n\n${USAGE}`);
    return 2;
  }
  const path = inputs[0]!;
  const name = path === '-' ? 'stdin' : path;

  let content: string;
  try {
    content = await readInput(path, io);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    io.stderr(`fact-context scan: ${name}: ${error.message}\n`);
    return 1;
  }
  let kb: KnowledgeBase;
  try {
    kb = loadKnowledgeBase({ seedsDir: false });
  } catch (error) {
    if (!(error instanceof KnowledgeBaseError)) throw error;
    io.stderr(`fact-context scan: the knowledge base is invalid; run "fact-context kb" for the ${plural(error.problems.length, 'problem')}\n`);
    return 1;
  }

  const isHtml = /\.html?$/i.test(path) || HTML_START.test(content);
  const { text, title } = isHtml ? readPage(content) : plainText(content);
  const result = createEngine(kb).scan(text, { title });
  if (json) {
    const shaped = {
      mentions: result.mentions.map(({ entity, text: t, start, end }) => ({ entity, text: t, start, end })),
      claims: result.claims.map(({ claim, text: t, start, end, entities, cues }) => ({ claim, text: t, start, end, entities, cues })),
    };
    io.stdout(`${JSON.stringify(shaped, null, 2)}\n`);
  } else {
    io.stdout(report(kb, name, isHtml ? 'HTML page' : 'text', text, result));
  }
  return 0;
};
