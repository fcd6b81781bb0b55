// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Window } from 'happy-dom';
import { afterAll, describe, expect, it } from 'vitest';
import { buildTextModel, type TextModel } from '../../../src/page/text-model.ts';
import { rangeOf, segmentsOf } from './segments.ts';

const windows: Window[] = [];
afterAll(async () => {
  await Promise.all(windows.map((w) => w.happyDOM.close()));
});

/** Loads a fixture into its own happy-dom window (scripts off, as in the CLI). */
function load(name: string): Document {
  const window = new Window({ url: 'https://fixture.test/' });
  windows.push(window);
  window.document.write(readFileSync(resolve(import.meta.dirname, '../../fixtures', name), 'utf8'));
  return window.document as unknown as Document;
}

/** Chrome every fixture has, named by the marker phrases in tests/fixtures/README.md. */
const CHROME_EVERYWHERE = [
  'Huawei P40 review', // site nav
  '(site footer)',
  'Subscribe',
  'Sign up',
  'Huawei newsletter',
  'Huawei search query',
];

function expectRangeText(model: TextModel, phrase: string): void {
  const at = model.text.indexOf(phrase);
  expect(at, phrase).toBeGreaterThanOrEqual(0);
  expect(rangeOf(model, at, at + phrase.length)!.toString()).toBe(phrase);
}

function expectConsistent(model: TextModel): void {
  for (const s of segmentsOf(model)) expect(model.text.slice(s.start, s.end)).toBe(s.node.data);
}

describe.each([
  {
    file: 'gizmodo-2018-facebook-huawei.html',
    present: [
      'Facebook\'s Data-Sharing Program for Phone Makers Included Chinese Telecom Giant Huawei',
      'included four Chinese companies: Lenovo, Oppo, TCL, and Huawei, the last of which',
      'Facebook officials said that the data shared with Huawei stayed on its phone, not the company’s servers.',
      'equipment makers like Huawei” since 2012',
      'Update, 9:30pm ET: Per a report in Reuters',
      'Whoops! There’s that Facebook experience for ya.',
    ],
    absent: [
      'The Future Is Here',
      'We may earn a commission',
      'Share on Facebook',
      'Tweet this Huawei story',
      '(most read)',
      '(latest stories)',
      'Latest Stories',
      '(inline display:none)',
      '(aria-hidden ticker)',
      'hidden teaser',
      '(noscript)',
      'Huawei template card',
      'Huawei svg label',
      'Huawei embed code',
      'My note: check the Huawei claim later',
      'Huawei inline script',
      'Huawei tracker tag',
      'JSON-LD',
      'Skip to content',
      'content:',
    ],
    ranges: ['Lenovo, Oppo, TCL, and Huawei', 'equipment makers like Huawei”', 'the Washington Post noted'],
  },
  {
    file: 'thehill-2018-huawei-facebook.html',
    present: [
      'Huawei says it ‘worked with Facebook,’ did not collect user data',
      '“Like all leading smartphone providers, Huawei worked with Facebook to make Facebook’s services more convenient for users,”',
      'has never collected or stored any Facebook user data.”',
      'refrain from buying Huawei\u00a0equipment',
      'Facebook noted that data shared with Huawei stayed on users’ phones and never went to the company’s servers.',
      '© Getty',
    ],
    absent: [
      'Huawei P40 review roundup',
      '(toolbar link)',
      'Tweet',
      '(hidden cookie banner)',
      '(aria-hidden ad)',
      '(most popular)',
      'Daily Huawei digest',
      'Huawei ad keyword',
      'Huawei page loaded (script)',
      'Huawei newsletter subscriber',
    ],
    ranges: ['Huawei, which the U.S. had flagged', 'The New York Times reported.'],
  },
  {
    file: 'phonearena-2020-huawei-backdoors.html',
    present: [
      'Naturally, Huawei has denied this repeatedly.',
      'Huawei allegedly keeps its lawful interception interfaces hidden from its carrier-clients',
      '"We have evidence that Huawei has the capability secretly to access sensitive and personal information',
      'Huawei says that it "has never and will never do anything that would compromise',
      '“is extremely implausible and would be discovered immediately."',
      // Reader comments are content.
      '32. tedkord',
      'Posts: 17532; Member since: Jun 17, 2009',
      'Everyone has back door. Even your father has back door.',
      'Uh oh. I don\'t think Huawei will have anything Google for a whilehttps://www.justice.gov/opa/press-release/file/1248961/download',
      'Meh!! The US government is just upset that android phones (especially Huawei\'s)',
      'So who\'s next?? Oppo,Xiaomi,Asus??',
    ],
    absent: [
      'Share Huawei story',
      'Like\n',
      'Reply',
      'Newest',
      'Post a comment',
      'Huawei defender',
      'Huawei comment draft in textarea',
      'Huawei comment draft in rich editor',
      'Latest Stories',
      'FCC OKs Cingular',
      '(latest)',
      'This copy is for your personal, non-commercial use only',
      '(hidden related)',
      '(aria-hidden ad)',
      'Huawei P40 ad unit',
      'Huawei comment widget script',
      'Huawei deals newsletter',
    ],
    ranges: ['Wall Street Journal reports', 'rivals like Ericsson and Nokia', 'for a whilehttps://www.justice.gov'],
  },
  {
    file: 'gizmodo-au-2020-huawei-smoking-gun.html',
    present: [
      'It Appears U.S. Has A ‘Smoking Gun’ Confirming Huawei-Built Spy Backdoors',
      'has the ability to spy on users of mobile phone networks employing Huawei equipment.',
      'including ones owned by U.K. based Vodafone, and the German Deutsche Telekom AG, currently incorporate Huawei equipment.',
      'Vodafone denied any equipment maker could access its network in that manner, while Deutsche Telekom AG told the WSJ',
      'characterises the proof presented in the meeting as a “smoking gun.”',
    ],
    absent: [
      'Vodafone plans',
      'Share on Facebook',
      'The Cheapest NBN 50 Plans',
      'most popular NBN speed',
      '(promo)',
      '(most popular)',
      'At Gizmodo, we independently select',
      '(hidden inline ad)',
      'Reader note: Huawei smoking gun follow-up',
      'Huawei script tag',
      'Huawei JSON-LD',
      'Huawei 5G alerts',
    ],
    ranges: ['the German Deutsche Telekom AG', 'as a “smoking gun.”', 'U.K. based Vodafone'],
  },
  {
    file: 'nationalreview-2020-huawei-networks.html',
    present: [
      'U.S. Officials Warn that Huawei Can Secretly Access Cell Networks',
      'Huawei logo at a shopping mall in Shanghai, China (Aly Song/Reuters)',
      'China’s largest smartphone maker can secretly access American cellular phone networks',
      'the Wall Street Journal\u00a0reported Tuesday',
      'Huawei pushed back on the allegations, saying the company “has never and will never do anything',
      'A senior Huawei official argued that such access is “extremely implausible and would be discovered immediately.”',
      'and Huawei is the Chinese Communist Party’s puppet.',
    ],
    absent: [
      'Science & Tech',
      'Share Huawei article on Facebook',
      '(aria-hidden pull quote)',
      'Send a tip to the news team at NR.',
      'The Latest',
      '(the latest)',
      'The Morning Jolt',
      'Huawei policy briefing',
      'paywall meter',
      'Huawei NR script',
      'Huawei topic script',
    ],
    ranges: ['the Wall Street Journal\u00a0reported', 'adviser Robert O’Brien.', 'Senator Ben Sasse (R., Neb.)'],
  },
])('fixture $file', ({ file, present, absent, ranges }) => {
  let model: TextModel;
  it('holds the article text', () => {
    model = buildTextModel(load(file));
    for (const phrase of present) expect(model.text, phrase).toContain(phrase);
  });

  it('holds none of the chrome, forms, scripts or hidden text', () => {
    for (const phrase of [...CHROME_EVERYWHERE, ...absent]) expect(model.text, phrase).not.toContain(phrase);
  });

  it('maps its phrases back to the DOM across inline markup', () => {
    expectConsistent(model);
    for (const phrase of ranges) expectRangeText(model, phrase);
  });
});

