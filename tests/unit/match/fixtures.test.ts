/**
 * The five news pages and the trap pages, through the same path as `fact-context scan`:
 * happy-dom, the page text model, the bundled knowledge base, the engine.
 *
 * Expected mention counts were counted in the seed articles with a whole-word grep, less the
 * headline the captures repeat and the site chrome the pages leave out; the claims were read
 * sentence by sentence (notes beside the doubtful ones).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPage } from '../../../src/cli/commands/scan.ts';
import { loadKnowledgeBase } from '../../../src/knowledge/load.ts';
import { createEngine } from '../../../src/match/engine.ts';
import type { ScanResult } from '../../../src/match/types.ts';

const engine = createEngine(loadKnowledgeBase({ seedsDir: false }));

function scanFixture(name: string): { text: string; result: ScanResult } {
  const { text, title } = readPage(readFileSync(resolve(import.meta.dirname, '../../fixtures', name), 'utf8'));
  return { text, result: engine.scan(text, { title }) };
}

function counts(result: ScanResult): Record<string, number> {
  const out: Record<string, number> = {};
  for (const m of result.mentions) out[m.entity] = (out[m.entity] ?? 0) + 1;
  return out;
}

/** [claim id, how its sentence starts]. */
type Expected = Array<[string, string]>;

