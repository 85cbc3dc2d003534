/**
 * Sorting and filtering of cookie rows for CookieTable. Pure and total: ties fall back to the
 * cookie key so the order never depends on the order the browser listed cookies in.
 */
import type { CookieRow } from '../../analysis/view-model';

export type SortColumn = 'name' | 'domain' | 'path' | 'size' | 'expires';
export type SortDirection = 'ascending' | 'descending';
export interface SortState {
  column: SortColumn;
  direction: SortDirection;
}

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

/** Clicking the sorted column flips it; another column starts ascending. */
export function nextSort(current: SortState, column: SortColumn): SortState {
  if (current.column !== column) return { column, direction: 'ascending' };
  return { column, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
}

/**
 * Case-insensitive substring match on name, domain, path and finding IDs — never on the value:
 * values stay hidden until revealed, and a match would leak what they contain.
 */
export function filterRows(rows: readonly CookieRow[], query: string): CookieRow[] {
  const q = query.trim().toLowerCase();
  if (q === '') return [...rows];
  return rows.filter(
    (r) =>
      r.cookie.name.toLowerCase().includes(q) ||
      r.cookie.domain.includes(q) ||
      r.cookie.path.toLowerCase().includes(q) ||
      r.findingIds.some((id) => id.includes(q)),
  );
}
