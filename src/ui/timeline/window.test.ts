import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { coveringWindow, scrollToReveal, visibleWindow, type VisibleWindow } from './window';

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

describe('coveringWindow', () => {
  const ROW = 26;
  const HEIGHT = 600;

  test('a fresh window reaches the overscan past the visible rows', () => {
    expect(coveringWindow({ start: 0, end: 0 }, 26_000, HEIGHT, ROW, 100_000, 3, 24)).toEqual({ start: 976, end: 1_048 });
  });

  test('kept, the same object, while it covers the visible rows and their margin', () => {
    const w = coveringWindow({ start: 0, end: 0 }, 26_000, HEIGHT, ROW, 100_000);
    expect(coveringWindow(w, 26_000 - 20 * ROW, HEIGHT, ROW, 100_000)).toBe(w);
    expect(coveringWindow(w, 26_000 + 20 * ROW, HEIGHT, ROW, 100_000)).toBe(w);
    expect(coveringWindow(w, 26_000 + 22 * ROW, HEIGHT, ROW, 100_000)).not.toBe(w);
  });

  test('scrolling 60 px a frame through 1,000 rows changes the rendered rows about once per 20 rows', () => {
    let w: VisibleWindow = { start: 0, end: 0 };
    let changes = 0;
    for (let top = 26_000; top > 0; top -= 60) {
      const next = coveringWindow(w, top, HEIGHT, ROW, 100_000);
      if (next !== w) changes++;
      w = next;
    }
    expect(changes).toBeLessThanOrEqual(Math.ceil(1_000 / 20) + 1);
  });

  test('a list that shrank below the window gets a new one inside it', () => {
    const w = coveringWindow({ start: 0, end: 0 }, 26_000, HEIGHT, ROW, 100_000);
    const next = coveringWindow(w, 0, HEIGHT, ROW, 10);
    expect(next).toEqual({ start: 0, end: 10 });
  });

  test('always covers every visible row, never past the list, and stays bounded', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ top: fc.nat(3_000_000), height: fc.integer({ min: 0, max: 2_000 }), count: fc.nat(120_000) }), {
          minLength: 1,
          maxLength: 30,
        }),
        (steps) => {
          let w: VisibleWindow = { start: 0, end: 0 };
          for (const { top, height, count } of steps) {
            w = coveringWindow(w, top, height, ROW, count);
            if (count === 0) {
              expect(w).toEqual({ start: 0, end: 0 });
              continue;
            }
            const visible = visibleWindow(top, height, ROW, count, 0);
            expect(w.start).toBeGreaterThanOrEqual(0);
            expect(w.end).toBeLessThanOrEqual(count);
            expect(w.start).toBeLessThanOrEqual(visible.start);
            expect(w.end).toBeGreaterThanOrEqual(Math.min(count, visible.end - 1));
            expect(w.end - w.start).toBeLessThanOrEqual(visible.end - visible.start + 2 * 24 + 2 * 3 + 2);
          }
        },
      ),
    );
  });
});