const PAGES: Record<string, { mentions: Record<string, number>; claims: Expected }> = {
  'gizmodo-2018-facebook-huawei.html': {
    mentions: { facebook: 19, huawei: 12, zte: 7, lenovo: 2, oppo: 2, tcl: 2, blackberry: 1 },
    claims: [
      ['facebook-device-partnerships', "Facebook's Data-Sharing Program for Phone Makers"],
      ['huawei-facebook-data-access', "Facebook's Data-Sharing Program for Phone Makers"],
      ['facebook-device-partnerships', 'This weekend, news broke in the New York Times'],
      // Facebook's defence of the deals: it discusses the claim, so it is marked as such.
      ['facebook-device-partnerships', 'The social media giant has been trying to quash'],
      ['huawei-state-spying-risk', 'Now, the Times reported on Tuesday'],
      ['facebook-device-partnerships', 'Facebook officials said the agreements with the Chinese companies'],
      ['huawei-facebook-data-access', 'Facebook officials said that the data shared with Huawei'],
      ['huawei-state-spying-risk', 'Virginia Sen. Mark Warner'],
      ['huawei-state-bank-financing', 'Concern over Huawei has built in Congress'],
      ['us-military-base-ban-huawei-zte', 'As the Washington Post noted'],
      // "Like Huawei, ... suspect ZTE could be stealthily spying": says it of both.
      ['huawei-state-spying-risk', 'Like Huawei, US intelligence officials suspect ZTE'],
      ['zte-spying-risk', 'Like Huawei, US intelligence officials suspect ZTE'],
      ['zte-sanctions-violation', 'For the record, ZTE is the same company'],
      ['us-supplier-ban-huawei-zte', 'For the record, ZTE is the same company'],
      // "either firm": no company named, the page's title names Huawei.
      ['fcc-subsidy-ban-huawei-zte', 'Still, the Federal Communications Commission'],
      ['huawei-backdoors-equipment', 'According to the Wall Street Journal, while it would be easy'],
      ['huawei-facebook-data-access', 'According to the Times, all four Chinese partnerships'],
      ['zte-sanctions-violation', 'Sources told the news agency that ZTE'],
    ],
  },
  'thehill-2018-huawei-facebook.html': {
    mentions: { huawei: 14, facebook: 13, lenovo: 2, oppo: 2, tcl: 2, zte: 1 },
    claims: [
      // Huawei's denials restate the claim they deny; the card shows the denial beside it.
      ['huawei-facebook-data-access', 'Huawei says it ‘worked with Facebook,’'],
      ['huawei-facebook-data-access', 'The Chinese electronics maker Huawei on Wednesday'],
      ['huawei-facebook-data-access', '“Like all leading smartphone providers'],
      ['huawei-facebook-data-access', 'Huawei, which the U.S. had flagged'],
      ['huawei-state-spying-risk', 'Huawei, which the U.S. had flagged'],
      ['huawei-state-spying-risk', 'U.S. lawmakers have for years advised'],
      ['huawei-network-bans', 'U.S. lawmakers have for years advised'],
      ['huawei-facebook-data-access', 'Facebook noted that data shared with Huawei'],
      ['huawei-facebook-data-access', 'Although the partnerships with the four companies'],
      ['huawei-state-spying-risk', 'The Trump administration has recently gone after'],
      ['zte-spying-risk', 'The Trump administration has recently gone after'],
      ['us-supplier-ban-huawei-zte', 'The Trump administration has recently gone after'],
    ],
  },
  'phonearena-2020-huawei-backdoors.html': {
    // "Huawei" ×46 + "Huaweis" (reported as Huawei) + "huawei"; "Hauwei" is a typo, not an alias.
    mentions: { huawei: 48, nokia: 3, zte: 3, ericsson: 2, oppo: 1 },
    claims: [
      ['huawei-backdoors-equipment', "U.S. says it has evidence about Huawei's secret back doors"],
      ['huawei-state-spying-risk', 'Ever since 2012, Americans have been told'],
      ['huawei-backdoors-equipment', 'As a result, U.S. lawmakers have accused the manufacturer'],
      ['huawei-backdoors-equipment', "But today's Wall Street Journal reports"],
      ['huawei-backdoors-equipment', 'And the new report claims that the company'],
      ['huawei-backdoors-equipment', "U.S. intelligence on Huawei's use of back doors"],
      ['huawei-network-bans', 'Yet, those close to the situation say'],
      ['huawei-lawful-interception-access', 'Huawei allegedly keeps its lawful interception interfaces'],
      ['huawei-network-bans', 'For over a year, the Trump administration'],
      ['huawei-5g-technology-lead', "Not only is Huawei the world's biggest provider"],
      ['huawei-state-bank-financing', "Additionally, Huawei's close ties with the state bank"],
      ['huawei-lawful-interception-access', 'One U.S. official notes, "Huawei does not disclose'],
      ['huawei-lawful-interception-access', "National Security Adviser Robert O'Brien says"],
      // The official's rebuttal names the interface and the access it denies.
      ['huawei-lawful-interception-access', 'A senior Huawei official also refutes'],
      ['huawei-state-spying-risk', 'Because of fears that the company spies'],
      ['us-supplier-ban-huawei-zte', 'Because of fears that the company spies'],
      // "That prevents the firm": the firm named last in the paragraph is Huawei.
      ['us-supplier-ban-huawei-zte', 'That prevents the firm from accessing the U.S. supply chain'],
      ['us-supplier-ban-huawei-zte', 'It also blocks Huawei from receiving the license'],
      // Reader comments are page content. The engine has no notion of negation: "no evidence
      // that Huawei is spying" is still about the spying claim.
      ['huawei-state-spying-risk', 'IF, and i do think its a big IF'],
      ['huawei-network-bans', 'IF, and i do think its a big IF'],
      ['huawei-backdoors-equipment', 'I’m just going to copy/paste my comment'],
      ['huawei-state-spying-risk', 'There is no evidence that Huawei is spying'],
      ['huawei-state-spying-risk', 'Show me solid proof of Huawei spying'],
      ['huawei-state-spying-risk', 'https://www.phonearena.com/news/US-accuses-Huawei-of-espionage'],
      ['huawei-5g-technology-lead', 'Who cares if Huawei is two years ahead'],
    ],
  },
  'gizmodo-au-2020-huawei-smoking-gun.html': {
    mentions: { huawei: 19, vodafone: 2, 'deutsche-telekom': 2 },
    claims: [
      ['huawei-backdoors-equipment', 'It Appears U.S. Has A ‘Smoking Gun’'],
      ['huawei-state-spying-risk', 'According to a Wall Street Journal report'],
      ['huawei-network-bans', 'However, the U.S. has been wary'],
      ['huawei-network-bans', 'A 2012 Congressional report effectively banned Huawei'],
      ['huawei-state-spying-risk', 'The U.S. wariness comes from concerns'],
      ['huawei-state-spying-risk', 'Last year the U.S. and Huawei traded barbs'],
      ['huawei-sanctions-fraud', 'Last year the U.S. and Huawei traded barbs'],
      ['huawei-network-bans', 'The furor led to both Australia and New Zealand'],
      ['carriers-use-huawei-equipment', 'However some of the largest telecommunication networks'],
      ['huawei-lawful-interception-access', 'U.S. officials now claim Huawei has included backdoors'],
      ['huawei-lawful-interception-access', 'Vodafone denied any equipment maker could access'],
    ],
  },
  'nationalreview-2020-huawei-networks.html': {
    // "Huawei" ×14 and "Huawei Technologies Co." once.
    mentions: { huawei: 15 },
    claims: [
      ['huawei-lawful-interception-access', 'U.S. Officials Warn that Huawei Can Secretly Access'],
      // "China’s largest smartphone maker" stands for Huawei, the subject of the page.
      ['huawei-lawful-interception-access', 'China’s largest smartphone maker can secretly access'],
      ['huawei-lawful-interception-access', 'Huawei Technologies Co. has for over a decade'],
      ['huawei-lawful-interception-access', '“We have evidence that Huawei has the capability'],
      ['huawei-network-bans', 'Last year, the U.S. informed Britain\u00a0and Germany'], // the seed's no-break space
      ['huawei-state-spying-risk', 'In November, the Federal Communications Commission'],
      ['fcc-subsidy-ban-huawei-zte', 'In November, the Federal Communications Commission'],
      ['huawei-state-spying-risk', 'Trusted tech comes from trusted suppliers'],
    ],
  },
};

