/**
 * The synthetic news article of the browser bench: seeded, so every run reads the very same
 * page. Paragraphs of everyday words with inline markup (links, emphasis, bold), so a 1 MB
 * article has 30,000+ text nodes as a long real page would, and company names (real and
 * synthetic aliases of the bench knowledge base) about once per 40 words, some split across an
 * inline element boundary ("Deutsche <b>Telekom</b>"), which the text model must join.
 */
import { prng } from '../synthetic.ts';

/** One run of inline text: plain (tag null) or wrapped in an inline element. */
export type Run = [tag: 'a' | 'em' | 'strong' | 'b' | null, text: string];
/** A paragraph (`p`) or a subheading (`h2`). */
export interface Block {
  tag: 'p' | 'h2';
  runs: Run[];
}

const WORDS = (
  'the of and to in a is that for on with as was by at from it said officials company network ' +
  'networks equipment data access government report reported week year market phone phones users ' +
  'security intelligence carriers operators customers statement evidence would could not have been ' +
  'its their more than about after before also new first last people percent million billion ' +
  'country countries trade talks deal minister court police warrant investigation technology ' +
  'service services providers analysts industry shares investors revenue quarter growth ' +
  'regulators officials spokesperson according interview Tuesday Wednesday capital city'
).split(' ');

const INLINE: ReadonlyArray<Run[0]> = ['a', 'em', 'strong', 'b'];

/** The generator: deterministic for a seed; `blocks(size)` continues where the last call ended. */
export function articleGenerator(names: readonly string[], seed = 1500) {
  const rand = prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  // Squared: the words early in the list (the, of, and...) come up most, as in real prose.
  const word = (): string => WORDS[Math.floor(rand() * rand() * WORDS.length)]!;

  function sentence(): string {
    const out: string[] = [];
    const n = 8 + Math.floor(rand() * 18);
    for (let i = 0; i < n; i++) out.push(rand() < 0.025 ? pick(names) : word());
    const s = out.join(' ');
    return `${s[0]!.toUpperCase()}${s.slice(1)}.`;
  }

  /** A paragraph cut into runs of a few words, every other run inside an inline element. */
  function paragraph(): Block {
    const words = Array.from({ length: 2 + Math.floor(rand() * 2) }, sentence).join(' ').split(' ');
    const runs: Run[] = [];
    let i = 0;
    let inline = rand() < 0.5;
    while (i < words.length) {
      const take = 2 + Math.floor(rand() * 6);
      const text = words.slice(i, i + take).join(' ');
      i += take;
      // Spaces sit outside inline elements, as in most markup.
      runs.push(inline ? [pick(INLINE), text] : [null, `${runs.length > 0 ? ' ' : ''}${text}${i < words.length ? ' ' : ''}`]);
      inline = !inline;
    }
    return { tag: 'p', runs };
  }

  return {
    /** Blocks holding about `size` characters of text. */
    blocks(size: number): Block[] {
      const out: Block[] = [];
      let length = 0;
      while (length < size) {
        const block = out.length % 12 === 11 ? { tag: 'h2' as const, runs: [[null, sentence()] as Run] } : paragraph();
        out.push(block);
        length += block.runs.reduce((n, [, text]) => n + text.length, 0);
      }
      return out;
    },
  };
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const escape = (text: string): string => text.replace(/[&<>"]/g, (c) => ESCAPES[c]!);

/** The blocks as HTML markup (text escaped). */
export function blocksToHtml(blocks: readonly Block[]): string {
  return blocks
    .map(({ tag, runs }) => {
      const inner = runs.map(([inline, text]) => (inline ? `<${inline}${inline === 'a' ? ' href="#"' : ''}>${escape(text)}</${inline}>` : escape(text))).join('');
      return `<${tag}>${inner}</${tag}>`;
    })
    .join('\n');
}

/** A whole static news page (no scripts) around the blocks. */
export function articlePage(blocks: readonly Block[]): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Bench: a long synthetic article</title>
<style>body { font: 17px/1.6 Georgia, serif; max-width: 46rem; margin: 0 auto; padding: 1rem; }</style>
</head>
<body>
<header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/tech">Technology</a></nav></header>
<main>
<article id="story">
<h1>A long synthetic article about networks, carriers and their suppliers</h1>
${blocksToHtml(blocks)}
</article>
</main>
<footer><p>Bench page, generated from a fixed seed.</p></footer>
</body>
</html>
`;
}
