/**
 * The validator must name the file, the field and the problem for every mistake a maintainer
 * is likely to make by hand, and report all of them at once.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compileKnowledgeBase } from '../../../src/knowledge/compile.ts';
import type { RawKnowledge } from '../../../src/knowledge/compile.ts';
import { DEFAULT_DATA_DIR, KnowledgeBaseError, loadKnowledgeBase, readKnowledgeFiles } from '../../../src/knowledge/load.ts';

const pristine = readKnowledgeFiles().raw;
const ENTITIES = 'src/knowledge/data/entities.json';
const SOURCES = 'src/knowledge/data/sources.json';
const CLAIMS = 'src/knowledge/data/claims.json';
const HILL = 'src/knowledge/data/excerpts/the-hill-2018-06-huawei-facebook.json';

type Rows = Record<string, unknown>[];
interface Editable {
  entities: Rows;
  sources: Rows;
  claims: Rows;
  excerpts: Record<string, Rows>;
  raw: RawKnowledge;
}

/** Compiles a copy of the real data after `edit`, returning the problems reported. */
function problemsAfter(edit: (data: Editable) => void): string[] {
  const raw = structuredClone(pristine);
  const data: Editable = {
    entities: raw.entities.data as Rows,
    sources: raw.sources.data as Rows,
    claims: raw.claims.data as Rows,
    excerpts: Object.fromEntries(raw.excerpts.map((f) => [f.path, f.data as Rows])),
    raw,
  };
  edit(data);
  try {
    compileKnowledgeBase(raw);
  } catch (error) {
    if (error instanceof KnowledgeBaseError) return error.problems;
    throw error;
  }
  return [];
}

const indexOf = (rows: Rows, id: string) => rows.findIndex((r) => r.id === id);
const row = (rows: Rows, id: string) => rows[indexOf(rows, id)]!;

