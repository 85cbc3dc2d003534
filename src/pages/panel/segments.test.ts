import { describe, expect, test } from 'vitest';
import { initialSegments, MAX_FROZEN, PATCH_WINDOW_MS, roll, ROLL_AT, type Segment, withBaseLimit } from './segments';

const bounds = (s: readonly Segment[]) => s.map((x) => [x.since, x.until]);

describe('segments', () => {
  test('start as a base page up to now and an open tail after it', () => {
    expect(bounds(initialSegments(1000, 150))).toEqual([
      [undefined, 1000],
      [1001, undefined],
    ]);
  });

  test('the base page follows the requested size, with a new key so it is re-read', () => {
    const s = initialSegments(1000, 150);
    const bigger = withBaseLimit(s, 2000);
    expect([bigger[0]?.limit, bigger[0]?.key !== s[0]?.key, bigger[1]]).toEqual([2000, true, s[1]]);
    expect(withBaseLimit(bigger, 2000)).toBe(bigger);
  });

  /** `n` entries spread evenly from `from` to `to`. */
  const spread = (n: number, from: number, to: number): number[] =>
    Array.from({ length: n }, (_, i) => from + ((to - from) * i) / Math.max(1, n - 1));

  test.each([
    ['a small tail stays', spread(ROLL_AT - 1, 2000, 100_000), 2],
    ['a big tail is cut, keeping the patch window open', spread(ROLL_AT * 2, 2000, 100_000), 3],
    ['a big tail whose entries are all recent stays', spread(ROLL_AT * 2, 100_000 - PATCH_WINDOW_MS + 1, 100_000), 2],
  ])('%s', (_n, times, length) => {
    const start = initialSegments(1000, 150);
    const next = roll(start, times);
    expect(next).toHaveLength(length);
    // Nothing to cut: the same array, so state setters do not re-render.
    if (length === 2) expect(next).toBe(start);
  });

  test('the cut tail becomes bounded where the new tail starts', () => {
    const s = roll(initialSegments(1000, 150), spread(ROLL_AT * 2, 2000, 50_000));
    const cut = 50_000 - PATCH_WINDOW_MS;
    expect(bounds(s)).toEqual([
      [undefined, 1000],
      [1001, cut],
      [cut + 1, undefined],
    ]);
  });

  test('too many bounded segments fold back into one base page up to the last cut', () => {
    let s: readonly Segment[] = initialSegments(1000, 150);
    for (let i = 1; i <= MAX_FROZEN + 1; i++) s = roll(s, spread(ROLL_AT * 2, 1000 + (i - 1) * 10_000 + 1, 1000 + i * 10_000));
    const cut = 1000 + (MAX_FROZEN + 1) * 10_000 - PATCH_WINDOW_MS;
    expect(bounds(s)).toEqual([
      [undefined, cut],
      [cut + 1, undefined],
    ]);
    expect(s[0]?.limit).toBe(150);
  });
});
