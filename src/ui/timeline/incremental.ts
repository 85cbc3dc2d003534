/**
 * The timeline built incrementally: a stream of log deltas (events added, patched or removed) is
 * turned into the same rows `buildRows` would give for the whole log, touching only the rows of
 * the events that changed and of those that depend on them (a line's cookie key needs its linked
 * change; a change has no row of its own once a line links it). Under 500 events/s the panel
 * applies a few hundred events per poll to a page of thousands: per-poll work follows the new
 * events, not the page. Pure; tested against `buildRows` (incremental.test.ts).
 */
import type { CookieChangeEvent, HeaderObservation } from '../../model/events';
import type { RowPurposes, TimelineFilter } from './filter';
import { isEmptyFilter, matches } from './filter';
import { changeRow, compareRows, linkedChangeIds, observationRows, type RowContext, type TimelineRow } from './rows';

/** What changed in the log since the last delta. An upsert of a known id replaces that event. */
export interface LogDelta {
  observations: HeaderObservation[];
  changes: CookieChangeEvent[];
  removedObservations: number[];
  removedChanges: number[];
}

export function emptyDelta(): LogDelta {
  return { observations: [], changes: [], removedObservations: [], removedChanges: [] };
}

export function isEmptyDelta(d: LogDelta): boolean {
  return d.observations.length + d.changes.length + d.removedObservations.length + d.removedChanges.length === 0;
}

/** What one `apply` did to the rows: the order key of the oldest row touched, and the rows out and in. */
export interface RowsChange {
  /** Every row ordered before this key is the same object as before; undefined = nothing changed. */
  from: Pick<TimelineRow, 'time' | 'seq' | 'id'> | undefined;
  removed: TimelineRow[];
  added: TimelineRow[];
}

