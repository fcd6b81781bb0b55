/**
 * Content script entry point: wires the browser (messaging, storage, i18n) to the overlay
 * application in src/ui/content-app.ts, which holds all the logic.
 */
import knowledgeBase from 'virtual:fact-context/knowledge';
import { browser, onBackgroundMessage, sendToBackground, t as browserMessage } from '../src/platform/browser.ts';
import { onFindingsRequest } from '../src/platform/findings.ts';
import { createExtensionSettingsStore } from '../src/platform/settings.ts';
import { startContentApp } from '../src/ui/content-app.ts';
import { setMessageBackend } from '../src/ui/i18n.ts';

/** False once the extension was reloaded or removed: `runtime.id` goes away with the context. */
function isAlive(): boolean {
  try {
    return Boolean(browser.runtime?.id);
  } catch {
    return false;
  }
}

// Without the CSS Custom Highlight API (before Chromium 105 / Firefox 140) there is nothing to
// paint with, and without a <body> (an SVG or XML document) nothing to read.
if (typeof CSS !== 'undefined' && 'highlights' in CSS && document.body) {
  setMessageBackend((key, substitutions) => browserMessage(key, substitutions));
  const settings = createExtensionSettingsStore();
  const app = startContentApp({
    doc: document,
    kb: knowledgeBase,
    services: {
      settings,
      reportFound: (found) => sendToBackground({ type: 'found', ...found }),
      onToggleSidebar: (handler, signal) => onBackgroundMessage((message) => message.type === 'toggle-sidebar' && handler(), signal),
      isAlive,
    },
  });
  onFindingsRequest(() => ({ type: 'findings', ...app.summary() }), app.signal);
  app.signal.addEventListener('abort', () => settings.destroy(), { once: true });
  // A first scan that throws (a page we cannot read) must leave the page as it was.
  app.ready.catch(() => app.destroy());
}
