/**
 * The order of cookie rows in a table. Pure and total: ties fall back to the cookie key so the
 * order never depends on the order the browser listed cookies in. Here rather than in ui/ because
 * the background sorts too: it sends the popup the first rows of each section in the order the
 * popup shows them (view-wire.ts `firstRows`).
 */
import type { CookieRow, Section } from './view-model';

export type SortColumn = 'name' | 'domain' | 'path' | 'size' | 'expires';
export type SortDirection = 'ascending' | 'descending';
export interface SortState {
  column: SortColumn;
  direction: SortDirection;
}

/** How each popup section is sorted when it opens: names A→Z, and the soonest to expire first. */
export const SECTION_SORT: Readonly<Record<Section, SortState>> = {
  session: { column: 'name', direction: 'ascending' },
  persistent: { column: 'expires', direction: 'ascending' },
};

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const KEY: Record<SortColumn, (r: CookieRow) => string | number> = {
  name: (r) => r.cookie.name.toLowerCase(),
  domain: (r) => r.cookie.domain,
  path: (r) => r.cookie.path,
  size: (r) => r.size,
  // Session cookies (no expiry) sort after every dated one; so does an expiry that is no number,
  // which keeps the order total (NaN compares equal to everything).
  expires: (r) => (r.expires === null || Number.isNaN(r.expires) ? Number.POSITIVE_INFINITY : r.expires),
};

/** The order of two rows by one column: the column's key, then the cookie key (total). */
function comparator(sort: SortState): (a: Keyed, b: Keyed) => number {
  const sign = sort.direction === 'ascending' ? 1 : -1;
  return (a, b) => {
    const d = typeof a.k === 'number' && typeof b.k === 'number' ? a.k - b.k : cmp(String(a.k), String(b.k));
    return (Number.isNaN(d) ? 0 : d) * sign || cmp(a.r.key, b.r.key);
  };
}

interface Keyed {
  r: CookieRow;
  k: string | number;
}

export function sortRows(rows: readonly CookieRow[], sort: SortState): CookieRow[] {
  const key = KEY[sort.column];
  const keyed = rows.map((r) => ({ r, k: key(r) }));
  keyed.sort(comparator(sort));
  return keyed.map((x) => x.r);
}

/**
 * `sortRows(rows, sort).slice(0, n)` without sorting every row: the background wants the first
 * 20 of thousands for the popup's first paint. One pass keeping the best `n` in order.
 */
export function firstSortedRows(rows: readonly CookieRow[], sort: SortState, n: number): CookieRow[] {
  if (n <= 0) return [];
  const key = KEY[sort.column];
  const order = comparator(sort);
  const best: Keyed[] = [];
  for (const r of rows) {
    const x = { r, k: key(r) };
    if (best.length === n && order(x, best[n - 1] as Keyed) >= 0) continue;
    let lo = 0;
    let hi = best.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (order(best[mid] as Keyed, x) <= 0) lo = mid + 1;
      else hi = mid;
    }
    best.splice(lo, 0, x);
    if (best.length > n) best.pop();
  }
  return best.map((x) => x.r);
}
