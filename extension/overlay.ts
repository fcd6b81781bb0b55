/**
 * The overlay module (overlay.js), imported by the content script the first time the reader
 * points at a company or asks for the sidebar: the hover card and sidebar components with
 * Preact, the excerpts they quote and the lines that describe companies and claims, and the
 * findings they are drawn from. It runs in the content script's isolated world.
 */
import knowledge from 'virtual:fact-context/knowledge/details';
import { buildFindings } from '../src/ui/findings.ts';
import type { OverlayModule } from '../src/ui/overlay-module.ts';
import { createOnPageIndex } from '../src/ui/on-page.ts';
import { createOverlayView } from '../src/ui/overlay-view.ts';

const overlay: OverlayModule = { knowledge, buildFindings, createOnPageIndex, createOverlayView };
export default overlay;
