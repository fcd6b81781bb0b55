import { describe, expect, it } from 'vitest';
import { createEngine } from '../../../src/match/engine.ts';
import { tinyKb } from './tiny-kb.ts';

const engine = createEngine(tinyKb);

/** `entity:text@start` for every mention, the way a reader would check them. */
function mentions(text: string): string[] {
  return engine.scan(text).mentions.map((m) => `${m.entity}:${m.text}@${m.start}`);
}

describe('company mentions', () => {
  it('finds a case-insensitive alias in any letter case', () => {
    expect(mentions('Huawei, HUAWEI and huawei.')).toEqual(['huawei:Huawei@0', 'huawei:HUAWEI@8', 'huawei:huawei@19']);
  });

  it('reports offsets that slice back to the mention, in UTF-16 code units', () => {
    const text = '😀 İstanbul, Straße: Huawei said';
    const [m] = engine.scan(text).mentions;
    expect(m).toBeDefined();
    expect(text.slice(m!.start, m!.end)).toBe('Huawei');
    expect(m!.start).toBe(text.indexOf('Huawei'));
  });

  describe('whole words only, in any script', () => {
    it('does not find Oppo inside opportunity, opposition or opportune', () => {
      expect(mentions('An opportunity for the opposition, an opportune moment, Opposite.')).toEqual([]);
      expect(mentions('The Oppo Find X is an opportunity.')).toEqual(['oppo:Oppo@4']);
    });

    it('does not find ZTE inside Aztec, AZTEC or Aztecs, nor next to digits', () => {
      expect(mentions('The Aztec empire; AZTEC gold; the Aztecs; ZTE5; 5ZTE.')).toEqual([]);
    });

    it('does not find a Latin alias glued to letters of another script', () => {
      expect(mentions('Huaweiя and яHuawei')).toEqual([]);
    });

    it('treats hyphens and punctuation as word boundaries', () => {
      expect(mentions('Huawei-built (ZTE) "Oppo"')).toEqual(['huawei:Huawei@0', 'zte:ZTE@14', 'oppo:Oppo@20']);
    });
  });

  describe('case rules per alias', () => {
    it('finds TCL the company but not Tcl the language', () => {
      expect(mentions('Tcl/Tk and tcl scripts; TCL phones.')).toEqual(['tcl:TCL@24']);
    });

    it('finds BlackBerry but not blackberry jam or a capitalised Blackberry', () => {
      expect(mentions('blackberry jam, Blackberry & apple, blackberries; BlackBerry phones.')).toEqual([
        'blackberry:BlackBerry@50',
      ]);
    });

    it('does not find a case-sensitive alias in another case', () => {
      expect(mentions('zte and Zte')).toEqual([]);
    });
  });

  describe('possessives and plurals', () => {
    it("reports Huawei's and Huawei’s as Huawei, without the 's", () => {
      expect(mentions("Huawei's gear and Huawei’s phones")).toEqual(['huawei:Huawei@0', 'huawei:Huawei@18']);
    });

    it('reads Huaweis (an apostrophe dropped) as Huawei, without the s', () => {
      expect(mentions('They don’t care about Huaweis smartphone sales')).toEqual(['huawei:Huawei@22']);
    });

    it('does not stretch a case-sensitive alias: ZTEs is not read as ZTE', () => {
      expect(mentions('two ZTEs')).toEqual([]);
    });

    it('does not take any longer word ending in s', () => {
      expect(mentions('Huaweiss Oppos')).toEqual(['oppo:Oppo@9']);
    });
  });

  describe('leftmost-longest', () => {
    it('reports Huawei Technologies Co. as one mention', () => {
      expect(mentions('Huawei Technologies Co. has for over a decade')).toEqual(['huawei:Huawei Technologies Co.@0']);
    });

    it('reports Deutsche Telekom AG as one mention and still finds the shorter name alone', () => {
      expect(mentions('Deutsche Telekom AG told the WSJ; Deutsche Telekom said')).toEqual([
        'deutsche-telekom:Deutsche Telekom AG@0',
        'deutsche-telekom:Deutsche Telekom@34',
      ]);
    });

    it('keeps every nested name in place on a long page (hits arrive by end, not by start)', () => {
      // Each sentence yields `Huawei`, `Huawei Technologies` and `Huawei Technologies Co.` with
      // one start, ending in that order: the longest must win every time, and order must hold.
      const sentence = 'Huawei Technologies Co. and ZTE, then Huawei Technologies, then Huawei. ';
      const found = engine.scan(sentence.repeat(300)).mentions;
      expect(found).toHaveLength(4 * 300);
      expect(found.slice(0, 4).map((m) => `${m.entity}:${m.text}@${m.start}`)).toEqual([
        'huawei:Huawei Technologies Co.@0',
        'zte:ZTE@28',
        'huawei:Huawei Technologies@38',
        'huawei:Huawei@64',
      ]);
      expect(found.every((m, i) => i === 0 || found[i - 1]!.end <= m.start)).toBe(true);
      expect(found.at(-1)!.start).toBe(299 * sentence.length + 64);
    });
  });

  describe('whitespace inside multi-word aliases', () => {
    it('matches any run of spaces, tabs and no-break spaces', () => {
      expect(mentions('Huawei\u00a0Technologies and Deutsche \t Telekom AG')).toEqual([
        'huawei:Huawei\u00a0Technologies@0',
        'deutsche-telekom:Deutsche \t Telekom AG@24',
      ]);
    });

    it('does not join words across a block separator (a newline)', () => {
      expect(mentions('Deutsche\nTelekom')).toEqual([]);
      expect(mentions('Huawei\nTechnologies')).toEqual(['huawei:Huawei@0']);
    });

    it('reads through a soft hyphen or zero-width space inside a name', () => {
      expect(mentions('Hua\u00adwei and Op\u200bpo')).toEqual(['huawei:Hua\u00adwei@0', 'oppo:Op\u200bpo@12']);
    });

    it('starts names before, around and after the first invisible character or space run where they start', () => {
      expect(mentions('Oppo, Huawei\u00ad and ZTE; Hua\u200bwei, Oppo')).toEqual([
        'oppo:Oppo@0',
        'huawei:Huawei@6',
        'zte:ZTE@18',
        'huawei:Hua\u200bwei@23',
        'oppo:Oppo@32',
      ]);
      expect(mentions('Deutsche Telekom, Deutsche  Telekom, Deutsche Telekom')).toEqual([
        'deutsche-telekom:Deutsche Telekom@0',
        'deutsche-telekom:Deutsche  Telekom@18',
        'deutsche-telekom:Deutsche Telekom@37',
      ]);
    });
  });

  describe('native names in unspaced CJK text', () => {
    it('finds 华为 and 中兴 inside a sentence with no spaces', () => {
      expect(mentions('华为否认了这些指控')).toEqual(['huawei:华为@0']);
      expect(mentions('报道称华为和中兴的设备')).toEqual(['huawei:华为@3', 'zte:中兴@6']);
    });

    it('finds a Latin alias written between CJK characters', () => {
      expect(mentions('我的Huawei手机')).toEqual(['huawei:Huawei@2']);
    });
  });

  it('finds nothing in text that names no company', () => {
    expect(engine.scan('Police obtained a court-ordered wiretap.')).toEqual({ mentions: [], claims: [] });
  });
});