/** First index whose row orders at or after `key`. */
export function lowerBound(rows: readonly TimelineRow[], key: Pick<TimelineRow, 'time' | 'seq' | 'id'>): number {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareRows(rows[mid] as TimelineRow, key) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export class IncrementalTimeline {
  /** Oldest first; mutated in place (watch `version`). */
  readonly rows: TimelineRow[] = [];
  /** Bumped by every `apply` that changed rows. */
  version = 0;
  /** What the latest version changed (for followers that saw the version before it). */
  lastChange: RowsChange = { from: undefined, removed: [], added: [] };

  private readonly observations = new Map<number, HeaderObservation>();
  private readonly changes = new Map<number, CookieChangeEvent>();
  /** Change id → the observations whose lines link it. */
  private readonly linkers = new Map<number, Set<number>>();
  private readonly obsRows = new Map<number, TimelineRow[]>();
  private readonly changeRows = new Map<number, TimelineRow>();
  private readonly domainCounts = new Map<string, number>();
  private readonly nameCounts = new Map<string, number>();
  private facetCache: { domains: string[]; names: string[] } | undefined;

  constructor(readonly ctx: RowContext = {}) {}

  apply(delta: LogDelta): RowsChange {
    const dirtyObs = new Set<number>();
    const dirtyChanges = new Set<number>();
    const unlink = (o: HeaderObservation): void => {
      for (const cid of linkedChangeIds(o)) {
        const set = this.linkers.get(cid);
        set?.delete(o.id);
        if (set?.size === 0) this.linkers.delete(cid);
        dirtyChanges.add(cid);
      }
    };
    const setObservation = (id: number, o: HeaderObservation | undefined): void => {
      const old = this.observations.get(id);
      if (old) unlink(old);
      if (o) {
        this.observations.set(id, o);
        for (const cid of linkedChangeIds(o)) {
          let set = this.linkers.get(cid);
          if (!set) this.linkers.set(cid, (set = new Set()));
          set.add(id);
          dirtyChanges.add(cid);
        }
      } else this.observations.delete(id);
      dirtyObs.add(id);
    };
    const setChange = (id: number, c: CookieChangeEvent | undefined): void => {
      if (c) this.changes.set(id, c);
      else this.changes.delete(id);
      dirtyChanges.add(id);
      // Lines linking it carry its cookie key.
      for (const oid of this.linkers.get(id) ?? []) dirtyObs.add(oid);
    };
    for (const id of delta.removedObservations) if (this.observations.has(id)) setObservation(id, undefined);
    for (const id of delta.removedChanges) if (this.changes.has(id)) setChange(id, undefined);
    for (const o of delta.observations) setObservation(o.id, o);
    for (const c of delta.changes) setChange(c.id, c);

    const removed: TimelineRow[] = [];
    const added: TimelineRow[] = [];
    const changeOf = (id: number): CookieChangeEvent | undefined => this.changes.get(id);
    for (const id of dirtyObs) {
      const old = this.obsRows.get(id);
      if (old) removed.push(...old);
      const o = this.observations.get(id);
      const next = o ? observationRows(o, this.ctx, changeOf) : [];
      if (next.length > 0) this.obsRows.set(id, next);
      else this.obsRows.delete(id);
      added.push(...next);
    }
    for (const id of dirtyChanges) {
      const old = this.changeRows.get(id);
      if (old) removed.push(old);
      const c = this.changes.get(id);
      const next = c ? changeRow(c, this.ctx, (this.linkers.get(id)?.size ?? 0) > 0) : undefined;
      if (next) {
        this.changeRows.set(id, next);
        added.push(next);
      } else this.changeRows.delete(id);
    }
    return this.commit(removed, added);
  }

  /** Replace everything (a new first-party site or findings profile changes every row). */
  reset(observations: Iterable<HeaderObservation>, changes: Iterable<CookieChangeEvent>): RowsChange {
    const delta = emptyDelta();
    delta.removedObservations = [...this.observations.keys()];
    delta.removedChanges = [...this.changes.keys()];
    delta.observations = [...observations];
    delta.changes = [...changes];
    return this.apply(delta);
  }

  /** Sorted distinct domains and cookie names of the rows, for the filter pickers. */
  facets(): { domains: string[]; names: string[] } {
    this.facetCache ??= {
      domains: [...this.domainCounts.keys()].sort(),
      names: [...this.nameCounts.keys()].sort(),
    };
    return this.facetCache;
  }

  private count(row: TimelineRow, by: 1 | -1): void {
    const bump = (m: Map<string, number>, k: string): void => {
      const n = (m.get(k) ?? 0) + by;
      if (n <= 0) {
        m.delete(k);
        this.facetCache = undefined;
      } else {
        if (n === 1 && by === 1) this.facetCache = undefined;
        m.set(k, n);
      }
    };
    if (row.domain) bump(this.domainCounts, row.domain);
    for (const n of row.names) bump(this.nameCounts, n);
  }

  private commit(removed: TimelineRow[], added: TimelineRow[]): RowsChange {
    if (removed.length === 0 && added.length === 0) return { from: undefined, removed, added };
    let from: TimelineRow | undefined;
    for (const r of removed) {
      if (!from || compareRows(r, from) < 0) from = r;
      this.count(r, -1);
    }
    for (const r of added) {
      if (!from || compareRows(r, from) < 0) from = r;
      this.count(r, 1);
    }
    const rows = this.rows;
    // Removals: one pass from the first removed position when there are many, else binary search each.
    if (removed.length > 0) {
      if (removed.length > 32) {
        const gone = new Set(removed);
        let w = lowerBound(rows, from as TimelineRow);
        for (let r = w; r < rows.length; r++) {
          const row = rows[r] as TimelineRow;
          if (!gone.has(row)) rows[w++] = row;
        }
        rows.length = w;
      } else {
        for (const r of removed) {
          const i = lowerBound(rows, r);
          if (rows[i] === r) rows.splice(i, 1);
        }
      }
    }
    if (added.length > 0) {
      added.sort(compareRows);
      const last = rows[rows.length - 1];
      if (!last || compareRows(added[0] as TimelineRow, last) > 0) {
        for (const r of added) rows.push(r);
      } else if (added.length > 32) {
        // Merge the tail from the first insertion point.
        const at = lowerBound(rows, added[0] as TimelineRow);
        const tail = rows.splice(at);
        let i = 0;
        let j = 0;
        while (i < tail.length || j < added.length) {
          const a = tail[i];
          const b = added[j];
          if (b === undefined || (a !== undefined && compareRows(a, b) < 0)) {
            rows.push(a as TimelineRow);
            i++;
          } else {
            rows.push(b);
            j++;
          }
        }
      } else {
        for (const r of added) rows.splice(lowerBound(rows, r), 0, r);
      }
    }
    this.version++;
    this.lastChange = { from, removed, added };
    return this.lastChange;
  }
}

/**
 * The rows a filter keeps, followed incrementally: after a change that only touched rows from
 * some key on (new events at the end, patches of recent ones), only those rows are filtered again.
 */
export class FilteredRows {
  /** Mutated in place (watch `version`). */
  readonly shown: TimelineRow[] = [];
  version = 0;
  private seen = -1;
  private filter: TimelineFilter | undefined;
  private source: IncrementalTimeline | undefined;

  update(timeline: IncrementalTimeline, filter: TimelineFilter, purposes?: RowPurposes): readonly TimelineRow[] {
    if (timeline === this.source && filter === this.filter && timeline.version === this.seen) return this.shown;
    const search = filter.search.trim().toLowerCase();
    const all = isEmptyFilter(filter);
    const keep = (r: TimelineRow): boolean => all || matches(r, filter, search, purposes);
    const rows = timeline.rows;
    let start = 0;
    if (timeline === this.source && filter === this.filter && timeline.version === this.seen + 1) {
      const from = timeline.lastChange.from;
      if (from === undefined) {
        this.seen = timeline.version;
        return this.shown;
      }
      this.shown.length = lowerBound(this.shown, from);
      start = lowerBound(rows, from);
    } else {
      this.shown.length = 0;
    }
    for (let i = start; i < rows.length; i++) {
      const r = rows[i] as TimelineRow;
      if (keep(r)) this.shown.push(r);
    }
    this.source = timeline;
    this.filter = filter;
    this.seen = timeline.version;
    this.version++;
    return this.shown;
  }
}
