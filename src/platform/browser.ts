/**
 * The one module that touches the WebExtension API. Everything else gets the small typed helpers
 * below (or services built from them), so the engine and the UI run unchanged in Node and tests.
 *
 * webextension-polyfill is a pass-through where a promise-based `browser` global already exists
 * (Firefox, Chromium 148+), and wraps `chrome` on older Chromium.
 */
import browser from 'webextension-polyfill';
import type { Runtime } from 'webextension-polyfill';
import {
  isBackgroundToContent,
  isContentToBackground,
  type BackgroundToContent,
  type ContentToBackground,
} from './messages.ts';

export { browser };

/** Who sent a message to the background: the tab of the content script that sent it. */
export interface ContentSender {
  tabId: number;
  frameId: number;
  url: string | undefined;
}

/** The localized string `key` from public/_locales, or `key` itself when it has no translation. */
export function t(key: string, substitutions?: string | string[]): string {
  try {
    return browser.i18n.getMessage(key, substitutions) || key;
  } catch {
    return key;
  }
}

/**
 * Content script -> background. Resolves even when nobody listens or the extension was reloaded
 * under the page ("Extension context invalidated"): a badge count is not worth a page error.
 */
export async function sendToBackground(message: ContentToBackground): Promise<void> {
  try {
    await browser.runtime.sendMessage(message);
  } catch {
    // The background is restarting or the extension is gone; the next scan sends again.
  }
}

/** Background -> one tab's content scripts. Resolves false when the tab has no content script. */
export async function sendToTab(tabId: number, message: BackgroundToContent): Promise<boolean> {
  try {
    await browser.tabs.sendMessage(tabId, message);
    return true;
  } catch {
    return false;
  }
}

/** Listens, in the background, to validated messages from this extension's own content scripts. */
export function onContentMessage(
  handler: (message: ContentToBackground, sender: ContentSender) => void,
  signal?: AbortSignal,
): void {
  const listener = (message: unknown, sender: Runtime.MessageSender): undefined => {
    if (sender.id !== browser.runtime.id || sender.tab?.id === undefined) return undefined;
    if (!isContentToBackground(message)) return undefined;
    handler(message, { tabId: sender.tab.id, frameId: sender.frameId ?? 0, url: sender.url });
    return undefined;
  };
  browser.runtime.onMessage.addListener(listener);
  signal?.addEventListener('abort', () => browser.runtime.onMessage.removeListener(listener), { once: true });
}

/** Listens, in a content script, to validated messages from this extension's background. */
export function onBackgroundMessage(handler: (message: BackgroundToContent) => void, signal?: AbortSignal): void {
  const listener = (message: unknown, sender: Runtime.MessageSender): undefined => {
    // Messages from the background carry no tab; anything with a tab came from another content script.
    if (sender.id !== browser.runtime.id || sender.tab !== undefined) return undefined;
    if (isBackgroundToContent(message)) handler(message);
    return undefined;
  };
  browser.runtime.onMessage.addListener(listener);
  signal?.addEventListener('abort', () => browser.runtime.onMessage.removeListener(listener), { once: true });
}

/** Runs `handler` with the tab a keyboard command was pressed in (the active tab when unknown). */
export function onCommand(handler: (command: string, tabId: number) => void): void {
  browser.commands.onCommand.addListener(async (command, tab) => {
    let tabId = tab?.id;
    if (tabId === undefined) {
      const [active] = await browser.tabs.query({ active: true, currentWindow: true });
      tabId = active?.id;
    }
    if (tabId !== undefined) handler(command, tabId);
  });
}

/** Runs `handler` when a tab navigates, so per-page state (the badge) can be reset. */
export function onTabNavigated(handler: (tabId: number) => void): void {
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading') handler(tabId);
  });
}

/** Shows `count` on the toolbar button of one tab; 0 clears it. Needs no permission. */
export async function setBadge(tabId: number, count: number, title?: string): Promise<void> {
  try {
    await browser.action.setBadgeText({ tabId, text: count > 0 ? String(Math.min(count, 999)) : '' });
    await browser.action.setBadgeBackgroundColor({ tabId, color: '#2152a3' });
    await browser.action.setTitle({ tabId, title: title ?? null });
  } catch {
    // The tab closed before the badge was set.
  }
}

/** Opens the extension's options page (from the popup). */
export function openOptionsPage(): Promise<void> {
  return browser.runtime.openOptionsPage();
}

/** Absolute URL of a file packaged with the extension. */
export function extensionUrl(path: string): string {
  return browser.runtime.getURL(path);
}
