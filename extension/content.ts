/**
 * Content script entry point: wires the browser (messaging, storage, i18n) to the overlay
 * application in src/ui/content-app.ts, which holds all the logic.
 *
 * A classic script, loaded on every page: it carries the knowledge base's core and the engine.
 * The card and sidebar (Preact, the components, the excerpts) are overlay.js, an ES module
 * imported from the extension's own URL the first time they are needed; it runs in this
 * script's isolated world.
 */
import knowledgeCore from 'virtual:fact-context/knowledge/core';
import { browser, extensionUrl, onBackgroundMessage, sendToBackground, t as browserMessage } from '../src/platform/browser.ts';
import { onFindingsRequest } from '../src/platform/findings.ts';
import { createExtensionSettingsStore } from '../src/platform/settings.ts';
import { startContentApp } from '../src/ui/content-app.ts';
import { setMessageBackend } from '../src/ui/i18n.ts';
import type { OverlayModule } from '../src/ui/overlay-module.ts';

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
    kb: knowledgeCore,
    services: {
      settings,
      reportFound: (found) => sendToBackground({ type: 'found', ...found }),
      onToggleSidebar: (handler, signal) => onBackgroundMessage((message) => message.type === 'toggle-sidebar' && handler(), signal),
      isAlive,
      // web_accessible_resources with use_dynamic_url: runtime.getURL gives this session's URL.
      loadOverlay: async () => ((await import(/* @vite-ignore */ extensionUrl('overlay.js'))) as { default: OverlayModule }).default,
    },
  });
  onFindingsRequest(() => ({ type: 'findings', ...app.summary() }), app.signal);
  app.signal.addEventListener('abort', () => settings.destroy(), { once: true });
  // A first scan that throws (a page we cannot read) must leave the page as it was.
  app.ready.catch(() => app.destroy());
}
