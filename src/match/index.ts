/** The detection engine: pure text matching, the same in the extension, the CLI and the tests. */
export { createEngine, type Engine } from './engine.ts';
export type { ClaimMatch, Mention, ScanContext, ScanResult } from './types.ts';
