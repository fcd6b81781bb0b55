/**
 * The detection engine: pure text matching, the same in the extension, the CLI and the tests.
 *
 * `createEngine(kb)` compiles every alias, native name and cue term into one Aho-Corasick
 * automaton (automaton.ts); `engine.scan(text, context)` is one pass over the text, then:
 * - mentions (engine.ts): whole words in any script (word starts are built into the automaton,
 *   word ends checked per hit; no rule inside Han/kana text), each alias's case rule,
 *   leftmost-longest, a space run for each space of a multi-word alias but never a `\n` (the
 *   text model's block separator), `Huawei's`/`Huawei’s`/`Huaweis` reported as `Huawei`;
 * - claims (claims.ts): only the sentences around cue terms that also name a claim's subject
 *   or use a reference to it, bounded cheaply first and by Intl.Segmenter only when a claim
 *   matches (sentences.ts; rules in evaluate.ts); a sentence states a claim when it
 *   hits every cue group (of `groups` or of an alternative), no exclude term, and names a
 *   subject, or names no company and uses a reference ("the company") while the subject is
 *   what the page is about (title, most mentioned, `context.about`) or was named last before
 *   it in the same paragraph.
 * Offsets are UTF-16 code units into `text`; case folding never changes them.
 */
export { createEngine, mostCounted, type Engine, type PreparedScan } from './engine.ts';
export type { ClaimMatch, Mention, ScanContext, ScanResult } from './types.ts';
