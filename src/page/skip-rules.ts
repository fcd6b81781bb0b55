/**
 * Which elements are not article text. Decided per element from its tag name and a few
 * attributes, never from computed style (that would cost a style lookup per node on every
 * page); callers that can afford visibility checks pass an `isHidden` hook instead.
 *
 * Decisions, so the next person need not rediscover them:
 * - Chrome is skipped wherever it sits: nav, aside (pull quotes repeat the body, related boxes
 *   are not the article), form (comment and newsletter forms), and the landmark roles
 *   navigation, banner, contentinfo, complementary, search, plus toolbar/menu/menubar (share
 *   bars). `<header>`/`<footer>` are chrome only when they belong to the page, not to an
 *   article, section or main (an article's header holds its headline and byline).
 * - "Most read" / "latest stories" / "related" / "trending" / "promo" blocks are recognised
 *   by class or id, and only outside an `<article>` (inside one, "latest" may be a live-blog
 *   update).
 * - Reader comments that are not form fields are content: a reader may want company names
 *   highlighted there too, and no markup convention sets them apart reliably. Their Like and
 *   Reply buttons are skipped as form controls, their comment form as a form.
 * - `<svg>` and `<math>` are skipped: their text is labels and formulae, not prose.
 * - code, pre, kbd, samp are skipped: identifiers like `TCL` in code are not company names.
 * - Ruby annotations (`<rt>`, `<rp>`) are skipped so `<ruby>华<rt>huá</rt>为</ruby>` reads 华为.
 * - Not handled: open shadow roots (not walked), closed `<details>` bodies and custom elements
 *   styled as blocks (both need computed style; custom elements join like inline ones).
 */

/** Elements whose whole subtree never holds article prose. */
const SKIP_TAGS: ReadonlySet<string> = new Set([
  'script', 'style', 'noscript', 'template', 'svg', 'math', 'head', 'title', 'meta', 'link',
  'iframe', 'object', 'embed', 'canvas', 'video', 'audio', 'picture', 'map',
  'input', 'textarea', 'select', 'option', 'optgroup', 'button', 'datalist', 'output', 'progress', 'meter',
  'code', 'pre', 'kbd', 'samp',
  'nav', 'aside', 'form', 'menu',
  // Ruby annotations (pinyin, furigana) sit between the characters they annotate.
  'rt', 'rp',
]);

/** Skipped elements that still read as a break between the words around them. */
const BREAKING_SKIPS: ReadonlySet<string> = new Set([
  'input', 'textarea', 'select', 'button', 'iframe', 'object', 'embed', 'canvas', 'video', 'audio',
  'pre', 'nav', 'aside', 'form', 'menu', 'svg', 'math', 'header', 'footer', 'dialog',
]);

/**
 * Elements that start a new line of text. Text in two different blocks must not fuse
 * ("<p>Huawei</p><p>Oppo</p>" is not "HuaweiOppo"); inline elements join.
 */
export const BLOCK_TAGS: ReadonlySet<string> = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details',
  'dialog', 'dir', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'html', 'legend', 'li', 'listing',
  'main', 'menu', 'nav', 'ol', 'p', 'plaintext', 'pre', 'search', 'section', 'summary', 'table',
  'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul', 'xmp', 'br',
]);

const CHROME_ROLES: ReadonlySet<string> = new Set([
  'navigation', 'banner', 'contentinfo', 'complementary', 'search', 'toolbar', 'menu', 'menubar',
]);

/** Class or id words of page furniture lists that sit outside the article. */
const FURNITURE = /(?:^|[\s_-])(?:most-?read|latest|related|trending|popular|recommended|promo|sponsored|newsletter|share|social|outbrain|taboola)(?:$|[\s_-])/i;

/** Elements never taken for furniture by their class name. */
const CONTAINERS: ReadonlySet<string> = new Set(['html', 'body', 'main', 'article']);

const HIDING_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i;

/** Walk into the element; it is inline, so its text joins the words around it. */
export const KEEP_INLINE = 0;
/** Walk into the element; it is a block, so its text is set apart from the text around it. */
export const KEEP_BLOCK = 1;
/** Skip the element and everything inside it. */
export const SKIP = 2;
/** Skip the element and its subtree, and treat it as a break between the words around it. */
export const SKIP_BREAK = 3;
/**
 * How the walker treats an element: two bits, so the walker decides with two bit tests.
 */
