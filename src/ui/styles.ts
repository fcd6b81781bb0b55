/**
 * Styles of the card and the sidebar, injected into our shadow root (page CSS cannot reach in,
 * and ours cannot leak out). Colours come from custom properties with a dark set under
 * `prefers-color-scheme: dark`; motion is dropped under `prefers-reduced-motion`.
 */
export const OVERLAY_CSS = `
.fc-root {
  --fc-bg: #ffffff;
  --fc-fg: #1c1f24;
  --fc-muted: #5a6270;
  --fc-line: #d6dae1;
  --fc-soft: #f3f5f8;
  --fc-accent: #2152a3;
  --fc-accent-fg: #ffffff;
  --fc-response: #8a4b00;
  --fc-response-soft: #fff5e6;
  --fc-onpage: #1d6b3a;
  --fc-shadow: 0 8px 28px rgba(15, 23, 42, 0.22);
  color-scheme: light dark;
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "PingFang SC", "Microsoft YaHei", sans-serif;
  color: var(--fc-fg);
  text-align: start;
  letter-spacing: normal;
  word-spacing: normal;
  text-transform: none;
}
@media (prefers-color-scheme: dark) {
  .fc-root {
    --fc-bg: #1d2026;
    --fc-fg: #e8eaee;
    --fc-muted: #a4acb9;
    --fc-line: #3a404b;
    --fc-soft: #262a31;
    --fc-accent: #8fb4ff;
    --fc-accent-fg: #0c1424;
    --fc-response: #ffc27a;
    --fc-response-soft: #2e261b;
    --fc-onpage: #7fd69b;
    --fc-shadow: 0 8px 28px rgba(0, 0, 0, 0.6);
  }
}
*, *::before, *::after { box-sizing: border-box; }
h2, h3, h4, h5, h6, p, ul, ol, blockquote, figure { margin: 0; padding: 0; }
ul { list-style: none; }
button, input { font: inherit; color: inherit; }
button {
  cursor: pointer;
  border: 1px solid var(--fc-line);
  background: var(--fc-soft);
  border-radius: 6px;
  padding: 3px 10px;
}
button:hover { border-color: var(--fc-accent); }
:focus-visible { outline: 2px solid var(--fc-accent); outline-offset: 2px; }
.fc-primary { background: var(--fc-accent); color: var(--fc-accent-fg); border-color: var(--fc-accent); }
.fc-link { border: none; background: none; padding: 0; color: var(--fc-accent); text-decoration: underline; text-align: start; }
.fc-muted { color: var(--fc-muted); }
.fc-sr {
  position: absolute; width: 1px; height: 1px; overflow: hidden;
  clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap;
}

/* Hover card */
.fc-card {
  position: fixed;
  width: 340px;
  max-width: calc(100vw - 16px);
  overflow: auto;
  background: var(--fc-bg);
  border: 1px solid var(--fc-line);
  border-radius: 10px;
  box-shadow: var(--fc-shadow);
  padding: 12px 14px;
  pointer-events: auto;
  animation: fc-fade 120ms ease-out;
}
.fc-card h2 { font-size: 16px; font-weight: 650; }
.fc-card .fc-desc { margin-top: 2px; color: var(--fc-muted); }
.fc-card ul { margin: 8px 0; display: grid; gap: 4px; }
.fc-card li {
  padding-left: 10px; border-left: 3px solid var(--fc-accent);
  display: -webkit-box; -webkit-box-orient: vertical; -webkit-line-clamp: 2; line-clamp: 2; overflow: hidden;
}
.fc-card .fc-more { border-left-color: transparent; color: var(--fc-muted); }
.fc-card .fc-counts { color: var(--fc-muted); margin-bottom: 8px; }
.fc-card .fc-actions { display: flex; gap: 8px; justify-content: flex-end; }
@keyframes fc-fade { from { opacity: 0; transform: translateY(2px); } to { opacity: 1; transform: none; } }

/* Sidebar */
.fc-sidebar {
  position: fixed;
  top: 0;
  right: 0;
  width: min(440px, 100vw);
  height: 100vh;
  height: 100dvh;
  display: flex;
  flex-direction: column;
  background: var(--fc-bg);
  border-left: 1px solid var(--fc-line);
  box-shadow: var(--fc-shadow);
  pointer-events: auto;
  animation: fc-slide 160ms ease-out;
}
@keyframes fc-slide { from { transform: translateX(24px); opacity: 0; } to { transform: none; opacity: 1; } }
.fc-sidebar > header {
  display: flex; align-items: center; justify-content: space-between; gap: 8px;
  padding: 12px 16px; border-bottom: 1px solid var(--fc-line);
}
.fc-sidebar > header h2 { font-size: 17px; font-weight: 700; }
.fc-body { overflow: auto; padding: 12px 16px 32px; display: grid; gap: 18px; overscroll-behavior: contain; }
.fc-body > section > h3 { font-size: 13px; text-transform: uppercase; letter-spacing: 0.04em; color: var(--fc-muted); margin-bottom: 8px; }
.fc-entry {
  border: 1px solid var(--fc-line); border-radius: 8px; padding: 10px 12px; margin-bottom: 10px;
  scroll-margin-top: 12px;
}
.fc-entry.fc-target { border-color: var(--fc-accent); box-shadow: 0 0 0 1px var(--fc-accent); }
.fc-entry h4 { font-size: 15px; font-weight: 650; }
.fc-entry h4:focus { outline: none; }
.fc-entry .fc-meta { color: var(--fc-muted); font-size: 13px; margin-top: 4px; }
.fc-entry .fc-row { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; margin-top: 8px; }
.fc-entry .fc-claimlist { margin-top: 6px; display: grid; gap: 4px; }
.fc-hidden-note { font-style: italic; }
.fc-sides { display: grid; gap: 10px; margin-top: 10px; }
.fc-side { border-radius: 6px; padding: 8px 10px; background: var(--fc-soft); }
.fc-side > h5 { font-size: 12px; text-transform: uppercase; letter-spacing: 0.04em; margin-bottom: 6px; }
.fc-side.fc-responses { background: var(--fc-response-soft); border-left: 4px solid var(--fc-response); }
.fc-side.fc-responses > h5 { color: var(--fc-response); }
.fc-source + .fc-source { margin-top: 10px; }
.fc-source > h6 { font-size: 13px; font-weight: 600; }
.fc-source > h6 .fc-headline { font-weight: 400; font-style: italic; }
.fc-excerpt { margin-top: 6px; }
.fc-excerpt blockquote { border-left: 2px solid var(--fc-line); padding-left: 8px; }
.fc-excerpt .fc-attr { font-size: 12px; color: var(--fc-muted); margin-top: 2px; }
.fc-badge {
  display: inline-block; font-size: 11px; border-radius: 999px; padding: 0 7px; margin-left: 4px;
  border: 1px solid currentColor;
}
.fc-badge.fc-onpage { color: var(--fc-onpage); }
.fc-filters fieldset { border: 1px solid var(--fc-line); border-radius: 6px; margin: 8px 0 0; padding: 6px 10px; }
.fc-filters legend { font-weight: 600; padding: 0 4px; }
.fc-filters label { display: flex; gap: 6px; align-items: center; padding: 2px 0; }
.fc-filters summary { cursor: pointer; font-weight: 600; }

@media (prefers-reduced-motion: reduce) {
  .fc-card, .fc-sidebar { animation: none; }
}
@media (forced-colors: active) {
  .fc-card, .fc-sidebar, .fc-entry { border: 1px solid CanvasText; }
}
`;
