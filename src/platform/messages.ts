/**
 * The messages between the extension's parts: one type per direction. Every receiver validates
 * what it gets with the guards below (a message is just `unknown` until checked), because another
 * extension or a compromised page context can post anything to a runtime port.
 */

/** Content script -> background: what the page mentions, so the toolbar badge can show a count. */
export interface FoundMessage {
  type: 'found';
  /** Distinct covered companies (entities) mentioned on the page. */
  mentions: number;
  /** Distinct covered claims recognised on the page. */
  claims: number;
}

/** Every message a content script sends to the background. */
export type ContentToBackground = FoundMessage;

/** Background -> content script: the `toggle-sidebar` keyboard command was pressed in this tab. */
export interface ToggleSidebarMessage {
  type: 'toggle-sidebar';
}

/** Every message the background sends to a content script. */
export type BackgroundToContent = ToggleSidebarMessage;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < 1_000_000;
}

/** True when `value` is a well-formed {@link ContentToBackground} message. */
export function isContentToBackground(value: unknown): value is ContentToBackground {
  return isRecord(value) && value.type === 'found' && isCount(value.mentions) && isCount(value.claims);
}

/** True when `value` is a well-formed {@link BackgroundToContent} message. */
export function isBackgroundToContent(value: unknown): value is BackgroundToContent {
  return isRecord(value) && value.type === 'toggle-sidebar';
}
