import { describe, expect, it } from 'vitest';
import { placeCard } from '../../../src/ui/position.ts';

const overlaps = (a: { top: number; height: number }, b: { top: number; height: number }) => a.top < b.top + b.height && b.top < a.top + a.height;

describe('placeCard', () => {
  const card = { width: 340, height: 200 };

  it('goes below the word when there is room', () => {
    const word = { top: 100, left: 50, width: 60, height: 20 };
    const place = placeCard(word, card, 1200, 800);
    expect(place.side).toBe('below');
    expect(place.top).toBeGreaterThanOrEqual(120);
  });

  it('goes above a word near the bottom and never covers it', () => {
    const word = { top: 700, left: 50, width: 60, height: 20 };
    const place = placeCard(word, card, 1200, 800);
    expect(place.side).toBe('above');
    expect(overlaps({ top: place.top, height: Math.min(card.height, place.maxHeight) }, word)).toBe(false);
  });

  it('stays inside the viewport at the right edge', () => {
    const word = { top: 100, left: 1150, width: 40, height: 20 };
    const place = placeCard(word, card, 1200, 800);
    expect(place.left + card.width).toBeLessThanOrEqual(1200);
    expect(place.left).toBeGreaterThanOrEqual(0);
  });

  it('caps its height in a short viewport instead of covering the word', () => {
    const word = { top: 150, left: 10, width: 40, height: 20 };
    const place = placeCard(word, { width: 340, height: 600 }, 800, 320);
    const height = Math.min(600, place.maxHeight);
    expect(overlaps({ top: place.top, height }, word)).toBe(false);
    expect(place.top).toBeGreaterThanOrEqual(0);
    expect(place.top + height).toBeLessThanOrEqual(320);
  });
});
