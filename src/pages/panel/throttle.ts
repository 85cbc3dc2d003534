/**
 * A value recomputed at most once per interval while its inputs keep changing: the panel's full
 * analysis (findings, limits) runs over every observation of the page, and under a stream of
 * events the page changes on every poll. Inputs in `urgent` (a new profile, another site) are
 * never held back; the first value is computed at once.
 */
import { useEffect, useRef, useState } from 'preact/hooks';

function same(a: readonly unknown[] | undefined, b: readonly unknown[]): boolean {
  return a !== undefined && a.length === b.length && a.every((x, i) => Object.is(x, b[i]));
}

export class Throttled<T> {
  private deps: readonly unknown[] | undefined;
  private urgent: readonly unknown[] | undefined;
  private at = -Infinity;
  private value: T | undefined;

  constructor(private readonly everyMs: number) {}

  /**
   * The value for these inputs, or the previous one when they changed less than `everyMs` after
   * the last computation; `wait` then says in how many ms to ask again.
   */
  get(compute: () => T, deps: readonly unknown[], urgent: readonly unknown[], now: number): { value: T; wait: number } {
    const fresh = same(this.deps, deps) && same(this.urgent, urgent);
    if (fresh) return { value: this.value as T, wait: 0 };
    const due = this.at + this.everyMs - now;
    if (this.deps !== undefined && same(this.urgent, urgent) && due > 0) return { value: this.value as T, wait: due };
    this.value = compute();
    this.deps = deps;
    this.urgent = urgent;
    this.at = now;
    return { value: this.value, wait: 0 };
  }
}

/** `useMemo` through a Throttled: a held-back value re-renders the component when it is due. */
export function useThrottledMemo<T>(compute: () => T, deps: readonly unknown[], urgent: readonly unknown[], everyMs: number): T {
  const throttled = useRef<Throttled<T> | undefined>(undefined);
  throttled.current ??= new Throttled<T>(everyMs);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const [, rerender] = useState(0);
  useEffect(() => () => clearTimeout(timer.current), []);
  const { value, wait } = throttled.current.get(compute, deps, urgent, performance.now());
  if (wait > 0 && timer.current === undefined) {
    timer.current = setTimeout(() => {
      timer.current = undefined;
      rerender((n) => n + 1);
    }, wait);
  }
  return value;
}
