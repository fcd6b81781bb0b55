/**
 * The shapes of the bundled knowledge base, after compilation.
 *
 * The raw data lives in `src/knowledge/data/` (see its README); `schema.ts` validates it with
 * messages naming the file, the field and the problem, and `compile.ts` turns it into a
 * `KnowledgeBase`. Everything downstream (engine, UI, CLI) reads only these types.
 */

/** Dates are ISO-8601 at the precision the text allows: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
export type IsoDate = string;

/** How an alias is compared with page text. */
export type AliasCase =
  /** Exactly as written: `TCL` (not the language `Tcl`), `BlackBerry` (not the fruit). */
  | 'sensitive'
  /** Any letter case: `Huawei`, `HUAWEI`, `huawei`. */
  | 'insensitive';

export interface Alias {
  text: string;
  case: AliasCase;
  /** Why this alias and its case rule exist, for maintainers (optional). */
  note?: string;
}

export interface Entity {
  /** Stable kebab-case id, e.g. `huawei`, `deutsche-telekom`. */
  id: string;
  /** Display name, e.g. `Huawei`. */
  name: string;
  /** One line for readers. */
  description: string;
  /** Every spelling the detector finds, the display name included. */
  aliases: Alias[];
  /** Names in other scripts (华为, 中兴, 联想), matched inside unspaced CJK text. */
  native: string[];
}

export type SourceType =
  /** An article in the knowledge base (one of the seeds); excerpts are quoted from it. */
  | 'article'
  /** An outlet an article cites or relays ("Gizmodo, citing The New York Times"). */
  | 'outlet';

export interface Source {
  /** Stable id, e.g. `gizmodo-2018-06-facebook-huawei` or `nyt`. */
  id: string;
  type: SourceType;
  /** The outlet's name: `Gizmodo`, `The New York Times`. */
  outlet: string;
  /** For articles: the headline as published. */
  headline?: string;
  /** For articles: publication date at the precision the text gives. */
  date?: IsoDate;
  /** For articles: how the outlet and date were identified from the captured text. */
  identification?: string;
  /** For articles: the seed file it was captured as (`000_785b0896c558da9f.txt`). */
  seed?: string;
}

export type ExcerptKind =
  /** The claim as reported or stated by its makers. */
  | 'report'
  /** An official denial by the accused. */
  | 'denial'
  /** An official response that is not a flat denial (explanation, clarification). */
  | 'response'
  /** Background that helps a reader weigh the claim. */
  | 'context'
  /** A reader comment: not a source of record, hidden by default. */
  | 'comment';

export interface Speaker {
  /** `Joe Kelly`, or a description when unnamed: `A senior Huawei official`. */
  name: string;
  /** `Huawei spokesman`, `National Security Adviser`. */
  role?: string;
  /** The entity the speaker speaks for, when they speak for one. */
  entity?: string;
}

export interface Excerpt {
  /** Stable id, unique across the knowledge base. */
  id: string;
  /** The article (source id, type `article`) the quote is taken from, verbatim. */
  source: string;
  /** The outlet the article relays for this passage (source id, type `outlet`), if any. */
  citing?: string;
  /** Verbatim text from the source (whitespace may be normalised, words never). */
  quote: string;
  kind: ExcerptKind;
  speaker?: Speaker;
  /** Claim ids this excerpt belongs to (at least one). */
  claims: string[];
}

/**
 * What the detector looks for in a sentence to recognise a claim. A sentence matches when it
 * names one of the claim's subject entities (or names no company but uses one of the
 * `references` while the page is about a subject) and contains a term from every group (of
 * `groups`, or of one of the `alternatives`), and no `exclude` term.
 * Terms are words or phrases, matched whole-word and in any letter case; a trailing `*` makes
 * the last word a prefix (`intercept*`). A term always starts at a word start (`ban` never
 * finds `urban`), but `ban*` finds `banks` too: list the word forms (`ban`, `bans`, `banned`)
 * when the stem is also a shorter word.
 */
export interface ClaimCues {
  /** Entity ids that must be the subject; defaults to the claim's `entities`. */
  subjects?: string[];
  /** Named groups of terms; one term of every group must occur. */
  groups: CueGroup[];
  /**
   * Other ways to state the claim: each is a list of groups that must all occur, like
   * `groups`. For a claim with a strong phrase of its own ("entity list") beside a weaker
   * pair ("barred" + "suppliers").
   */
  alternatives?: CueGroup[][];
  /** Terms that veto a match in the same sentence. */
  exclude?: string[];
  /** Descriptions that can stand for a subject when the page is about it ("the Chinese vendor"). */
  references?: string[];
}

export interface CueGroup {
  name: string;
  terms: string[];
}

export interface Claim {
  /** Stable kebab-case id, e.g. `huawei-lawful-interception-access`. */
  id: string;
  /** One line for readers. */
  summary: string;
  /** Entity ids the claim is about. */
  entities: string[];
  /** Who makes the claim: "U.S. officials, via The Wall Street Journal". */
  madeBy: string;
  /** When it was first reported, at the precision known. */
  firstReported: IsoDate;
  cues: ClaimCues;
}

/** The compiled knowledge base: what the extension bundles and `fact-context kb --json` prints. */
export interface KnowledgeBase {
  entities: Entity[];
  claims: Claim[];
  sources: Source[];
  excerpts: Excerpt[];
}