describe('knowledge-base validation', () => {
  it('accepts the shipped data', () => {
    expect(problemsAfter(() => {})).toEqual([]);
  });

  it('names the file, field and problem for a bad case rule', () => {
    const i = indexOf(pristine.entities.data as Rows, 'tcl');
    const problems = problemsAfter((d) => {
      (row(d.entities, 'tcl').aliases as Rows)[0]!.case = 'upper';
    });
    expect(problems).toEqual([`${ENTITIES}: [${i}].aliases[0].case: expected "sensitive" or "insensitive"`]);
  });

  it('reports a duplicate id where the second one is', () => {
    const problems = problemsAfter((d) => {
      row(d.claims, 'zte-spying-risk').id = 'zte-sanctions-violation';
    });
    const renamed = indexOf(pristine.claims.data as Rows, 'zte-spying-risk');
    const original = indexOf(pristine.claims.data as Rows, 'zte-sanctions-violation');
    expect(problems).toContain(`${CLAIMS}: [${original}].id: duplicate claim id "zte-sanctions-violation" (first used at [${renamed}])`);
  });

  it('reports a duplicate excerpt id across excerpt files', () => {
    const problems = problemsAfter((d) => {
      d.excerpts[HILL]![0]!.id = 'gz18-warner';
    });
    expect(problems).toContainEqual(expect.stringMatching(/the-hill-2018-06-huawei-facebook\.json: \[0\]\.id: duplicate excerpt id "gz18-warner" \(first used at .*gizmodo-2018-06-facebook-huawei\.json/));
  });

  it('reports a reference to an unknown claim, entity or source', () => {
    const problems = problemsAfter((d) => {
      d.excerpts[HILL]![1]!.claims = ['huawei-facebook-data-access', 'huawei-moon-base'];
      row(d.claims, 'zte-spying-risk').entities = ['zte', 'zet'];
      d.excerpts[HILL]![0]!.citing = 'bbc';
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        `${HILL}: [1].claims[1]: unknown claim "huawei-moon-base"`,
        `${CLAIMS}: [${indexOf(pristine.claims.data as Rows, 'zte-spying-risk')}].entities[1]: unknown entity "zet"`,
        `${HILL}: [0].citing: unknown source "bbc"`,
      ]),
    );
  });

  it('rejects citing an article instead of an outlet', () => {
    const problems = problemsAfter((d) => {
      d.excerpts[HILL]![0]!.citing = 'gizmodo-2018-06-facebook-huawei';
    });
    expect(problems).toEqual([`${HILL}: [0].citing: "gizmodo-2018-06-facebook-huawei" is an article, not an outlet`]);
  });

  it('refuses an alias that belongs to two companies, comparing case when either ignores it', () => {
    const problems = problemsAfter((d) => {
      (row(d.entities, 'zte').aliases as Rows).push({ text: 'huawei', case: 'sensitive' });
    });
    const i = indexOf(pristine.entities.data as Rows, 'zte');
    const n = (row(pristine.entities.data as Rows, 'zte').aliases as Rows).length;
    expect(problems).toEqual([`${ENTITIES}: [${i}].aliases[${n}].text: alias "huawei" of "zte" also belongs to "huawei" (${ENTITIES}: [0].aliases[0].text)`]);
  });

  it('allows the same letters in different case when both aliases are case-sensitive', () => {
    const problems = problemsAfter((d) => {
      (row(d.entities, 'zte').aliases as Rows).push({ text: 'Tcl', case: 'sensitive' });
    });
    expect(problems).toEqual([]);
  });

  it('rejects dates that are malformed or not on the calendar', () => {
    const problems = problemsAfter((d) => {
      row(d.claims, 'zte-spying-risk').firstReported = '2018-02-30';
      row(d.sources, 'nyt').date = 'June 2018';
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(new RegExp(`^${CLAIMS}: \\[\\d+\\]\\.firstReported: expected a real date as YYYY, YYYY-MM or YYYY-MM-DD$`)),
        expect.stringMatching(new RegExp(`^${SOURCES}: \\[\\d+\\]\\.date: expected a real date`)),
      ]),
    );
  });

  it('reports an empty quote, a missing field and an unknown field', () => {
    const problems = problemsAfter((d) => {
      d.excerpts[HILL]![0]!.quote = '   ';
      delete d.excerpts[HILL]![1]!.kind;
      d.excerpts[HILL]![2]!.speeker = { name: 'x' };
    });
    expect(problems).toEqual(
      expect.arrayContaining([`${HILL}: [0].quote: must not be empty`, `${HILL}: [1].kind: required`, `${HILL}: [2]: unknown field "speeker"`]),
    );
  });

  it('reports a quote that is not in its seed, but ignores whitespace differences', () => {
    const kelly = indexOf(pristine.excerpts.find((f) => f.path === HILL)!.data as Rows, 'hill-kelly');
    const problems = problemsAfter((d) => {
      const excerpt = d.excerpts[HILL]![kelly]!;
      excerpt.quote = String(excerpt.quote).replace('never collected', 'never ever collected');
      const other = d.excerpts[HILL]![kelly + 1]!;
      other.quote = String(other.quote).replaceAll(' ', '\n  ');
    });
    expect(problems).toEqual([expect.stringMatching(new RegExp(`^${HILL}: \\[${kelly}\\]\\.quote: not found verbatim in seed "001_15885d04857aaac3\\.txt"`))]);
  });

  it('reports a claim left without any report excerpt', () => {
    const problems = problemsAfter((d) => {
      for (const rows of Object.values(d.excerpts)) {
        for (const e of rows) if (e.kind === 'report') e.claims = (e.claims as string[]).filter((c) => c !== 'zte-spying-risk');
      }
      for (const rows of Object.values(d.excerpts)) {
        const keep = rows.filter((e) => (e.claims as string[]).length > 0);
        rows.splice(0, rows.length, ...keep);
      }
    });
    expect(problems).toEqual([`${CLAIMS}: [${indexOf(pristine.claims.data as Rows, 'zte-spying-risk')}].id: claim "zte-spying-risk" has no excerpt of kind "report"`]);
  });

  it('reports every problem at once, not just the first', () => {
    const problems = problemsAfter((d) => {
      (row(d.entities, 'tcl').aliases as Rows)[0]!.case = 'upper';
      row(d.claims, 'zte-spying-risk').firstReported = '2018-13';
      d.excerpts[HILL]![0]!.kind = 'rumour';
    });
    expect(problems).toHaveLength(3);
  });
});

describe('loading from disk', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
  const copyOfData = () => {
    const dir = mkdtempSync(join(tmpdir(), 'fc-kb-'));
    dirs.push(dir);
    cpSync(DEFAULT_DATA_DIR, dir, { recursive: true });
    return dir;
  };

  it('names the file, line and column of malformed JSON', () => {
    const dir = copyOfData();
    writeFileSync(join(dir, 'claims.json'), '[\n  { "id": "x",\n    "summary": "y" \n    "entities": [] }\n]\n');
    let problems: string[] = [];
    try {
      loadKnowledgeBase({ dataDir: dir, seedsDir: false });
    } catch (error) {
      problems = (error as KnowledgeBaseError).problems;
    }
    expect(problems).toEqual([`${join(dir, 'claims.json')}: line 4, column 5: invalid JSON: unexpected "\\""`]);
  });

  it('skips the verbatim check, and says so, when the seeds folder is absent', () => {
    const dir = copyOfData();
    const notes: string[] = [];
    const kb = loadKnowledgeBase({ dataDir: dir, seedsDir: false, onNote: (n) => notes.push(n) });
    expect(kb.claims.length).toBeGreaterThan(0);
    expect(notes).toEqual(['verbatim-quote check skipped (seedsDir: false)']);
  });

  it('fails when an explicitly given seeds folder does not exist', () => {
    expect(() => loadKnowledgeBase({ seedsDir: join(tmpdir(), 'no-such-seeds-folder') })).toThrow(/seeds folder not found/);
  });
});
