/**
 * Probes of a web page as the reader sees it: the highlights the content script registered (read
 * from the page's main world, which shares the document's highlight registry with the content
 * script in both browsers), pointing at them, the overlay, animations, and the page's requests.
 */
import type { HTTPRequest, Page } from 'puppeteer-core';
import type { FixtureServer } from './fixture-server.ts';

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
  const host = await page.$('fact-context-root');
  // `pierce/` selectors reach into open shadow roots in both browsers.
  const element = host ? await host.$(`pierce/${selector}`) : null;
  await host?.dispose();
  if (!element) return false;
  await element.click();
  await element.dispose();
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
