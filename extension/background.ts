/**
 * Background entry point (a service worker in Chromium, an event page in Firefox): keeps the
 * toolbar badge in step with what each tab's content script found, and forwards the
 * `toggle-sidebar` keyboard command to the tab it was pressed in. Listeners are registered at
 * the top level so a restarted worker receives the event that woke it.
 */
import { onCommand, onContentMessage, onTabNavigated, sendToTab, setBadge, t } from '../src/platform/browser.ts';

onContentMessage((message, sender) => {
  if (sender.frameId !== 0) return;
  const count = message.mentions + message.claims;
  void setBadge(sender.tabId, count, count > 0 ? t('badgeTitle', String(count)) : undefined);
});

onTabNavigated((tabId) => void setBadge(tabId, 0));

onCommand((command, tabId) => {
  if (command === 'toggle-sidebar') void sendToTab(tabId, { type: 'toggle-sidebar' });
});
