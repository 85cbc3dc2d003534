import { describe, expect, test } from 'vitest';
import { Throttled } from './throttle';

describe('Throttled', () => {
  test('computes at once the first time, then at most once per interval while inputs change', () => {
    const t = new Throttled<number>(1_000);
    let runs = 0;
    const compute = (): number => ++runs;
    expect(t.get(compute, [1], ['p'], 0)).toEqual({ value: 1, wait: 0 });
    expect(t.get(compute, [1], ['p'], 10)).toEqual({ value: 1, wait: 0 });
    expect(t.get(compute, [2], ['p'], 200)).toEqual({ value: 1, wait: 800 });
    expect(t.get(compute, [3], ['p'], 900)).toEqual({ value: 1, wait: 100 });
    expect(t.get(compute, [3], ['p'], 1_000)).toEqual({ value: 2, wait: 0 });
    expect(runs).toBe(2);
  });

  test('an urgent input is never held back', () => {
    const t = new Throttled<string>(1_000);
    t.get(() => 'a', [1], ['chromium'], 0);
    expect(t.get(() => 'b', [2], ['firefox'], 5)).toEqual({ value: 'b', wait: 0 });
  });

  test('the held-back inputs are computed when due, even if nothing changed since', () => {
    const t = new Throttled<number[]>(1_000);
    const obs = [1];
    t.get(() => [...obs], [obs.length], [], 0);
    obs.push(2);
    expect(t.get(() => [...obs], [obs.length], [], 500).value).toEqual([1]);
    expect(t.get(() => [...obs], [obs.length], [], 1_500).value).toEqual([1, 2]);
  });
});
