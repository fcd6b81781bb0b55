// @vitest-environment happy-dom
import { beforeAll, describe, expect, it } from 'vitest';
import { buildTextModel, contentRoot, type TextModel } from '../../../src/page/text-model.ts';
import { rangeOf, segmentsOf } from './segments.ts';

/**
 * The test window's document with `html` as its body. Not a DOMParser document: happy-dom 21
 * gives every Range the window's document as owner, so Ranges in other documents collapse.
 */
function page(html: string): Document {
  document.body.innerHTML = html;
  return document;
}

function textOf(html: string, options?: Parameters<typeof buildTextModel>[1]): string {
  return buildTextModel(page(html), options).text;
}

/** Every offset pair inside one block maps to a Range whose text is the slice. */
function expectRoundTrips(model: TextModel, from: number, to: number): void {
  for (let start = from; start <= to; start++) {
    for (let end = start; end <= to; end++) {
      const range = rangeOf(model, start, end);
      expect(range, `range ${start}-${end}`).not.toBeNull();
      expect(range!.toString(), `range ${start}-${end}`).toBe(model.text.slice(start, end));
    }
  }
}

describe('skip rules', () => {
  it.each([
    ['script', '<script>var x = "Huawei";</script>'],
    ['style', '<style>.a::after { content: "Huawei" }</style>'],
    ['noscript', '<noscript>Huawei</noscript>'],
    ['template', '<template><p>Huawei</p></template>'],
    ['svg', '<svg><text>Huawei</text></svg>'],
    ['hidden attribute', '<div hidden>Huawei</div>'],
    ['aria-hidden', '<div aria-hidden="true"><span>Huawei</span></div>'],
    ['inline display:none', '<span style="color: red; display: none">Huawei</span>'],
    ['inline visibility:hidden', '<span style="visibility:hidden">Huawei</span>'],
    ['input', '<input value="Huawei">'],
    ['textarea', '<textarea>Huawei</textarea>'],
    ['select/option', '<select><option>Huawei</option></select>'],
    ['button', '<button>Share Huawei</button>'],
    ['contenteditable', '<div contenteditable="true">Huawei</div>'],
    ['contenteditable (empty value)', '<div contenteditable>Huawei</div>'],
    ['contenteditable plaintext-only', '<div contenteditable="plaintext-only">Huawei</div>'],
    ['code', '<p>Run <code>Huawei</code></p>'],
    ['pre', '<pre>Huawei</pre>'],
    ['kbd', '<kbd>Huawei</kbd>'],
    ['samp', '<samp>Huawei</samp>'],
    ['nav', '<nav><a href="#">Huawei P40 review</a></nav>'],
    ['aside', '<aside>Huawei</aside>'],
    ['form', '<form><p>Huawei newsletter</p></form>'],
    ['site header', '<header><p>Huawei</p></header>'],
    ['site footer', '<footer><p>Huawei</p></footer>'],
    ['role=navigation', '<div role="navigation">Huawei</div>'],
    ['role=banner', '<div role="banner">Huawei</div>'],
    ['role=contentinfo', '<div role="contentinfo">Huawei</div>'],
    ['role=complementary', '<div role="complementary">Huawei</div>'],
    ['role=search', '<div role="search">Huawei</div>'],
    ['role=toolbar (share bar)', '<div role="toolbar"><a href="#">Huawei</a></div>'],
    ['most-read list outside the article', '<section class="most-read"><a href="#">Huawei</a></section>'],
    ['latest stories list outside the article', '<div id="latest-stories"><a href="#">Huawei</a></div>'],
    ['closed dialog', '<dialog>Huawei</dialog>'],
  ])('skips %s', (_name, html) => {
    const text = textOf(`<p>Before</p>${html}<p>After</p>`);
    expect(text).not.toContain('Huawei');
    expect(text).toContain('Before');
    expect(text).toContain('After');
  });

  it('keeps an article header and footer (headline, byline) but skips the site header', () => {
    const text = textOf(
      '<header><p>Site header Huawei</p></header>' +
        '<article><header><h1>Headline Huawei</h1></header><p>Body</p><footer>Filed under Oppo</footer></article>',
    );
    expect(text).toBe('Headline Huawei\nBody\nFiled under Oppo');
  });

  it('keeps "latest" and "related" classes inside an article (live-blog entries)', () => {
    const text = textOf('<article><div class="latest-update"><p>Huawei responds</p></div></article>');
    expect(text).toBe('Huawei responds');
  });

  it('does not take a page wrapper for a furniture list because of its class', () => {
    const text = textOf('<div class="page page--latest"><h1>Huawei</h1><p>Body</p></div>');
    expect(text).toBe('Huawei\nBody');
  });

  it('keeps contenteditable="false" and an open dialog', () => {
    expect(textOf('<div contenteditable="false">Huawei</div>')).toBe('Huawei');
    expect(textOf('<dialog open>Huawei</dialog>')).toBe('Huawei');
  });

  it('keeps reader comments that are not form fields, without their buttons', () => {
    const text = textOf(
      '<section id="comments"><article class="comment"><header>1. lyndon420</header>' +
        '<p>Meh!! Huawei phones</p><footer><button>Reply</button></footer></article>' +
        '<form><textarea>draft about Huawei</textarea></form></section>',
    );
    expect(text).toBe('1. lyndon420\nMeh!! Huawei phones');
  });

  it('asks the isHidden hook about kept elements with a class, id or style and skips what it hides', () => {
    const asked: string[] = [];
    const text = textOf('<div class="x"><p>Huawei <a href="#">P40</a></p><p class="gone">Oppo <b class="y">Find</b></p><p id="z">ZTE</p></div>', {
      isHidden: (el) => {
        asked.push(el.localName);
        return el.classList.contains('gone');
      },
    });
    expect(text).toBe('Huawei P40\nZTE');
    // The body is the start and is not asked, nor are the bare <p> and <a href>; the hidden
    // <p>'s <b> is never reached.
    expect(asked).toEqual(['div', 'p', 'p']);
  });

  it('without <main> scans the body minus chrome; with one (or role=main), only that', () => {
    const withoutMain = page('<div class="banner-ad">Ad text</div><article><p>Huawei</p></article>');
    expect(contentRoot(withoutMain)).toBe(withoutMain.body);
    expect(buildTextModel(withoutMain).text).toBe('Ad text\nHuawei');

    const roleMain = page('<div class="banner-ad">Ad text</div><div role="main"><p>Huawei</p></div>');
    expect(buildTextModel(roleMain).text).toBe('Huawei');

    const hiddenMain = page('<main hidden><p>Old page</p></main><main><p>Huawei</p></main>');
    expect(buildTextModel(hiddenMain).text).toBe('Huawei');

    const withMain = page('<div class="banner-ad">Ad text</div><main><article><p>Huawei</p></article></main>');
    expect(contentRoot(withMain).localName).toBe('main');
    expect(buildTextModel(withMain).text).toBe('Huawei');
    expect(buildTextModel(withMain.body).text).toBe('Huawei');
  });
});

