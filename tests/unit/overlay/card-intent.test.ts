import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createCardIntent } from '../../../src/ui/card-intent.ts';

describe('card intent', () => {
  let shown: string | null;
  let intent: ReturnType<typeof createCardIntent<string>>;
  let controller: AbortController;

  beforeEach(() => {
    vi.useFakeTimers();
    shown = null;
    controller = new AbortController();
    intent = createCardIntent<string>({ open: (item) => (shown = item), close: () => (shown = null), signal: controller.signal });
  });
  afterEach(() => vi.useRealTimers());

  it('opens only when the pointer rests on a name', () => {
    intent.hover('acme');
    vi.advanceTimersByTime(100);
    intent.hover(null);
    intent.hover('globex');
    vi.advanceTimersByTime(100);
    expect(shown).toBeNull();
    vi.advanceTimersByTime(300);
    expect(shown).toBe('globex');
  });

  it('stays open while the pointer is in the card, and closes after it leaves', () => {
    intent.hover('acme');
    vi.advanceTimersByTime(400);
    intent.hover(null);
    intent.inCard(true);
    vi.advanceTimersByTime(2000);
    expect(shown).toBe('acme');
    intent.inCard(false);
    vi.advanceTimersByTime(400);
    expect(shown).toBeNull();
  });

  it('survives the short gap between the word and the card', () => {
    intent.hover('acme');
    vi.advanceTimersByTime(400);
    intent.hover(null);
    vi.advanceTimersByTime(100);
    intent.hover('acme');
    vi.advanceTimersByTime(1000);
    expect(shown).toBe('acme');
  });

  it('opens and closes at once from the keyboard', () => {
    intent.now('acme');
    expect(shown).toBe('acme');
    intent.now(null);
    expect(shown).toBeNull();
  });

  it('does nothing after its signal aborts', () => {
    intent.hover('acme');
    controller.abort();
    vi.advanceTimersByTime(1000);
    expect(shown).toBeNull();
  });
});
