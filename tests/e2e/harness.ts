/**
 * End-to-end harness: the built extension (dist/) in real browsers, Debian's Chromium and
 * Firefox ESR, both driven by puppeteer-core (Chromium over CDP, Firefox over WebDriver BiDi).
 * scripts/start.mjs reuses it, so there is one copy of the launch code.
 *
 * A missing browser is a failure, never a skip: an e2e suite that silently runs nothing proves
 * nothing.
 */
import { existsSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import puppeteer, { type Browser, type HTTPRequest, type Page } from 'puppeteer-core';
import type { FixtureServer } from './fixture-server.ts';

export { startFixtureServer, FIXTURES_DIR, type FixtureServer } from './fixture-server.ts';

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

/** Must match browser_specific_settings.gecko.id in manifest.json. */
const GECKO_ID = 'fact-context@fact-context.example';

/** Options of {@link launchBrowser}. */
export interface LaunchOptions {
  /** Route all of the browser's traffic through this server (see FixtureServer.requests). */
  server?: FixtureServer;
  /** Default true; `npm start` shows the window when there is a display. */
  headless?: boolean;
  /** Default dist/. */
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
  if (!existsSync(`${dir}/manifest.json`)) throw new Error(`${dir} holds no built extension: run \`npm run build\` first`);
}

/** Prefs that keep Firefox from talking to the network on its own (on top of puppeteer's). */
function firefoxPrefs(server: FixtureServer | undefined, extensionUuid: string): Record<string, unknown> {
  const quiet: Record<string, unknown> = {
    // Fixes the moz-extension:// host of the add-on, so tests can open its pages.
    'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: extensionUuid }),
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
  const extensionDir = options.extensionDir ?? DIST_DIR;
  requireBuild(extensionDir);
  const headless = options.headless ?? true;
  const dumpio = options.dumpio ?? process.env.FC_E2E_DEBUG === '1';
  const extensionUuid = randomUUID();

  const browser =
    kind === 'chromium'
      ? await puppeteer.launch({
          browser: 'chrome',
          executablePath,
          headless,
          dumpio,
          pipe: true,
          enableExtensions: true,
          args: chromiumArgs(options.server),
        })
      : await puppeteer.launch({
          browser: 'firefox',
          protocol: 'webDriverBiDi',
          executablePath,
          headless,
          dumpio,
          // Release builds ignore services.settings.server (set in firefoxPrefs) without it.
          env: { ...process.env, MOZ_REMOTE_SETTINGS_DEVTOOLS: '1' },
          // WebDriver BiDi refuses to navigate to moz-extension:// (popup, options) without it.
          args: ['--remote-allow-system-access'],
          extraPrefsFirefox: firefoxPrefs(options.server, extensionUuid),
        });

  let extensionId = '';
  try {
    if (options.installExtension ?? true) extensionId = await browser.installExtension(extensionDir);
  } catch (error) {
    await browser.close();
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
    close: () => browser.close(),
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

/**
 * The URL of the running background: Chromium's service worker, Firefox's generated event page
 * (asked for from an extension page, the only place `runtime.getBackgroundPage` is callable).
 */
export async function backgroundUrl(launched: LaunchedBrowser): Promise<string> {
  if (launched.kind === 'chromium') {
    const worker = await launched.browser.waitForTarget(
      (target) => target.type() === 'service_worker' && target.url().startsWith(launched.extensionUrl('')),
      { timeout: 15_000 },
    );
    return worker.url();
  }
  const page = await openExtensionPage(launched, 'options.html');
  try {
    return await page.evaluate(async () => {
      const api = (globalThis as unknown as { browser: { runtime: { getBackgroundPage(): Promise<Window | null> } } }).browser;
      return (await api.runtime.getBackgroundPage())?.location.href ?? '';
    });
  } finally {
    await page.close();
  }
}

/**
 * Runs `fn` in an extension page (options.html), where the WebExtension API is available as the
 * `browser` global in both browsers (Chromium 148+ has it natively), e.g. to read the badge or
 * storage. `fn` is serialized: it sees only its arguments.
 */
export async function evaluateInExtension<Args extends unknown[], Result>(
  launched: LaunchedBrowser,
  fn: (...args: Args) => Result | Promise<Result>,
  ...args: Args
): Promise<Result> {
  const page = await openExtensionPage(launched, 'options.html');
  try {
    // puppeteer's evaluate() generics cannot follow a generic `fn`; the call is type-checked above.
    return (await page.evaluate(fn as (...a: unknown[]) => Result, ...args)) as Result;
  } finally {
    await page.close();
  }
}

/**
 * The toolbar badge text the extension set for `page`'s tab ('' when none). Chromium hides tab
 * URLs from an extension without the `tabs` permission, so the tab is found by making it the
 * active one while an extension page (opened first, in the background) asks for it.
 */
export async function badgeText(launched: LaunchedBrowser, page: Page): Promise<string> {
  const extensionPage = await openExtensionPage(launched, 'options.html');
  try {
    await page.bringToFront();
    return await extensionPage.evaluate(async () => {
      interface Api {
        tabs: { query(q: object): Promise<{ id?: number }[]> };
        action: { getBadgeText(d: { tabId: number }): Promise<string> };
      }
      const api = (globalThis as unknown as { browser: Api }).browser;
      const [tab] = await api.tabs.query({ active: true, lastFocusedWindow: true });
      if (tab?.id === undefined) throw new Error('no active tab');
      return api.action.getBadgeText({ tabId: tab.id });
    });
  } finally {
    await extensionPage.close();
  }
}

/** One range of a CSS highlight, as the page's main world sees it. */
export interface HighlightRange {
  text: string;
  /** Tag name of the element the range starts in, e.g. `P`. */
  startElement: string | null;
  startOffset: number;
  endOffset: number;
}

/**
 * The ranges registered under `name` in `CSS.highlights`, or null when no such highlight exists.
 * The registry belongs to the document, so the page's main world sees what the content script
 * (in its isolated world / Xray sandbox) registered, in both browsers.
 */
export function readHighlights(page: Page, name: string): Promise<HighlightRange[] | null> {
  return page.evaluate((highlightName: string) => {
    const highlight = CSS.highlights.get(highlightName);
    if (!highlight) return null;
    return [...highlight].map((range) => ({
      text: range.toString(),
      startElement:
        range.startContainer instanceof Element ? range.startContainer.tagName : range.startContainer.parentElement?.tagName ?? null,
      startOffset: range.startOffset,
      endOffset: range.endOffset,
    }));
  }, name);
}

/** Waits until `CSS.highlights` has `name` with at least `minRanges` ranges (default 0: just registered). */
export async function waitForHighlight(page: Page, name: string, minRanges = 0, timeout = 15_000): Promise<HighlightRange[]> {
  await page.waitForFunction(
    (highlightName: string, min: number) => {
      const highlight = CSS.highlights.get(highlightName);
      return highlight !== undefined && highlight.size >= min;
    },
    { timeout, polling: 100 },
    name,
    minRanges,
  );
  return (await readHighlights(page, name)) ?? [];
}

/** Scrolls the first range of the first non-empty highlight in `names` near the top of the viewport. */
export async function scrollToFirstHighlight(page: Page, names: readonly string[]): Promise<boolean> {
  return page.evaluate((highlightNames: readonly string[]) => {
    for (const name of highlightNames) {
      const first = [...(CSS.highlights.get(name) ?? [])][0];
      if (!(first instanceof Range)) continue;
      window.scrollTo(0, Math.max(0, first.getBoundingClientRect().top + window.scrollY - 160));
      return true;
    }
    return false;
  }, names);
}

/**
 * Moves the mouse onto the middle of the first range of highlight `name` in the viewport, as a
 * reader pointing at a highlighted word would. Resolves false when no range is visible.
 */
export async function hoverFirstHighlight(page: Page, name: string): Promise<boolean> {
  const point = await page.evaluate((highlightName: string) => {
    for (const range of CSS.highlights.get(highlightName) ?? []) {
      if (!(range instanceof Range)) continue;
      const rect = range.getClientRects()[0];
      if (rect && rect.top >= 0 && rect.bottom <= window.innerHeight) {
        return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
      }
    }
    return null;
  }, name);
  if (!point) return false;
  // Two steps, so the page sees real pointermove events arriving at the word.
  await page.mouse.move(point.x - 20, point.y);
  await page.mouse.move(point.x, point.y, { steps: 4 });
  return true;
}

/**
 * Clicks the first element matching `selector` inside the extension's UI (the open shadow root of
 * `<fact-context-root>`). Resolves false when there is no such element.
 */
export async function clickInOverlay(page: Page, selector: string): Promise<boolean> {
  const handle = await page.evaluateHandle(
    (css: string) => document.querySelector('fact-context-root')?.shadowRoot?.querySelector(css) ?? null,
    selector,
  );
  const element = handle.asElement();
  if (!element) {
    await handle.dispose();
    return false;
  }
  await element.click();
  await handle.dispose();
  return true;
}

/** Resolves once the page's CSS transitions and animations (shadow roots included) have finished. */
export async function waitForAnimations(page: Page): Promise<void> {
  await page.evaluate(async () => {
    // Two frames first: a transition triggered by the last DOM change starts on the next one.
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    // document.getAnimations() leaves out shadow trees (Chromium 156), where our UI lives.
    const roots: DocumentOrShadowRoot[] = [document];
    for (const element of document.querySelectorAll('*')) if (element.shadowRoot) roots.push(element.shadowRoot);
    const animations = roots.flatMap((root) => root.getAnimations());
    await Promise.all(animations.map((animation) => animation.finished.catch(() => undefined)));
  });
}

/**
 * Requests the browsers make on their own, measured with no extension installed and every switch
 * above applied (Chromium 156: the on-demand update check of the "Optimization Guide On Device
 * Models Manifest" component, which --disable-component-update does not stop, and a Gaia account
 * check; Firefox ESR 153: none). They are refused by the fixture server like any other.
 */
export const BROWSER_OWN_REQUESTS: readonly RegExp[] = [
  /^https?:\/\/update\.googleapis\.com(:443)?(\/|$)/,
  /^https:\/\/accounts\.google\.com:443$/,
];

/** `server.foreignRequests()` without {@link BROWSER_OWN_REQUESTS}: what the pages or the extension asked for. */
export function requestsBeyond(server: FixtureServer): string[] {
  return server.foreignRequests().filter((url) => !BROWSER_OWN_REQUESTS.some((own) => own.test(url)));
}

/**
 * Records the URL of every request `page` makes from now on (the document, its subresources and
 * whatever the content script fetches; Firefox also lists `data:` URLs). For the whole browser, including the
 * extension's background, launch with `server` and read `server.requests`.
 */
export function collectPageRequests(page: Page): { urls: string[]; stop(): void } {
  const urls: string[] = [];
  const onRequest = (request: HTTPRequest): void => {
    urls.push(request.url());
  };
  page.on('request', onRequest);
  return { urls, stop: () => page.off('request', onRequest) };
}

/** Opens an extension page (`popup.html`, `options.html`) in a tab. */
export async function openExtensionPage(launched: LaunchedBrowser, path: string): Promise<Page> {
  return launched.newPage(launched.extensionUrl(path));
}
