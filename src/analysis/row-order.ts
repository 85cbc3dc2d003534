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
  // Session cookies (no expiry) sort after every dated one.
  expires: (r) => r.expires ?? Number.POSITIVE_INFINITY,
};

export function sortRows(rows: readonly CookieRow[], sort: SortState): CookieRow[] {
  const key = KEY[sort.column];
  const sign = sort.direction === 'ascending' ? 1 : -1;
  const keyed = rows.map((r) => ({ r, k: key(r) }));
  keyed.sort((a, b) => {
    const d = typeof a.k === 'number' && typeof b.k === 'number' ? a.k - b.k : cmp(String(a.k), String(b.k));
    return (Number.isNaN(d) ? 0 : d) * sign || cmp(a.r.key, b.r.key);
  });
  return keyed.map((x) => x.r);
}
