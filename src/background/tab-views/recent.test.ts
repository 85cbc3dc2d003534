import { describe, expect, test } from 'vitest';
import { RecentObservations } from './recent';

describe('recent observations', () => {
  test('a tab gets back what was recorded for it within the window, oldest first', () => {
    const r = new RecentObservations<{ tabId: number; n: number }>(1_000, 10);
    r.add({ tabId: 1, n: 1 }, 0);
    r.add({ tabId: 2, n: 2 }, 100);
    r.add({ tabId: 1, n: 3 }, 200);
    expect(r.of(1, 300).map((o) => o.n)).toEqual([1, 3]);
    expect(r.of(1, 1_050).map((o) => o.n)).toEqual([3]);
    expect(r.of(2, 1_200)).toEqual([]);
  });

  test('each tab holds at most its bound, newest kept', () => {
    const r = new RecentObservations<{ tabId: number; n: number }>(1_000, 2);
    for (let n = 0; n < 5; n++) r.add({ tabId: 1, n }, n);
    expect(r.of(1, 10).map((o) => o.n)).toEqual([3, 4]);
  });
});
