/**
 * Launching the real browsers with the built extension: Debian's Chromium over CDP, Firefox ESR
 * over WebDriver BiDi, both through puppeteer-core, both kept off the network.
 */
import { existsSync, readFileSync } from 'node:fs';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import type { FixtureServer } from './fixture-server.ts';

/** The two browsers every end-to-end test runs in. */
export type BrowserKind = 'chromium' | 'firefox';
/** Both kinds, for `describe.each`. */
export const BROWSER_KINDS: readonly BrowserKind[] = ['chromium', 'firefox'];

/** The unpacked extension that `npm run build` writes. */
export const DIST_DIR = fileURLToPath(new URL('../../dist/', import.meta.url));

const EXECUTABLES: Record<BrowserKind, string> = {
  chromium: '/usr/bin/chromium',
  firefox: '/usr/bin/firefox-esr',
};


/** Options of {@link launchBrowser}. */
export interface LaunchOptions {
  /** Route all of the browser's traffic through this server (see FixtureServer.requests). */
  server?: FixtureServer;
  /** Default true; `npm start` shows the window when there is a display. */
  headless?: boolean;
  /** The unpacked extension to load; default $FC_E2E_DIST, else dist/. */
  extensionDir?: string;
  /** Default true; false gives a baseline browser, e.g. to tell the browser's own requests apart. */
  installExtension?: boolean;
  /** Browser stdout/stderr to this process (debugging: FC_E2E_DEBUG=1). */
  dumpio?: boolean;
}

/** A browser with the extension installed. */
export interface LaunchedBrowser {
  browser: Browser;
  kind: BrowserKind;
  /** Chromium: the 32-letter id; Firefox: the gecko id ('' when not installed). */
  extensionId: string;
  /** Opens a tab on a fixture path (via options.server) or an absolute URL; resolves after `load`. */
  newPage(pathOrUrl: string): Promise<Page>;
  /** chrome-extension:// or moz-extension:// URL of a packaged file, e.g. `popup.html`. */
  extensionUrl(path: string): string;
  close(): Promise<void>;
}

/** Throws the install hint when a browser binary is missing. */
export function requireBrowser(kind: BrowserKind): string {
  const path = EXECUTABLES[kind];
  if (!existsSync(path)) {
    throw new Error(`${path} is missing: the end-to-end tests need real browsers. Run: apt-get install -y chromium firefox-esr`);
  }
  return path;
}

function requireBuild(dir: string): void {
  if (!existsSync(join(dir, 'manifest.json'))) throw new Error(`${dir} holds no built extension: run \`npm run build\` first`);
}

/** True when `dir` holds the manifest and every script it names. */
function isCompleteBuild(dir: string): boolean {
  try {
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as {
      background?: { scripts?: string[] };
      content_scripts?: { js?: string[] }[];
      action?: { default_popup?: string };
    };
    const files = [
      ...(manifest.background?.scripts ?? []),
      ...(manifest.content_scripts ?? []).flatMap((script) => script.js ?? []),
      manifest.action?.default_popup,
    ];
    return files.every((file) => file === undefined || existsSync(join(dir, file)));
  } catch {
    return false;
  }
}

/** browser_specific_settings.gecko.id of the extension in `dir`: Firefox keys its UUID by it. */
function geckoId(dir: string): string {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as {
    browser_specific_settings?: { gecko?: { id?: string } };
  };
  const id = manifest.browser_specific_settings?.gecko?.id;
  if (!id) throw new Error(`${dir}/manifest.json has no browser_specific_settings.gecko.id`);
  return id;
}

/**
 * A private copy of the built extension for one browser. Browsers read extension files lazily
 * (each page, each frame), so a `npm run build` elsewhere (another test run, a watcher) that
 * empties dist/ mid-test would break pages at random; a snapshot cannot change under the browser.
 */
