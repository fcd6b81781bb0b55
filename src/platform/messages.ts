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

/** Popup -> the active tab's top-frame content script: what did this page turn up? */
export interface FindingsRequest {
  type: 'get-findings';
}

/**
 * Content script -> popup, the answer to {@link FindingsRequest}. Sent even when the site is
 * switched off (with empty lists), because the popup takes the hostname for its site switch
 * from here: the page knows its own hostname without the `tabs` permission.
 */
export interface FindingsReply {
  type: 'findings';
  /** `location.hostname` of the page. */
  hostname: string;
  /** Distinct covered companies mentioned on the page. */
  entities: Array<{ id: string; name: string }>;
  /** Distinct covered claims recognised on the page, by id (the popup bundles their texts). */
  claims: Array<{ id: string }>;
}

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

function isShortString(value: unknown, max = 1000): value is string {
  return typeof value === 'string' && value.length <= max;
}

function isListOf(value: unknown, fields: readonly string[]): boolean {
  return (
    Array.isArray(value) &&
    value.length <= 1000 &&
    value.every((item) => isRecord(item) && fields.every((field) => isShortString(item[field])))
  );
}

/** True when `value` is a well-formed {@link FindingsRequest}. */
export function isFindingsRequest(value: unknown): value is FindingsRequest {
  return isRecord(value) && value.type === 'get-findings';
}

/** True when `value` is a well-formed {@link FindingsReply}. */
export function isFindingsReply(value: unknown): value is FindingsReply {
  return (
    isRecord(value) &&
    value.type === 'findings' &&
    isShortString(value.hostname, 253) &&
    isListOf(value.entities, ['id', 'name']) &&
    isListOf(value.claims, ['id'])
  );
}
