/**
 * Hover intent for the card: it opens only when the pointer rests on a name for a moment (so
 * sweeping across a paragraph opens nothing), and closes a little after the pointer leaves,
 * which leaves time to move into the card; inside the card it stays open.
 */

export interface CardIntentOptions<T> {
  open: (item: T) => void;
  close: () => void;
  signal: AbortSignal;
  openDelayMs?: number;
  closeDelayMs?: number;
}

export interface CardIntent<T> {
  /** The pointer is now over `item`, or over no name (`null`). */
  hover(item: T | null): void;
  /** The pointer entered or left the card. */
  inCard(inside: boolean): void;
  /** Open at once (keyboard) or close at once (Escape); cancels pending timers. */
  now(item: T | null): void;
}

/** Creates the intent tracker; its timers die with `signal`. */
export function createCardIntent<T>(options: CardIntentOptions<T>): CardIntent<T> {
  const { open, close, signal } = options;
  const openDelay = options.openDelayMs ?? 300;
  const closeDelay = options.closeDelayMs ?? 250;
  let openTimer: ReturnType<typeof setTimeout> | undefined;
  let closeTimer: ReturnType<typeof setTimeout> | undefined;
  let shown: T | null = null;
  let pointerInCard = false;

  const cancel = (): void => {
    clearTimeout(openTimer);
    clearTimeout(closeTimer);
    openTimer = closeTimer = undefined;
  };
  signal.addEventListener('abort', cancel, { once: true });

  const scheduleClose = (): void => {
    clearTimeout(closeTimer);
    closeTimer = setTimeout(() => {
      closeTimer = undefined;
      if (pointerInCard || signal.aborted) return;
      shown = null;
      close();
    }, closeDelay);
  };

  return {
    hover(item) {
      if (signal.aborted) return;
      clearTimeout(openTimer);
      openTimer = undefined;
      if (item === null) {
        if (shown !== null) scheduleClose();
        return;
      }
      clearTimeout(closeTimer);
      closeTimer = undefined;
      if (item === shown) return;
      openTimer = setTimeout(() => {
        openTimer = undefined;
        if (signal.aborted) return;
        shown = item;
        pointerInCard = false;
        open(item);
      }, openDelay);
    },
    inCard(inside) {
      pointerInCard = inside;
      if (inside) {
        clearTimeout(closeTimer);
        closeTimer = undefined;
      } else if (shown !== null) scheduleClose();
    },
    now(item) {
      cancel();
      shown = item;
      pointerInCard = false;
      if (item === null) close();
      else open(item);
    },
  };
}
