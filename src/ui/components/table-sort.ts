/**
 * Sorting and filtering of cookie rows for CookieTable. The order itself lives in
 * analysis/row-order.ts, which the background shares to send the first rows already sorted.
 */
import type { CookieRow } from '../../view/view-model';

export { sortRows, type SortColumn, type SortDirection, type SortState } from '../../view/row-order';
import type { SortColumn, SortState } from '../../view/row-order';

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
