/**
 * One browser with the extension, and the fixture server it goes through, for a describe block:
 * `useBrowser(kind)` registers the launch in `beforeAll` and the teardown in `afterAll`.
 * Not part of harness.ts, which scripts/start.mjs and the benches import outside Vitest.
 */
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser, startFixtureServer, type BrowserKind, type FixtureServer, type LaunchedBrowser } from './harness.ts';

/** The block's browser and server; read them in hooks and tests, not while the block is collected. */
export interface BrowserSession {
  /** Serves tests/fixtures and is the browser's proxy, so it records every request. */
  readonly server: FixtureServer;
  readonly launched: LaunchedBrowser;
}

/**
 * Launches `kind` with the built extension before the block's tests and closes it after them.
 * `ready` runs once the browser is up, in the same hook (open the pages the tests share).
 */
export function useBrowser(kind: BrowserKind, ready?: (session: BrowserSession) => Promise<void>): BrowserSession {
  let server: FixtureServer | undefined;
  let launched: LaunchedBrowser | undefined;
  const session: BrowserSession = {
    get server() {
      if (!server) throw new Error('useBrowser: the fixture server is read before beforeAll ran');
      return server;
    },
    get launched() {
      if (!launched) throw new Error('useBrowser: the browser is read before beforeAll ran');
      return launched;
    },
  };
  beforeAll(async () => {
    server = await startFixtureServer();
    launched = await launchBrowser(kind, { server });
    await ready?.(session);
  });
  afterAll(async () => {
    await launched?.close();
    await server?.close();
  });
  return session;
}
