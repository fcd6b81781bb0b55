/**
 * The contract between the content script and the overlay module it loads on first need
 * (extension/overlay.ts, built as overlay.js). The content script keeps the state (which card,
 * whether the sidebar is open) and the marks; the module brings what only a reader who opens
 * the card or the sidebar needs: Preact, the components, their styles, what their buttons do,
 * the excerpts, and the code that builds the findings they show.
 *
 * Type-only for the content script: importing it must never pull the module's code in.
 */
import type { KnowledgeDetails } from '../knowledge/parts.ts';
import type { buildFindings } from './findings.ts';
import type { MessageBackend } from './i18n.ts';
import type { OverlayProps } from './Overlay.tsx';
import type { OverlayActionDeps } from './overlay-actions.ts';
import type { createOnPageIndex } from './on-page.ts';

/** What the controller draws: the components' props but the actions, which the view makes. */
export type OverlayState = Omit<OverlayProps, 'actions'>;

/** The page, the controller's callbacks for the actions, and the i18n backend. */
export interface OverlayViewOptions extends OverlayActionDeps {
  /**
   * The content script's i18n backend: the module bundles its own copy of src/ui/i18n.ts,
   * which must look strings up the same way.
   */
  messages: MessageBackend | undefined;
}

/** The overlay drawn into its shadow-root host. */
export interface OverlayView {
  /** Draws (or redraws) the card and the sidebar; creates the host on first call. */
  render(state: OverlayState): void;
  /** True once the host was created (there is something on the page to redraw or remove). */
  mounted(): boolean;
  /** Unmounts the components and removes the host. */
  destroy(): void;
}

/** What overlay.js exports as its default. */
export interface OverlayModule {
  /** The sources and excerpts, which the content script joins to its core. */
  knowledge: KnowledgeDetails;
  /** The findings over the whole base; the content script caches them until the page changes. */
  buildFindings: typeof buildFindings;
  /** Which excerpts' words are on the page, over the page's text. */
  createOnPageIndex: typeof createOnPageIndex;
  /** Creates the view in `options.doc`; nothing is added to the page before the first render. */
  createOverlayView(options: OverlayViewOptions): OverlayView;
}