describe('joining text', () => {
  it('separates blocks so words never fuse', () => {
    expect(textOf('<p>Huawei</p><p>Oppo</p>')).toBe('Huawei\nOppo');
    expect(textOf('<ul><li>Lenovo</li><li>TCL</li></ul>')).toBe('Lenovo\nTCL');
    expect(textOf('<table><tr><td>Huawei</td><td>ZTE</td></tr></table>')).toBe('Huawei\nZTE');
    expect(textOf('<div>Huawei<div>Oppo</div>TCL</div>')).toBe('Huawei\nOppo\nTCL');
  });

  it('joins inline elements', () => {
    expect(textOf('<p>Deutsche <b>Telekom</b> AG</p>')).toBe('Deutsche Telekom AG');
    expect(textOf('<p>Hua<em>wei</em>’s <a href="#">deal</a></p>')).toBe('Huawei’s deal');
  });

  it('separates at <br> and at a skipped block, but not at a skipped inline element', () => {
    expect(textOf('<p>Huawei<br>Oppo</p>')).toBe('Huawei\nOppo');
    expect(textOf('<div>Huawei<aside>Related</aside>Oppo</div>')).toBe('Huawei\nOppo');
    expect(textOf('<p>Huawei<button>Share</button>Oppo</p>')).toBe('Huawei\nOppo');
    expect(textOf('<p>Deutsche <span hidden>x</span>Telekom</p>')).toBe('Deutsche Telekom');
  });

  it('drops indentation between blocks but keeps spaces between inline elements', () => {
    expect(textOf('\n  <p>Huawei</p>\n  <p>\n    <b>ZTE</b> <i>Oppo</i></p>\n')).toBe('Huawei\nZTE Oppo');
  });

  it('leaves ruby annotations out so annotated CJK names stay whole', () => {
    expect(textOf('<p><ruby>华<rp>(</rp><rt>huá</rt><rp>)</rp>为<rt>wéi</rt></ruby>否认</p>')).toBe('华为否认');
  });

  it('keeps text exactly as in the DOM, including no-break spaces and curly quotes', () => {
    expect(textOf('<p>buying Huawei\u00a0equipment “now”</p>')).toBe('buying Huawei\u00a0equipment “now”');
  });

  it('gives an empty model for an empty page', () => {
    const model = buildTextModel(page(''));
    expect(model.text).toBe('');
    expect(segmentsOf(model)).toEqual([]);
    expect(model.locate(0)).toBeNull();
    expect(rangeOf(model, 0, 0)).toBeNull();
  });
});

