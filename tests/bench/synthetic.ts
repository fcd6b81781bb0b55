import type { Entity, KnowledgeBase } from '../../src/knowledge/types.ts';

/** mulberry32: a tiny seeded PRNG, so every run scans the very same text. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// English as news prose uses it: the commonest words first (picked most often, see below),
// then news vocabulary, then cue terms of the bundled claims and words that contain an alias
// (`opportunity`, `Aztec`), which the word-boundary rule must refuse.
const WORDS = (
  'the of and to a in that is was he for it with as his on be at by this had not are but from ' +
  'or have an they which one were her all she there would their we him been has when who will ' +
  'more no if out so said what up its about into than them can only other new some could time ' +
  'these two may then do first any now such like our over even most made after also did many ' +
  'before must through back years where much way well down should because each just those ' +
  'people how too little state good very make world still own see work long get here between ' +
  'both being under never day same another while last might great year off since against ' +
  'officials company government report reported week market phone phones users statement ' +
  'customers minister court country countries trade talks million billion percent technology ' +
  'services providers police investigation warrant security intelligence evidence allegations ' +
  'network networks equipment data access carriers operators deal deals spying backdoor ' +
  'interception lawful wiretap opportunity opposition opportune aztec blackberries'
).split(' ');

const SYLLABLES = ('ka lo mi ne ra su ta vi zo qu rex lin dor bar cel fen gor hal jun kem ' +
  'pa ti mu sa ve no ri ko lu de ba fi go hu ja ze wo ny xi ty').split(' ');

/** A made-up company name: one to three invented words, e.g. `Kalomi Dorbar`. */
function fakeName(rand: () => number): string {
  const words = 1 + Math.floor(rand() * rand() * 3);
  const parts: string[] = [];
  for (let w = 0; w < words; w++) {
    let word = '';
    const n = 2 + Math.floor(rand() * 3);
    for (let s = 0; s < n; s++) word += SYLLABLES[Math.floor(rand() * SYLLABLES.length)];
    parts.push(word[0]!.toUpperCase() + word.slice(1));
  }
  return parts.join(' ');
}

/** The knowledge base plus made-up entities, until it holds `aliases` aliases in all. */
export function withSyntheticEntities(kb: KnowledgeBase, aliases: number, seed = 7): KnowledgeBase {
  const rand = prng(seed);
  const entities: Entity[] = [...kb.entities];
  let count = kb.entities.reduce((n, e) => n + e.aliases.length + e.native.length, 0);
  for (let i = 0; count < aliases; i++) {
    const name = fakeName(rand);
    const extra = count + 1 < aliases && rand() < 0.5 ? [{ text: `${name} Group`, case: 'insensitive' as const }] : [];
    const sensitive = rand() < 0.2;
    entities.push({
      id: `synthetic-${i}`,
      name,
      description: 'synthetic',
      aliases: [{ text: name, case: sensitive ? 'sensitive' : 'insensitive' }, ...extra],
      native: [],
    });
    count += 1 + extra.length;
  }
  return { ...kb, entities };
}

/**
 * About `size` characters of sentences made of everyday words, with real aliases of `kb` and
 * names of synthetic entities sprinkled in (roughly one name per 40 words), one sentence in
 * fifty taken from `claimSentences`, paragraphs separated by `\n` as the text model
 * separates blocks.
 */
export function syntheticText(kb: KnowledgeBase, size: number, seed = 42, claimSentences: readonly string[] = []): string {
  const rand = prng(seed);
  const names = kb.entities.flatMap((e) => [...e.aliases.map((a) => a.text), ...e.native]);
  const real = kb.entities.filter((e) => !e.id.startsWith('synthetic-')).flatMap((e) => e.aliases.map((a) => a.text));
  const parts: string[] = [];
  let length = 0;
  let sentence = 0;
  while (length < size) {
    // Now and then a sentence that states a claim, so the claim stage does real work too.
    if (claimSentences.length > 0 && rand() < 0.02) {
      const s = claimSentences[Math.floor(rand() * claimSentences.length)]!;
      parts.push(`${s} `);
      length += s.length + 1;
      continue;
    }
    const words = 8 + Math.floor(rand() * 18);
    const out: string[] = [];
    for (let w = 0; w < words; w++) {
      const r = rand();
      if (r < 0.012) out.push(real[Math.floor(rand() * real.length)]!);
      else if (r < 0.025) out.push(names[Math.floor(rand() * names.length)]!);
      // Cubed: words early in the list (the, of, and…) come up most, as in real prose.
      else out.push(WORDS[Math.floor(rand() * rand() * rand() * WORDS.length)]!);
    }
    let s = out.join(' ');
    s = s[0]!.toUpperCase() + s.slice(1) + '.';
    sentence++;
    const sep = sentence % 6 === 0 ? '\n' : ' ';
    parts.push(s + sep);
    length += s.length + 1;
  }
  return parts.join('').slice(0, size);
}
