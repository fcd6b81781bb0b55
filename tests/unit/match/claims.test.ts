import { describe, expect, it } from 'vitest';
import { createEngine } from '../../../src/match/engine.ts';
import { claim, tinyKb } from './tiny-kb.ts';

const engine = createEngine(tinyKb);

function claims(text: string, title?: string) {
  return engine.scan(text, title === undefined ? {} : { title }).claims;
}

describe('claims, sentence by sentence', () => {
  it('matches a sentence that names the subject and hits every cue group, with the cues as written', () => {
    const text = 'Background first. Officials say Huawei can access networks through Lawful Interception interfaces. Next.';
    expect(claims(text)).toEqual([
      {
        claim: 'huawei-lawful-interception-access',
        text: 'Officials say Huawei can access networks through Lawful Interception interfaces.',
        start: 18,
        end: 98,
        entities: ['huawei'],
        cues: ['access', 'Lawful Interception'],
      },
    ]);
  });

  it('reports a prefix cue as the whole word it found', () => {
    expect(claims('Huawei gear allows wiretapping and covert access.')[0]?.cues).toEqual(['wiretapping', 'access']);
  });

  it('reports cues with the invisible characters inside them, from their first letter', () => {
    expect(claims('Huawei can ac\u00adcess networks through lawful inter\u200bception.')[0]?.cues).toEqual(['ac\u00adcess', 'lawful inter\u200bception']);
    expect(claims('Huawei can \u00adaccess networks through lawful interception.')[0]?.cues).toEqual(['access', 'lawful interception']);
  });

  it('needs every cue group: one missing, no claim', () => {
    expect(claims('Huawei can access networks around the world.')).toEqual([]);
  });

  it('does not add up cues from different sentences', () => {
    expect(claims('Huawei can access the networks. Police use lawful interception.')).toEqual([]);
  });

  it('does not find a claim about a wiretap in a crime story with no company', () => {
    expect(claims('Police used lawful interception to access the suspect’s phone after a judge approved the wiretap.')).toEqual([]);
  });

  it('lets an exclude term veto the sentence', () => {
    expect(claims('Huawei said a court-ordered wiretap gave police access to one phone.')).toEqual([]);
  });

  describe('references ("the company") stand for the subject', () => {
    const sentence = 'The company can tap into carrier networks through lawful interception.';

    it('when the title names the subject', () => {
      expect(claims(sentence, 'U.S. officials warn about Huawei')).toMatchObject([
        { claim: 'huawei-lawful-interception-access', entities: ['huawei'], text: sentence },
      ]);
    });

    it('when the page mentions the subject most', () => {
      const text = `Huawei makes phones.\nHuawei also sells gear.\nSomething else.\n${sentence}`;
      expect(claims(text)).toMatchObject([{ entities: ['huawei'], text: sentence }]);
    });

    it('when the subject is the company named last before it in the same paragraph', () => {
      const text = `Oppo makes phones.\nHuawei builds networks. ${sentence}`;
      expect(claims(text)).toMatchObject([{ entities: ['huawei'] }]);
    });

    it('but not when the company named last is another one, and the page is not about the subject', () => {
      expect(claims(`Huawei builds networks.\nOppo makes phones. ${sentence}`)).toEqual([]);
    });

    it('when the caller says the page is about the subject (a chunk of a longer page)', () => {
      expect(engine.scan(sentence, { about: ['huawei'] }).claims).toMatchObject([{ entities: ['huawei'] }]);
      expect(engine.scan(sentence, { about: ['oppo', 'no-such-company'] }).claims).toEqual([]);
    });

    it('and never without any of those', () => {
      expect(claims(sentence)).toEqual([]);
    });

    it('judged later from one pass (prepare, claimsOf), as scan judges them, whatever the context', () => {
      const text = `Oppo makes phones.\nOppo sells gear.\n${sentence}\nHuawei builds networks through lawful interception and secret access.`;
      const prepared = engine.prepare(text);
      expect(prepared.mentions).toEqual(engine.scan(text).mentions);
      for (const context of [{}, { about: ['huawei'] }, { title: 'Huawei' }, { about: ['oppo'] }]) {
        expect(engine.claimsOf(text, [prepared], context)).toEqual(engine.scan(text, context).claims);
      }
      expect(engine.claimsOf(text, [prepared], { about: ['huawei'] })).toHaveLength(2);
      expect(engine.claimsOf(text, [prepared], {})).toHaveLength(1);
    });
  });

  describe('sentence bounds', () => {
    it('does not split after U.S. or Mr.', () => {
      const text = 'The U.S. Commerce Department and Mr. Smith say Huawei can access networks via lawful interception.';
      expect(claims(text)).toMatchObject([{ start: 0, end: text.length }]);
    });

    it('ends a sentence at a block separator even without a full stop', () => {
      expect(claims('Huawei can access\nlawful interception interfaces')).toEqual([]);
      const text = 'Headline: Huawei can access networks via lawful interception\nBody text.';
      expect(claims(text)).toMatchObject([{ start: 0, end: text.indexOf('\n') }]);
    });

    it('finds claims in unspaced CJK sentences too', () => {
      const kb = {
        ...tinyKb,
        claims: [claim('zh', ['huawei'], { groups: [{ name: 'g', terms: ['后门'] }] })],
      };
      const found = createEngine(kb).scan('今天天气很好。报道称华为设备有后门。华为否认。').claims;
      expect(found).toMatchObject([{ claim: 'zh', text: '报道称华为设备有后门。', entities: ['huawei'], cues: ['后门'] }]);
    });
  });

  it('reports one match per claim a sentence states, in knowledge-base order', () => {
    const kb = {
      ...tinyKb,
      claims: [
        ...tinyKb.claims,
        claim('oppo-and-huawei', ['oppo', 'huawei'], { groups: [{ name: 'g', terms: ['networks'] }] }),
      ],
    };
    const found = createEngine(kb).scan('Oppo and Huawei can access networks via lawful interception.').claims;
    expect(found.map((c) => [c.claim, c.entities])).toEqual([
      ['huawei-lawful-interception-access', ['huawei']],
      ['oppo-and-huawei', ['oppo', 'huawei']],
    ]);
  });

  it('rejects unusable cue data at compile time, naming the claim', () => {
    const bad = (cues: Parameters<typeof claim>[2]) => () => createEngine({ ...tinyKb, claims: [claim('broken', ['huawei'], cues)] });
    expect(bad({ groups: [] })).toThrow(/claim broken: cues need at least one group/);
    expect(bad({ groups: [{ name: 'g', terms: ['  '] }] })).toThrow(/claim broken, cue group g: empty term/);
    expect(bad({ subjects: ['nobody'], groups: [{ name: 'g', terms: ['x'] }] })).toThrow(/unknown subject entity "nobody"/);
  });
});
