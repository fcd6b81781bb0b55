/**
 * End-to-end harness: the built extension (dist/) in real browsers, Debian's Chromium and
 * Firefox ESR, both driven by puppeteer-core (Chromium over CDP, Firefox over WebDriver BiDi).
 * scripts/start.mjs reuses it, so there is one copy of the launch code.
 *
 * A missing browser is a failure, never a skip: an e2e suite that silently runs nothing proves
 * nothing.
 */
export { startFixtureServer, FIXTURES_DIR, type FixtureServer } from './fixture-server.ts';
export * from './launch.ts';
export * from './extension-probes.ts';
export * from './page-probes.ts';
