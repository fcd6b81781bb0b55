/**
 * Tracks which mark is under the pointer (or holds the caret) and reports changes. The
 * pointermove handler only stores coordinates; one hit test runs per animation frame.
 */
import { firstNotBefore, hitTest, searchByCaret } from './hit-test.ts';

export interface HoverOptions<T extends { range: Range }> {
  doc: Document;
  /** Current marks in document order (read at every test, so filtering applies at once). */
  items: () => readonly T[];
  /** Events inside our own UI are not page hovers. */
  isOwnUi: (target: EventTarget) => boolean;
  /** Called when the mark under the pointer changes; `null` when it leaves all marks. */
  onChange: (item: T | null, source: 'pointer' | 'caret') => void;
  signal: AbortSignal;
}

/** Starts tracking; stops when `signal` aborts. */
export function trackHover<T extends { range: Range }>(options: HoverOptions<T>): void {
  const { doc, items, isOwnUi, onChange, signal } = options;
  const view = doc.defaultView;
  if (!view) return;
  let frame = 0;
  let x = 0;
  let y = 0;
  let current: T | null = null;
  let currentSource: 'pointer' | 'caret' = 'pointer';

  const report = (item: T | null, source: 'pointer' | 'caret'): void => {
    if (item === current) return;
    current = item;
    currentSource = source;
    onChange(item, source);
  };

  const test = (): void => {
    frame = 0;
    if (signal.aborted) return;
    report(hitTest(doc, items(), x, y), 'pointer');
  };

  // Captured at the window: a page that stops pointermove on its way up must not blind us.
  view.addEventListener(
    'pointermove',
    (event) => {
      if (event.pointerType === 'touch') return;
      if (event.composedPath().some((target) => isOwnUi(target))) return;
      x = event.clientX;
      y = event.clientY;
      if (!frame) frame = view.requestAnimationFrame(test);
    },
    { passive: true, signal, capture: true },
  );
  // The marks move with the text while the pointer stands still.
  view.addEventListener('scroll', () => current && !frame && (frame = view.requestAnimationFrame(test)), { passive: true, signal, capture: true });
  doc.documentElement.addEventListener('pointerleave', () => report(null, 'pointer'), { signal });

  // Keyboard users reach names with caret browsing or find-in-page, which moves the selection.
  doc.addEventListener(
    'selectionchange',
    () => {
      const selection = doc.getSelection();
      if (!selection || selection.rangeCount === 0) return;
      const focusNode = selection.focusNode;
      if (!focusNode || isOwnUi(focusNode)) return;
      const list = items();
      const index = searchByCaret(list, { node: focusNode, offset: selection.focusOffset });
      const item = index >= 0 ? (list[index] ?? null) : null;
      // A click elsewhere must not close a card the pointer opened.
      if (item || currentSource === 'caret') report(item, 'caret');
    },
    { signal },
  );

  // Tabbing onto a link that is (or holds) a name counts as resting on it.
  view.addEventListener(
    'focusin',
    (event) => {
      const target = event.target;
      if (!(target instanceof Element) || isOwnUi(target)) return;
      const list = items();
      const index = firstNotBefore(list, { node: target, offset: 0 });
      const item = index >= 0 ? list[index] : undefined;
      if (item && target.contains(item.range.startContainer)) report(item, 'caret');
      else if (currentSource === 'caret') report(null, 'caret');
    },
    { signal, capture: true },
  );

  signal.addEventListener('abort', () => frame && view.cancelAnimationFrame(frame), { once: true });
}
