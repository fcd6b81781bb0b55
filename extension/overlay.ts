/**
 * The overlay module (overlay.js), imported by the content script the first time the reader
 * points at a company or asks for the sidebar: the hover card and sidebar components with
 * Preact, and the excerpts they quote. It runs in the content script's isolated world.
 */
import knowledge from 'virtual:fact-context/knowledge/excerpts';
import type { OverlayModule } from '../src/ui/overlay-module.ts';
import { createOverlayView } from '../src/ui/overlay-view.ts';

const overlay: OverlayModule = { knowledge, createOverlayView };
export default overlay;
