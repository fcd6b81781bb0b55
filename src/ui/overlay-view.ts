/**
 * The overlay's drawing side, loaded with the overlay module: renders the Preact tree into the
 * lazily created shadow host. Everything here (Preact included) stays out of the content
 * script that runs on every page.
 */
import { h, render } from 'preact';
import { createLazyHost } from '../page/host.ts';
import { setMessageBackend } from './i18n.ts';
import Overlay from './Overlay.tsx';
import { createOverlayActions } from './overlay-actions.ts';
import type { OverlayState, OverlayView, OverlayViewOptions } from './overlay-module.ts';
import { OVERLAY_CSS } from './styles.ts';

/** Creates the view; nothing is added to the page before the first `render`. */
export function createOverlayView(options: OverlayViewOptions): OverlayView {
  const { messages, ...deps } = options;
  if (messages) setMessageBackend(messages);
  const host = createLazyHost(deps.doc, OVERLAY_CSS);
  const actions = createOverlayActions(deps);
  const stop = new AbortController();
  let shown: OverlayState | undefined;
  // The card sits at the end of the document, far from its name in the Tab order: Tab from
  // the element the keyboard opened it on goes into it (HoverCard leads back out).
  deps.doc.defaultView?.addEventListener(
    'keydown',
    (event) => {
      const origin = shown?.card?.origin;
      if (event.key !== 'Tab' || event.shiftKey || event.defaultPrevented || !origin || origin === deps.doc.body || event.target !== origin) return;
      const control = host.peek()?.mount.querySelector<HTMLElement>('.fc-card button');
      if (!control) return;
      event.preventDefault();
      control.focus();
    },
    { signal: stop.signal },
  );
  return {
    render(state) {
      shown = state;
      render(h(Overlay, { ...state, actions }), host.get().mount);
    },
    mounted: () => host.peek() !== undefined,
    destroy() {
      stop.abort();
      const mounted = host.peek();
      if (mounted) render(null, mounted.mount);
      host.destroy();
    },
  };
}