async function snapshot(dir: string): Promise<string> {
  for (let attempt = 0; ; attempt++) {
    const copy = await mkdtemp(join(tmpdir(), 'fact-context-ext-'));
    await cp(dir, copy, { recursive: true }).catch(() => undefined);
    if (isCompleteBuild(copy)) return copy;
    await rm(copy, { recursive: true, force: true });
    // A build is running: it rewrites dist/ within seconds.
    if (attempt >= 20) throw new Error(`${dir} stayed incomplete (a build that never finished?)`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** Prefs that keep Firefox from talking to the network on its own (on top of puppeteer's). */
function firefoxPrefs(server: FixtureServer | undefined, addonId: string, extensionUuid: string): Record<string, unknown> {
  const quiet: Record<string, unknown> = {
    // Fixes the moz-extension:// host of the add-on, so tests can open its pages.
    'extensions.webextensions.uuids': JSON.stringify({ [addonId]: extensionUuid }),
    'app.shield.optoutstudies.enabled': false,
    'app.normandy.enabled': false,
    'browser.discovery.enabled': false,
    'browser.newtabpage.activity-stream.feeds.section.topstories': false,
    'browser.newtabpage.activity-stream.feeds.snippets': false,
    'browser.newtabpage.activity-stream.telemetry': false,
    'browser.ping-centre.telemetry': false,
    'browser.region.network.url': '',
    'browser.region.update.enabled': false,
    'browser.safebrowsing.provider.google4.updateURL': '',
    'browser.safebrowsing.provider.google.updateURL': '',
    'browser.safebrowsing.provider.mozilla.updateURL': '',
    'browser.search.geoip.url': '',
    'browser.topsites.contile.enabled': false,
    'captivedetect.canonicalURL': '',
    'datareporting.policy.dataSubmissionEnabled': false,
    'dom.push.connection.enabled': false,
    'extensions.blocklist.enabled': false,
    'extensions.getAddons.showPane': false,
    'geo.provider.network.url': '',
    'network.captive-portal-service.enabled': false,
    'network.connectivity-service.enabled': false,
    'network.dns.disablePrefetch': true,
    'network.prefetch-next': false,
    'network.trr.mode': 5,
    'privacy.query_stripping.enabled': false,
    // Remote settings (blocklists, CRLite...) otherwise poll firefox.settings.services.mozilla.com.
    'services.settings.server': 'data:,#remote-settings-dummy/v1',
    'toolkit.telemetry.enabled': false,
    'toolkit.telemetry.server': '',
    'toolkit.telemetry.unified': false,
  };
  if (!server) return quiet;
  return {
    ...quiet,
    'network.proxy.type': 1,
    'network.proxy.http': '127.0.0.1',
    'network.proxy.http_port': server.port,
    'network.proxy.ssl': '127.0.0.1',
    'network.proxy.ssl_port': server.port,
    'network.proxy.no_proxies_on': '',
    // Without this Firefox never proxies localhost, and the fixtures are on 127.0.0.1.
    'network.proxy.allow_hijacking_localhost': true,
  };
}

function chromiumArgs(server: FixtureServer | undefined): string[] {
  const args = [
    '--disable-gpu',
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-domain-reliability',
    '--disable-features=OptimizationHints,Translate,MediaRouter,AutofillServerCommunication,NetworkTimeServiceQuerying',
  ];
  // Puppeteer adds --no-sandbox only on request; the sandbox cannot start as root.
  if (process.getuid?.() === 0) args.push('--no-sandbox');
  if (server) {
    // `<-loopback>` removes the implicit bypass for localhost, so fixture loads are recorded too.
    args.push(`--proxy-server=http://127.0.0.1:${server.port}`, '--proxy-bypass-list=<-loopback>');
  }
  return args;
}

/** Launches `kind` with the built extension installed. */
export async function launchBrowser(kind: BrowserKind, options: LaunchOptions = {}): Promise<LaunchedBrowser> {
  const executablePath = requireBrowser(kind);
  // FC_E2E_DIST: a copy of dist/ to test, when other builds keep rewriting dist/ meanwhile.
  const built = options.extensionDir ?? process.env.FC_E2E_DIST ?? DIST_DIR;
  requireBuild(built);
  const extensionDir = await snapshot(built);
  const headless = options.headless ?? true;
  const dumpio = options.dumpio ?? process.env.FC_E2E_DEBUG === '1';
  const extensionUuid = randomUUID();

  const removeSnapshot = () => rm(extensionDir, { recursive: true, force: true });
  const launching =
    kind === 'chromium'
      ? puppeteer.launch({
          browser: 'chrome',
          executablePath,
          headless,
          dumpio,
          pipe: true,
          enableExtensions: true,
          args: chromiumArgs(options.server),
          timeout: 60_000,
        })
      : puppeteer.launch({
          browser: 'firefox',
          protocol: 'webDriverBiDi',
          executablePath,
          headless,
          dumpio,
          // Release builds ignore services.settings.server (set in firefoxPrefs) without it.
          env: { ...process.env, MOZ_REMOTE_SETTINGS_DEVTOOLS: '1' },
          // WebDriver BiDi refuses to navigate to moz-extension:// (popup, options) without it.
          args: ['--remote-allow-system-access'],
          extraPrefsFirefox: firefoxPrefs(options.server, geckoId(extensionDir), extensionUuid),
          timeout: 60_000,
        });
  let browser: Browser;
  try {
    browser = await launching;
  } catch (error) {
    await removeSnapshot();
    throw error;
  }

  // Also when a test closes `launched.browser` itself, or the browser dies.
  browser.once('disconnected', () => void removeSnapshot());

  let extensionId = '';
  try {
    if (options.installExtension ?? true) extensionId = await browser.installExtension(extensionDir);
  } catch (error) {
    await browser.close();
    await removeSnapshot();
    throw error;
  }
  const extensionOrigin =
    kind === 'chromium' ? `chrome-extension://${extensionId}` : `moz-extension://${extensionUuid}`;

  return {
    browser,
    kind,
    extensionId,
    extensionUrl: (path) => `${extensionOrigin}/${path.replace(/^\//, '')}`,
    async newPage(pathOrUrl) {
      const url = /^[a-z-]+:/.test(pathOrUrl) ? pathOrUrl : options.server?.url(pathOrUrl);
      if (!url) throw new Error(`newPage(${pathOrUrl}): a relative path needs options.server`);
      const page = await browser.newPage();
      if (url.startsWith('moz-extension:')) await gotoMozExtension(page, url);
      else await page.goto(url, { waitUntil: 'load' });
      return page;
    },
    async close() {
      await browser.close();
      await removeSnapshot();
    },
  };
}

/**
 * Firefox loads moz-extension:// pages in the extension process and puppeteer's BiDi page then
 * sees no navigation events (goto never resolves, page.url() stays about:blank), although the
 * document is there and scriptable. So: start the navigation, and poll the document instead.
 */
async function gotoMozExtension(page: Page, url: string, timeout = 15_000): Promise<void> {
  // The goto promise only settles at its own timeout or when the browser closes; nobody needs it.
  page.goto(url, { waitUntil: 'load', timeout: 120_000 }).catch(() => undefined);
  const deadline = Date.now() + timeout;
  for (;;) {
    const ready = await page
      .evaluate((want: string) => location.href === want && document.readyState === 'complete', url)
      .catch(() => false); // the old document's realm went away mid-call
    if (ready) return;
    if (Date.now() > deadline) throw new Error(`${url} did not load within ${timeout} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
