import { describe, expect, test } from 'vitest';
import { initialSegments, MAX_FROZEN, PATCH_WINDOW_MS, roll, ROLL_AT, withBaseLimit } from './segments';

const bounds = (s: ReturnType<typeof initialSegments>) => s.map((x) => [x.since, x.until]);

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
    expect(withBaseLimit(bigger, 2000)).toEqual(bigger);
  });

  test.each([
    ['a small tail stays', ROLL_AT - 1, 100_000, 2],
    ['a big tail is cut, keeping the patch window open', ROLL_AT, 100_000, 3],
    ['a big tail whose entries are all recent stays', ROLL_AT, 1001 + PATCH_WINDOW_MS - 1, 2],
  ])('%s', (_n, count, newest, length) => {
    expect(roll(initialSegments(1000, 150), count, newest)).toHaveLength(length);
  });

  test('the cut tail becomes bounded where the new tail starts', () => {
    const s = roll(initialSegments(1000, 150), ROLL_AT, 50_000);
    const cut = 50_000 - PATCH_WINDOW_MS;
    expect(bounds(s)).toEqual([
      [undefined, 1000],
      [1001, cut],
      [cut + 1, undefined],
    ]);
  });

  test('too many bounded segments fold back into one base page up to the last cut', () => {
    let s = initialSegments(1000, 150);
    for (let i = 1; i <= MAX_FROZEN + 1; i++) s = roll(s, ROLL_AT, 1000 + i * 10_000);
    const cut = 1000 + (MAX_FROZEN + 1) * 10_000 - PATCH_WINDOW_MS;
    expect(bounds(s)).toEqual([
      [undefined, cut],
      [cut + 1, undefined],
    ]);
    expect(s[0]?.limit).toBe(150);
  });
});
