/**
 * Applies work strictly in arrival order while letting each item's asynchronous preparation
 * (tab lookups) run at once and in parallel. An item that needs nothing asynchronous is applied
 * synchronously when nothing is waiting ahead of it — the common case, and the cheapest.
 * A failing item is counted and skipped; it never stalls what comes after it.
 */
export class Ordered {
  private chain: Promise<unknown>;
  /** Items queued in the chain; when 0 (and open), a ready item is applied at once. */
  private inFlight = 0;
  private open = false;
  private failures = 0;

  /** Nothing is applied before `ready` resolves (e.g. the log is open). */
  constructor(ready: Promise<unknown>) {
    this.chain = ready.then(() => {
      this.open = true;
    });
  }

  get errors(): number {
    return this.failures;
  }

  get pending(): number {
    return this.inFlight;
  }

  add<T>(prepared: T | Promise<T>, apply: (value: T) => void): void {
    if (!(prepared instanceof Promise) && this.inFlight === 0 && this.open) {
      this.run(() => apply(prepared));
      return;
    }
    this.inFlight++;
    const settled = Promise.resolve(prepared).then(
      (v) => ({ ok: true as const, v }),
      () => ({ ok: false as const }),
    );
    this.chain = this.chain.then(async () => {
      const r = await settled;
      try {
        if (r.ok) this.run(() => apply(r.v));
        else this.failures++;
      } finally {
        this.inFlight--;
      }
    });
  }

  /** Runs `task` alone: items arriving meanwhile wait, in order, until it is done. */
  exclusive<T>(task: () => Promise<T>): Promise<T> {
    this.inFlight++;
    const run = this.chain.then(task).finally(() => {
      this.inFlight--;
    });
    this.chain = run.catch(() => {
      this.failures++;
    });
    return run;
  }

  /** Resolves once everything added so far has been applied. */
  async idle(): Promise<void> {
    await this.chain;
  }

  private run(fn: () => void): void {
    try {
      fn();
    } catch {
      this.failures++;
    }
  }
}
