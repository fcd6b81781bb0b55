/**
 * Content script entry point (stub until the page engine lands): proves the script runs in the
 * page by registering the highlight the styles in content.css paint, reports an empty count so
 * the badge is cleared, and listens for the sidebar command.
 */
import { onBackgroundMessage, sendToBackground } from '../src/platform/browser.ts';

const MENTION_HIGHLIGHT = 'fact-context-mention';

// The CSS Custom Highlight API is missing before Chromium 105 / Firefox 140; without it there is
// nothing to paint with, so the extension stays out of the page.
if (typeof CSS !== 'undefined' && 'highlights' in CSS) {
  if (!CSS.highlights.has(MENTION_HIGHLIGHT)) CSS.highlights.set(MENTION_HIGHLIGHT, new Highlight());
  void sendToBackground({ type: 'found', mentions: 0, claims: 0 });
  onBackgroundMessage(() => {
    // TODO(sidebar): toggle the sidebar once src/ui provides it.
  });
}
