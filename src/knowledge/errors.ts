/**
 * The one error the knowledge-base loader throws. It carries every problem found, not just the
 * first, so a maintainer fixes the data in one pass.
 */
export class KnowledgeBaseError extends Error {
  /** Each problem as `<file relative to repo>: <field path>: <problem>`. */
  readonly problems: string[];

  constructor(problems: string[]) {
    const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
    super(`The knowledge base has ${count}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'KnowledgeBaseError';
    this.problems = problems;
  }
}
