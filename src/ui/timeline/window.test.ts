import { describe, expect, test } from 'vitest';
import { scrollToReveal, visibleWindow } from './window';

describe('visibleWindow', () => {
  test.each([
    ['empty list', 0, 100, 10, 0, { start: 0, end: 0 }],
    ['top of a long list', 0, 100, 10, 100_000, { start: 0, end: 19 }],
    ['middle', 5_000, 100, 10, 100_000, { start: 492, end: 519 }],
    ['bottom clamps to the count', 999_900, 100, 10, 100_000, { start: 99_982, end: 100_000 }],
    ['short list', 0, 500, 10, 3, { start: 0, end: 3 }],
  ])('%s', (_n, top, height, row, count, want) => {
    expect(visibleWindow(top, height, row, count)).toEqual(want);
  });
});

describe('scrollToReveal', () => {
  test.each([
    ['already visible', 3, 0, 100, 10, undefined],
    ['above the view', 2, 50, 100, 10, 20],
    ['below the view', 20, 0, 100, 10, 110],
  ])('%s', (_n, index, top, height, row, want) => {
    expect(scrollToReveal(index, top, height, row)).toBe(want);
  });
});
