/**
 * Per-cookie analysis kept from one view to the next. A tab view's analysis is nearly all per cookie
 * (normalising, classifying, the cookie rules, the row); after one cookie changed, all the others
 * would be analysed again to the same result (commit 7bfabb5, bench:popup). The memo
 * keys each result by the cookie object itself (the jar mirror keeps unchanged cookies as the same
 * objects, background/jar-mirror.ts), so a view after a change analyses only what changed.
 *
 * Results depend on the context: the limit profile, the top-level site and the analysis clock
 * (expiry, JWT timing, the lifetime cap). A context keeps its clock — the `now` of the first view
 * computed in it — for at most `maxAgeMs`, and every view computed in it uses that clock, so a
 * view with remembered results is exactly the view computed from scratch at that clock. The
 * background's cached views are served for as long already (`maxAgeMs` of tab-view-cache.ts):
 * no view's clock is ever older than that. Then the context starts over with the current time.
 *
 * Pure bookkeeping, no browser API: the background holds one; pages compute without.
 */
import { cookieFromSnapshot, type CookieInfo, type CookieSnapshot } from '../model/cookie';
import type { CookieAnalysis } from '../analysis/findings';
import type { CookieRow } from './view-model';

/** What a view remembers of one cookie, in one context: the analysis, and the row once built. */
export interface CookieResult extends CookieAnalysis {
  row?: CookieRow;
}

/** The per-cookie store `analyze` and `buildViewModel` use when given one. */
export interface CookieResults {
  get(c: CookieInfo): CookieResult | undefined;
  set(c: CookieInfo, r: CookieResult): void;
}

interface Context {
  clock: number;
  results: WeakMap<CookieInfo, CookieResult>;
}

/** Contexts kept: one per tab view the background keeps warm (its `maxEntries`). */
const CONTEXTS = 4;

export class ViewMemo {
  private infos = new WeakMap<CookieSnapshot, CookieInfo>();
  private readonly contexts = new Map<string, Context>();

  constructor(private readonly maxAgeMs: number) {}

  /** The cookie as analysis takes it; the same object for the same snapshot. */
  info(s: CookieSnapshot): CookieInfo {
    let c = this.infos.get(s);
    if (c === undefined) this.infos.set(s, (c = cookieFromSnapshot(s)));
    return c;
  }

  /**
   * The clock and the results to compute a view of `context` with: the context's own while it
   * is younger than `maxAgeMs` (and the time has not gone backwards), else a fresh start at `now`.
   */
  context(context: string, now: number): { now: number; results: CookieResults } {
    let ctx = this.contexts.get(context);
    if (ctx === undefined || now - ctx.clock > this.maxAgeMs || now < ctx.clock) {
      ctx = { clock: now, results: new WeakMap() };
    }
    this.contexts.delete(context);
    this.contexts.set(context, ctx);
    while (this.contexts.size > CONTEXTS) this.contexts.delete(this.contexts.keys().next().value as string);
    return { now: ctx.clock, results: ctx.results };
  }

  /** Forgets everything (tests; a memory-pressure valve). */
  clear(): void {
    this.infos = new WeakMap();
    this.contexts.clear();
  }
}