export type Verdict = typeof KEEP_INLINE | typeof KEEP_BLOCK | typeof SKIP | typeof SKIP_BREAK;
/** Verdict bit: the element separates the text before it from the text after it. */
export const BREAKS = 1;
/** Verdict bit: the element and its subtree are not content. */
export const SKIPPED = 2;

/** The verdict each tag gets before its attributes are read: one hash lookup per element. */
const TAG_VERDICTS: ReadonlyMap<string, Verdict> = (() => {
  const map = new Map<string, Verdict>();
  for (const tag of BLOCK_TAGS) map.set(tag, KEEP_BLOCK);
  for (const tag of SKIP_TAGS) map.set(tag, BREAKING_SKIPS.has(tag) ? SKIP_BREAK : SKIP);
  return map;
})();

/** Optional visibility test supplied by the caller (e.g. `el => !el.checkVisibility()`). */
export type IsHidden = (el: Element) => boolean;

/**
 * Classifies one element. Cheap on the common path: one Map lookup on the tag name, and
 * attribute reads only for elements that have attributes.
 */
export function classify(el: Element, isHidden?: IsHidden): Verdict {
  const tag = el.localName;
  const byTag = TAG_VERDICTS.get(tag) ?? KEEP_INLINE;
  if ((byTag & SKIPPED) !== 0) return byTag;
  if ((tag === 'header' || tag === 'footer') && !el.parentElement?.closest('article, section, main, [role="main"], [role="article"]')) {
    return SKIP_BREAK;
  }
  if (tag === 'dialog' && !el.hasAttribute('open')) return SKIP_BREAK;
  if (el.hasAttributes()) {
    const found = attributeVerdict(el);
    // The hook is asked only about elements with a class, id or style: style rules that hide
    // content select those, and a bare `<p>`, `<b>` or `<a href>` in a visible parent is visible
    // in practice. On text-heavy pages that saves most calls (checkVisibility: ~0.5 us each).
    if (found === HIDDEN || (found === STYLABLE && isHidden !== undefined && isHidden(el))) {
      return (byTag | SKIPPED) as Verdict;
    }
  }
  return byTag;
}

const PLAIN = 0;
const HIDDEN = 1;
const STYLABLE = 2;

/**
 * Attribute rules: HIDDEN when an attribute makes the element non-content, else STYLABLE when
 * it has a class, id or style (a stylesheet may hide it), else PLAIN. Reads the attribute names
 * once and looks only at the few that matter: every getAttribute costs time on a page of
 * 30,000 nodes (notably in happy-dom, where the CLI runs).
 */
function attributeVerdict(el: Element): typeof PLAIN | typeof HIDDEN | typeof STYLABLE {
  const names = el.getAttributeNames();
  let stylable = false;
  let furniture = false;
  for (let i = 0; i < names.length; i++) {
    const name = names[i];
    switch (name) {
      case 'hidden':
        return HIDDEN;
      case 'aria-hidden':
        if (el.getAttribute(name) === 'true') return HIDDEN;
        break;
      case 'contenteditable':
        if (el.getAttribute(name)?.toLowerCase() !== 'false') return HIDDEN;
        break;
      case 'role':
        if (CHROME_ROLES.has((el.getAttribute(name) ?? '').trim().toLowerCase())) return HIDDEN;
        break;
      case 'style':
        stylable = true;
        if (HIDING_STYLE.test(el.getAttribute(name) ?? '')) return HIDDEN;
        break;
      case 'class':
      case 'id':
        stylable = true;
        if (!furniture && FURNITURE.test(el.getAttribute(name) ?? '')) furniture = true;
        break;
    }
  }
  // Rare path (a class or id matched), so the tree queries are affordable. A wrapper that holds
  // the article or the headline ("page--latest" on <body>) is not a furniture list.
  if (furniture && el.closest('article') === null && !CONTAINERS.has(el.localName) && el.querySelector('article, main, h1') === null) {
    return HIDDEN;
  }
  return stylable ? STYLABLE : PLAIN;
}
