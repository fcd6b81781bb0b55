/**
 * The popup's question to the page ("what did you find here?") and the content script's answer.
 * Asked of the content script directly rather than kept in the background: the page always has
 * the current answer, and a restarted service worker would have forgotten it.
 */
import type { Runtime } from 'webextension-polyfill';
import { browser } from './browser.ts';
import { isFindingsReply, isFindingsRequest, type FindingsReply } from './messages.ts';

/**
 * Asks the active tab's top frame what it found. Resolves `undefined` when there is no content
 * script to answer (a browser page, a tab loaded before the extension) or the answer is malformed.
 */
export async function requestFindings(): Promise<FindingsReply | undefined> {
  try {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id === undefined) return undefined;
    const reply: unknown = await browser.tabs.sendMessage(tab.id, { type: 'get-findings' }, { frameId: 0 });
    return isFindingsReply(reply) ? reply : undefined;
  } catch {
    return undefined;
  }
}

/**
 * True for a message from one of this extension's own pages (popup, options), and not from a
 * content script, whose `url` is the web page's. `sender.tab` cannot tell them apart: Firefox
 * sets it for an extension page open in a tab too.
 */
function fromOwnPage(sender: Runtime.MessageSender): boolean {
  return sender.id === browser.runtime.id && sender.url !== undefined && sender.url.startsWith(browser.runtime.getURL('/'));
}

/** In the content script: answers the popup with `answer()`; only this extension's pages may ask. */
export function onFindingsRequest(answer: () => FindingsReply, signal?: AbortSignal): void {
  // The typings allow a three-argument listener only if it always returns `true`, but `true` would
  // keep the channel open for messages meant for other listeners (the sender would never settle).
  // Returning nothing is the documented way to decline; hence the cast.
  const listener = ((message: unknown, sender: Runtime.MessageSender, sendResponse: (reply: unknown) => void) => {
    if (!fromOwnPage(sender) || !isFindingsRequest(message)) return undefined;
    // sendResponse rather than a returned promise: it works in every browser, with or without
    // the polyfill, and answering synchronously needs no open channel.
    sendResponse(answer());
    return undefined;
  }) as unknown as Runtime.OnMessageListenerCallback;
  browser.runtime.onMessage.addListener(listener);
  signal?.addEventListener('abort', () => browser.runtime.onMessage.removeListener(listener), { once: true });
}