describe('fixture phonearena comment thread', () => {
  it('keeps every reader comment in page order, each in its own block', () => {
    const text = buildTextModel(load('phonearena-2020-huawei-backdoors.html')).text;
    const order = ['32. tedkord', '13. meanestgenius', '16. lyndon420', '19. Dr.Phil', '12. meanestgenius', '7. SeanyB unregistered', '1. lyndon420', '5. Dr.Phil'];
    const at = order.map((head) => text.indexOf(`\n${head}\n`));
    expect(at.every((i) => i > 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(text.match(/\nPosts: \d+; Member since: /g)).toHaveLength(29);
  });
});

describe('trap pages', () => {
  it('reads CJK text unspaced and verbatim', () => {
    const text = buildTextModel(load('traps/chinese-cjk-snippet.html')).text;
    expect(text).toContain('华为否认了这些指控，称其从未在设备中设置后门。');
    expect(text).toContain('分析人士认为，华为和中兴的争议与贸易谈判有关。');
    expect(text).not.toContain('首页');
  });

  it('leaves code blocks out of the Tcl/Tk article', () => {
    const text = buildTextModel(load('traps/tcl-tk-programming.html')).text;
    expect(text).toContain('Tcl is a scripting language from 1988');
    expect(text).toContain('In TCL scripts, every command is a list of words');
    expect(text).not.toContain('Hello from TCL');
    expect(text).toContain('The  geometry manager'); // inline <code>pack</code> dropped, words around kept
  });

  it.each([
    ['traps/oppo-find-x-review.html', 'an opportunity as much as a risk'],
    ['traps/blackberry-jam-recipe.html', 'This blackberry jam needs no pectin'],
    ['traps/court-ordered-wiretap.html', 'lawful interception interface for thirty days'],
    ['traps/facebook-feature-launch.html', 'Facebook on Wednesday launched Watch Party'],
    ['traps/huawei-battery-denial.html', 'Huawei on Thursday denied a report that batteries'],
    ['traps/aztec-history.html', 'The AZTEC calendar stone'],
  ])('%s yields its article text', (file, phrase) => {
    expect(buildTextModel(load(file)).text).toContain(phrase);
  });
});
