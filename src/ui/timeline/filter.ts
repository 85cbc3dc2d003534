/** The timeline's filters, as plain data so they are tested with tables and kept in one signal. */
import type { PurposeCategory } from '../../model/purpose';
import type { RowKind, RowParty, TimelineRow } from './rows';

/** The purposes of the cookies a row names; the caller supplies it (it needs the cookie database). */
export type RowPurposes = (row: TimelineRow) => readonly PurposeCategory[];

export interface TimelineFilter {
  /** Registrable domain, '' for all. */
  domain: string;
  /** Exact cookie name (case-sensitive, as browsers compare names), '' for all. */
  name: string;
  kind: RowKind | '';
  party: Exclude<RowParty, 'unknown'> | '';
  flaggedOnly: boolean;
  /** Rows about a cookie of this purpose, '' for all (needs a RowPurposes to apply). */
  purpose: PurposeCategory | '';
  /** Free text, matched case-insensitively against URL, line, names, outcome and reason. */
  search: string;
}

export const EMPTY_FILTER: Readonly<TimelineFilter> = Object.freeze({
  domain: '',
  name: '',
  kind: '',
  party: '',
  flaggedOnly: false,
  purpose: '',
  search: '',
});

export function isEmptyFilter(f: TimelineFilter): boolean {
  return !f.domain && !f.name && !f.kind && !f.party && !f.flaggedOnly && !f.purpose && !f.search.trim();
}

export function matches(row: TimelineRow, f: TimelineFilter, search = f.search.trim().toLowerCase(), purposes?: RowPurposes): boolean {
  if (f.domain && row.domain !== f.domain) return false;
  if (f.name && !row.names.includes(f.name)) return false;
  if (f.kind && row.kind !== f.kind) return false;
  if (f.party && row.party !== f.party) return false;
  if (f.flaggedOnly && !row.flagged) return false;
  if (f.purpose && purposes && !purposes(row).includes(f.purpose)) return false;
  if (search && !row.haystack.includes(search)) return false;
  return true;
}

export function filterRows(rows: readonly TimelineRow[], f: TimelineFilter, purposes?: RowPurposes): readonly TimelineRow[] {
  if (isEmptyFilter(f)) return rows;
  const search = f.search.trim().toLowerCase();
  return rows.filter((r) => matches(r, f, search, purposes));
}

/** The distinct domains and names of the rows, sorted, for the filter pickers. */
export function facets(rows: readonly TimelineRow[]): { domains: string[]; names: string[] } {
  const domains = new Set<string>();
  const names = new Set<string>();
  for (const r of rows) {
    if (r.domain) domains.add(r.domain);
    for (const n of r.names) names.add(n);
  }
  return { domains: [...domains].sort(), names: [...names].sort() };
}
