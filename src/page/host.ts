/**
 * The one element we add to a page: `<fact-context-root>`, holding our UI in a shadow root.
 *
 * The shadow root is open: a closed root protects nothing from page scripts (they can patch
 * `attachShadow` before we run), while an open one lets assistive tools, tests and users'
 * own scripts see the UI. Page CSS cannot reach inside; `all: initial` on `:host` (marked
 * important, which beats the page's own rules for the host) stops inheritance at the door.
 */

/** Tag name of our host element. */
export const HOST_TAG = 'fact-context-root';

const HOST_CSS = `
:host {
  all: initial !important;
  display: block !important;
  position: fixed !important;
  inset: 0 auto auto 0 !important;
  width: 0 !important;
  height: 0 !important;
  overflow: visible !important;
  z-index: 2147483647 !important;
  contain: style !important;
}
@media print {
  :host { display: none !important; }
}
`;

export interface UiHost {
  element: HTMLElement;
  shadow: ShadowRoot;
  /** Where Preact renders. */
  mount: HTMLElement;
  destroy(): void;
}

/** True if `node` is our host or inside it (also across the shadow boundary). */
export function isInHost(node: EventTarget | Node | null): boolean {
  let current: Node | null = node instanceof Node ? node : null;
  while (current) {
    if (current.nodeType === Node.ELEMENT_NODE && (current as Element).localName === HOST_TAG) return true;
    current = current.parentNode ?? (current instanceof ShadowRoot ? current.host : null);
  }
  return false;
}

/** Creates the host lazily: call `get()` when the card or sidebar first needs to show. */
export function createLazyHost(doc: Document, styles: string): { get(): UiHost; peek(): UiHost | undefined; destroy(): void } {
  let host: UiHost | undefined;
  return {
    get() {
      if (host?.element.isConnected) return host;
      host?.destroy();
      const element = doc.createElement(HOST_TAG);
      const shadow = element.attachShadow({ mode: 'open' });
      const style = doc.createElement('style');
      style.textContent = HOST_CSS + styles;
      const mount = doc.createElement('div');
      mount.className = 'fc-root';
      shadow.append(style, mount);
      // A sibling after <body>, not a child: the body's children, text and :last-child rules
      // stay exactly as the page made them.
      doc.documentElement.append(element);
      host = { element, shadow, mount, destroy: () => element.remove() };
      return host;
    },
    peek: () => host,
    destroy() {
      host?.destroy();
      host = undefined;
    },
  };
}