describe('offsets and ranges', () => {
  let doc: Document;
  let model: TextModel;
  beforeAll(() => {
    doc = page('<main><p>Deutsche <b>Telekom</b> AG</p>\n<p>Huawei</p></main>');
    model = buildTextModel(doc);
  });

  it('lists segments with their offsets', () => {
    expect(model.text).toBe('Deutsche Telekom AG\nHuawei');
    expect(segmentsOf(model).map((s) => [s.node.data, s.start, s.end])).toEqual([
      ['Deutsche ', 0, 9],
      ['Telekom', 9, 16],
      [' AG', 16, 19],
      ['Huawei', 20, 26],
    ]);
    for (const s of segmentsOf(model)) expect(model.text.slice(s.start, s.end)).toBe(s.node.data);
  });

  it('locates every offset in its text node', () => {
    for (const s of segmentsOf(model)) {
      for (let o = s.start; o < s.end; o++) {
        const hit = model.locate(o);
        expect(hit?.node).toBe(s.node);
        expect(hit?.node.data[hit.offset]).toBe(model.text[o]);
      }
    }
  });

  it('at a node boundary, start bias picks the next node and end bias the previous', () => {
    const telekom = segmentsOf(model)[1]!.node;
    const deutsche = segmentsOf(model)[0]!.node;
    expect(model.locate(9, 'start')).toEqual({ node: telekom, offset: 0 });
    expect(model.locate(9, 'end')).toEqual({ node: deutsche, offset: 9 });
  });

  it('on a separator, start bias goes to the next node start and end bias to the previous end', () => {
    const ag = segmentsOf(model)[2]!.node;
    const huawei = segmentsOf(model)[3]!.node;
    expect(model.text[19]).toBe('\n');
    expect(model.locate(19, 'start')).toEqual({ node: huawei, offset: 0 });
    expect(model.locate(19, 'end')).toEqual({ node: ag, offset: 3 });
    expect(model.locate(20, 'end')).toEqual({ node: ag, offset: 3 });
  });

  it('maps the ends of the text and rejects offsets out of bounds', () => {
    expect(model.locate(0)).toEqual({ node: segmentsOf(model)[0]!.node, offset: 0 });
    expect(model.locate(26, 'end')).toEqual({ node: segmentsOf(model)[3]!.node, offset: 6 });
    expect(model.locate(26, 'start')).toEqual({ node: segmentsOf(model)[3]!.node, offset: 6 });
    expect(model.locate(-1)).toBeNull();
    expect(model.locate(27)).toBeNull();
    expect(model.locate(1.5)).toBeNull();
    expect(rangeOf(model, -1, 3)).toBeNull();
    expect(rangeOf(model, 3, 27)).toBeNull();
    expect(rangeOf(model, 5, 4)).toBeNull();
  });

  it('round-trips every range within a block, across inline boundaries', () => {
    expectRoundTrips(model, 0, 19);
    expectRoundTrips(model, 20, 26);
    expect(rangeOf(model, 0, 16)!.toString()).toBe('Deutsche Telekom');
  });

  it('gives a range over a separator that spans both blocks and no source whitespace', () => {
    const range = rangeOf(model, 17, 26)!;
    expect(range.startContainer).toBe(segmentsOf(model)[2]!.node);
    expect(range.endContainer).toBe(segmentsOf(model)[3]!.node);
    expect(range.toString().replace(/\s+/g, ' ')).toBe('AG Huawei');
  });

  it('collapses a range that lies inside one separator', () => {
    const range = rangeOf(model, 19, 20)!;
    expect(range.collapsed).toBe(true);
    expect(range.startContainer).toBe(segmentsOf(model)[3]!.node);
  });
});

describe('subtree models (living-page updates)', () => {
  it('scans only the subtree, with its own offsets from 0', () => {
    const doc = page('<main><article><p>First Huawei</p><div id="added"><p>Oppo <b>Find</b> X</p></div></article></main>');
    const added = doc.getElementById('added')!;
    const model = buildTextModel(added);
    expect(model.text).toBe('Oppo Find X');
    expectRoundTrips(model, 0, model.text.length);
  });

  it('scans a lone added text node', () => {
    const doc = page('<main><p id="p">Huawei</p></main>');
    const node = doc.createTextNode(' and ZTE');
    doc.getElementById('p')!.append(node);
    const model = buildTextModel(node);
    expect(model.text).toBe(' and ZTE');
    expect(rangeOf(model, 5, 8)!.toString()).toBe('ZTE');
  });

  it('scans a detached fragment (content about to be inserted)', () => {
    const fragment = page('').createDocumentFragment();
    const p = document.createElement('p');
    p.append('Huawei ', Object.assign(document.createElement('b'), { textContent: 'Mate' }));
    fragment.append(p, Object.assign(document.createElement('p'), { textContent: 'ZTE' }));
    expect(buildTextModel(fragment).text).toBe('Huawei Mate\nZTE');
  });

  it('gives an empty model for nodes added inside chrome or outside <main>', () => {
    const doc = page(
      '<header><nav><ul id="menu"></ul></nav></header><main><p>Huawei</p><aside id="side"></aside></main>' +
        '<div id="outside"><p>Oppo</p></div><div hidden><p id="hiddenp">ZTE</p></div>',
    );
    const li = doc.createElement('li');
    li.textContent = 'Huawei P40 review';
    doc.getElementById('menu')!.append(li);
    expect(buildTextModel(li).text).toBe('');
    expect(buildTextModel(doc.getElementById('side')!).text).toBe('');
    expect(buildTextModel(doc.getElementById('outside')!).text).toBe('');
    expect(buildTextModel(doc.getElementById('hiddenp')!).text).toBe('');
  });
});
