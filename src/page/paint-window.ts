/**
 * On very long pages only the marks near the viewport are painted. Browsers re-process every
 * range of a highlight whenever the registry changes (Chromium 156: about 4.5 ms per thousand
 * ranges per frame on our test machine), so fourteen thousand marks cost a 60 ms frame; a
 * window of a few hundred costs next to nothing. An IntersectionObserver on the elements that
 * hold the marks says which are near; marks enter and leave the highlights as the reader scrolls.
 */
import type { Mark } from './highlights.ts';

export interface PaintWindow {
  /** Starts tracking marks (their elements are observed). */
  track(marks: readonly Mark[]): void;
  /** True if the mark's element is within the window around the viewport. */
  isNear(mark: Mark): boolean;
  /** Tracks exactly `marks` from now on (after marks were dropped). */
  reset(marks: readonly Mark[]): void;
  destroy(): void;
}

/** The constructor we need, so tests can pass a fake. */
export type IntersectionObserverCtor = new (callback: IntersectionObserverCallback, options?: IntersectionObserverInit) => IntersectionObserver;

/**
 * The element a mark's painting depends on: the one holding its start, read without working
 * out the mark's points or making its Range (from its holder when it has one).
 */
function elementOf(mark: Mark): Element | null {
  const node = mark.holder ?? mark.anchors[0];
  if (!node) return null;
  return node.nodeType === 1 ? (node as Element) : node.parentElement;
}

/**
 * Creates the window. `onChange` gets the marks that came near and those that went away.
 * The margin is a viewport above and below, so fast scrolling rarely outruns the painting.
 */
export function createPaintWindow(
  onChange: (entered: Mark[], left: Mark[]) => void,
  Observer: IntersectionObserverCtor = IntersectionObserver,
): PaintWindow {
  const groups = new Map<Element, Mark[]>();
  const near = new Set<Element>();
  const observer = new Observer(
    (entries) => {
      const entered: Mark[] = [];
      const left: Mark[] = [];
      for (const entry of entries) {
        const list = groups.get(entry.target);
        if (!list) continue;
        if (entry.isIntersecting) {
          if (!near.has(entry.target)) {
            near.add(entry.target);
            entered.push(...list);
          }
        } else if (near.delete(entry.target)) left.push(...list);
      }
      if (entered.length > 0 || left.length > 0) onChange(entered, left);
    },
    { rootMargin: '100% 0px' },
  );

  function track(marks: readonly Mark[]): void {
    for (const mark of marks) {
      const element = elementOf(mark);
      if (!element) continue;
      let list = groups.get(element);
      if (!list) {
        groups.set(element, (list = []));
        observer.observe(element);
      }
      list.push(mark);
    }
  }

  return {
    track,
    isNear(mark) {
      if (near.size === 0) return false;
      const element = elementOf(mark);
      return element !== null && near.has(element);
    },
    reset(marks) {
      const previous = new Set(groups.keys());
      for (const list of groups.values()) list.length = 0;
      track(marks);
      // Elements that lost all their marks are no longer watched; the rest keep their state.
      for (const element of previous) {
        if (groups.get(element)?.length) continue;
        groups.delete(element);
        near.delete(element);
        observer.unobserve(element);
      }
    },
    destroy() {
      observer.disconnect();
      groups.clear();
      near.clear();
    },
  };
}
