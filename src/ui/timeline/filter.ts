/** The timeline's filters, as plain data so they are tested with tables and kept in one signal. */
import type { RowKind, RowParty, TimelineRow } from './rows';

export interface TimelineFilter {
  /** Registrable domain, '' for all. */
  domain: string;
  /** Exact cookie name (case-sensitive, as browsers compare names), '' for all. */
  name: string;
  kind: RowKind | '';
  party: Exclude<RowParty, 'unknown'> | '';
  flaggedOnly: boolean;
  /** Free text, matched case-insensitively against URL, line, names, outcome and reason. */
  search: string;
}

export const EMPTY_FILTER: Readonly<TimelineFilter> = Object.freeze({
  domain: '',
  name: '',
  kind: '',
  party: '',
  flaggedOnly: false,
  search: '',
});

export function isEmptyFilter(f: TimelineFilter): boolean {
  return !f.domain && !f.name && !f.kind && !f.party && !f.flaggedOnly && !f.search.trim();
}

export function matches(row: TimelineRow, f: TimelineFilter, search = f.search.trim().toLowerCase()): boolean {
  if (f.domain && row.domain !== f.domain) return false;
  if (f.name && !row.names.includes(f.name)) return false;
  if (f.kind && row.kind !== f.kind) return false;
  if (f.party && row.party !== f.party) return false;
  if (f.flaggedOnly && !row.flagged) return false;
  if (search && !row.haystack.includes(search)) return false;
  return true;
}

export function filterRows(rows: readonly TimelineRow[], f: TimelineFilter): readonly TimelineRow[] {
  if (isEmptyFilter(f)) return rows;
  const search = f.search.trim().toLowerCase();
  return rows.filter((r) => matches(r, f, search));
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