const TRAPS: Record<string, { mentions: Record<string, number>; claims: Expected }> = {
  'traps/aztec-history.html': { mentions: {}, claims: [] },
  'traps/blackberry-jam-recipe.html': { mentions: {}, claims: [] },
  'traps/court-ordered-wiretap.html': { mentions: {}, claims: [] },
  'traps/facebook-feature-launch.html': { mentions: { facebook: 5 }, claims: [] },
  'traps/huawei-battery-denial.html': { mentions: { huawei: 4 }, claims: [] },
  'traps/oppo-find-x-review.html': { mentions: { oppo: 2 }, claims: [] },
  'traps/chinese-cjk-snippet.html': {
    // 华为 four times; 中兴通讯 (one mention, the longer native name) and 中兴.
    mentions: { huawei: 4, zte: 2 },
    claims: [
      ['huawei-backdoors-equipment', '华为否认了这些指控，称其从未在设备中设置后门。'],
      ['huawei-lawful-interception-access', '美国官员称华为可以秘密访问移动网络。'],
    ],
  },
};

function check(name: string, expected: { mentions: Record<string, number>; claims: Expected }): void {
  const { text, result } = scanFixture(name);
  expect(counts(result)).toEqual(expected.mentions);
  // Each sentence cut to the length of the expected start, so a mismatch shows as a readable diff.
  expect(result.claims.map((c, i) => [c.claim, c.text.slice(0, expected.claims[i]?.[1].length ?? 60)])).toEqual(expected.claims);
  for (const m of result.mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
  for (const c of result.claims) {
    expect(text.slice(c.start, c.end)).toBe(c.text);
    expect(c.cues.length).toBeGreaterThan(0);
    for (const cue of c.cues) expect(c.text).toContain(cue);
  }
}

describe('the five news pages', () => {
  for (const [name, expected] of Object.entries(PAGES)) {
    it(`${name}: exact mentions per company and the expected claims`, () => check(name, expected));
  }

  it('finds nothing in site chrome, hidden elements or the comment form', () => {
    for (const name of Object.keys(PAGES)) {
      const { result } = scanFixture(name);
      const found = [...result.mentions.map((m) => m.text), ...result.claims.map((c) => c.text)].join('\n');
      for (const chrome of ['Huawei P40 review', '(site footer)', 'Huawei defender', 'Huawei comment draft', 'Huawei embed code', 'My note', 'Latest Stories', 'Most Read']) {
        expect(found, `${name}: ${chrome}`).not.toContain(chrome);
      }
    }
  });
});

describe('trap pages', () => {
  for (const [name, expected] of Object.entries(TRAPS)) {
    it(`${name}: no wrong company, no wrong claim`, () => check(name, expected));
  }

  it('does not take the Tcl language for TCL, in any of its spellings but one', () => {
    const { result } = scanFixture('traps/tcl-tk-programming.html');
    expect(result.mentions.map((m) => m.text)).toEqual(['TCL']);
    expect(result.claims).toEqual([]);
  });

  // Known limitation: "In TCL scripts" writes the language the way the company writes its
  // name, and a case rule cannot tell them apart; this needs context the data cannot give yet.
  it.fails('does not take "TCL scripts" for the company', () => {
    expect(scanFixture('traps/tcl-tk-programming.html').result.mentions).toEqual([]);
  });
});
