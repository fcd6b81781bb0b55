/**
 * Accessibility of everything the extension shows, checked by axe-core in real browsers: the
 * hover card and the sidebar (inside our open shadow root on a news page), the popup and the
 * options page; in light and dark colour schemes where the browser lets us switch (Chromium).
 *
 * Only our own UI is audited: on a news page the context is our shadow host, so the fixture
 * page's own markup cannot fail (or pass) the test. axe follows open shadow roots; each audit also
 * checks that axe did look inside ours, so an audit that saw nothing cannot pass.
 */
import axe from 'axe-core';
import type { Page } from 'puppeteer-core';
import { describe, expect, test } from 'vitest';
import { BROWSER_KINDS, openExtensionPage, waitForHighlight, type LaunchedBrowser } from './harness.ts';
import { useBrowser } from './session.ts';
import { clickUi, hoverMention, waitForUi } from './overlay-page.ts';

const ARTICLE = 'gizmodo-2018-facebook-huawei.html';
const HOST = 'fact-context-root';
/** WCAG 2.0-2.2 A and AA, and axe's best practices. */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** One violation, as a person fixing it needs it. */
interface Finding {
  rule: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string; summary: string }>;
}

interface Audit {
  violations: Finding[];
  /** How many checked elements lay inside a shadow root (axe target with a shadow path). */
  shadowNodes: number;
  /** How many elements passed or failed any rule. */
  checkedNodes: number;
}

/**
 * Runs axe on the page (or within `host` and its shadow tree) and returns its violations. A rule
 * axe cannot decide (incomplete, e.g. contrast over a gradient) is not a violation.
 */
async function audit(page: Page, host?: string): Promise<Audit> {
  // A string is evaluated as is; extension pages forbid eval by CSP, but this comes from the driver.
  await page.evaluate(axe.source);
  return page.evaluate(
    async (tags: string[], hostSelector: string | null) => {
      interface AxeNode {
        target: Array<string | string[]>;
        failureSummary?: string;
      }
      interface AxeRule {
        id: string;
        impact?: string | null;
        help: string;
        nodes: AxeNode[];
      }
      const run = (globalThis as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: AxeRule[]; passes: AxeRule[] }> } }).axe;
      const context = hostSelector ? { include: [[hostSelector]] } : document;
      const result = await run.run(context, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations', 'passes'] });
      const targets = [...result.violations, ...result.passes].flatMap((rule) => rule.nodes.map((node) => node.target));
      return {
        violations: result.violations.map((rule) => ({
          rule: rule.id,
          impact: rule.impact ?? null,
          help: rule.help,
          nodes: rule.nodes.map((node) => ({ target: JSON.stringify(node.target), summary: node.failureSummary ?? '' })),
        })),
        // A target inside a shadow tree is a list of selectors, host first.
        shadowNodes: targets.filter((target) => Array.isArray(target[0])).length,
        checkedNodes: targets.length,
      };
    },
    TAGS,
    host ?? null,
  );
}

/** Waits until the popup, reloaded while the article is the active tab, lists its findings. */
async function popupWithFindings(launched: LaunchedBrowser, article: Page): Promise<Page> {
  const popup = await openExtensionPage(launched, 'popup.html');
  await article.bringToFront();
  await popup.evaluate(() => {
    (window as unknown as { beforeReload?: boolean }).beforeReload = true;
    location.reload();
  });
  await popup.waitForFunction(
    () => !(window as unknown as { beforeReload?: boolean }).beforeReload && document.readyState === 'complete' && /Companies: [1-9]/.test(document.body.innerText),
    { polling: 100, timeout: 15_000 },
  );
  return popup;
}

describe.each(BROWSER_KINDS)('%s: accessibility (axe-core)', (kind) => {
  let article: Page;
  // Firefox over WebDriver BiDi cannot emulate prefers-color-scheme through puppeteer.
  const schemes = kind === 'chromium' ? (['light', 'dark'] as const) : (['light'] as const);

  const session = useBrowser(kind, async ({ launched }) => {
    article = await launched.newPage(ARTICLE);
    await waitForHighlight(article, 'fact-context-mention', 1);
  });

  async function setScheme(page: Page, scheme: 'light' | 'dark'): Promise<void> {
    if (kind === 'chromium') await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
  }

  /** A fresh copy of the article in the given scheme, its card open on the first "Huawei". */
  async function articleWithCard(scheme: 'light' | 'dark'): Promise<Page> {
    const page = await session.launched.newPage(ARTICLE);
    await setScheme(page, scheme);
    await waitForHighlight(page, 'fact-context-mention', 1);
    await hoverMention(page, 'Huawei');
    await waitForUi(page, '.fc-card');
    return page;
  }

  test.each(schemes)('the hover card has no violations (%s)', async (scheme) => {
    const page = await articleWithCard(scheme);
    try {
      const result = await audit(page, HOST);
      expect(result.shadowNodes).toBeGreaterThan(0);
      expect(result.violations).toEqual([]);
    } finally {
      await page.close();
    }
  });

  test.each(schemes)('the sidebar has no violations (%s)', async (scheme) => {
    const page = await articleWithCard(scheme);
    try {
      await clickUi(page, '.fc-card button');
      await waitForUi(page, 'aside');
      const result = await audit(page, HOST);
      expect(result.shadowNodes).toBeGreaterThan(5);
      expect(result.violations).toEqual([]);
    } finally {
      await page.close();
    }
  });

  test.each(schemes)('the popup has no violations (%s)', async (scheme) => {
    const popup = await popupWithFindings(session.launched, article);
    try {
      await setScheme(popup, scheme);
      const result = await audit(popup);
      expect(result.checkedNodes).toBeGreaterThan(5);
      expect(result.violations).toEqual([]);
    } finally {
      await popup.close();
    }
  });

  test.each(schemes)('the options page has no violations (%s)', async (scheme) => {
    const options = await openExtensionPage(session.launched, 'options.html');
    try {
      await options.waitForFunction(() => document.querySelectorAll('fieldset input[type="checkbox"]').length > 10, { polling: 100, timeout: 15_000 });
      await setScheme(options, scheme);
      const result = await audit(options);
      expect(result.checkedNodes).toBeGreaterThan(20);
      expect(result.violations).toEqual([]);
    } finally {
      await options.close();
    }
  });
});
