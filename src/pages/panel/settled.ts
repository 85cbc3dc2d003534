/**
 * Whether a settled segment of the panel's page (a bounded time range behind the polled tail)
 * still holds what it answered, without reading it again. A Dexie live query cannot tell: the
 * recorder writes each batch with one bulk add, and Dexie marks a mutation of 50 records or more
 * as touching every range of the table, so under a stream of events every live segment — the base
 * page of thousands of events included — was read again after every batch (measured with
 * bench/panel.bench.ts: the base page about once a second). A segment changes only when events
 * in its range are deleted (clear, retention) or added late, which its ids show, or when a record
 * still waiting for a correlation patch gets it, which reading those few records shows.
 */
import type { TabSliceKeys } from '../../db/queries';
import type { CookieChangeEvent, HeaderObservation } from '../../model/events';
import type { LogSlice } from './log-reads';

/**
 * How long after its time a record may still be patched: the correlator waits its window for a line's
 * or a change's partner, the recorder writes a batch a little late, and an expired line is resolved
 * after a cookie read. Generous: each check reads these few records by id.
 */
export const PATCH_WAIT_MS = 10_000;

export interface Waiting {
  observations: number[];
  changes: number[];
}

/** Records of `s` a correlation patch may still change: pending Set-Cookie lines, unlinked recent changes. */
export function waitingIds(s: LogSlice, now: number): Waiting {
  const since = now - PATCH_WAIT_MS;
  const observations: number[] = [];
  const changes: number[] = [];
  for (const o of s.observations) if (o.time >= since && o.setCookies?.some((l) => l.outcome === 'pending')) observations.push(o.id);
  for (const c of s.changes) if (c.time >= since && c.linkedObservationId === undefined) changes.push(c.id);
  return { observations, changes };
}

/** Changes the slice's Set-Cookie lines link to that its site ranges did not list (read by id). */
export function linkedOutside(s: LogSlice, keys: TabSliceKeys): number[] {
  const listed = new Set(keys.changes);
  const out = new Set<number>();
  for (const o of s.observations)
    for (const l of o.setCookies ?? []) if (l.changeEventId !== undefined && !listed.has(l.changeEventId)) out.add(l.changeEventId);
  return [...out];
}

function lineState(o: HeaderObservation): string {
  return (o.setCookies ?? []).map((l) => `${l.outcome}|${l.changeEventId ?? ''}|${l.reason ?? ''}`).join(' ');
}

function linkState(c: CookieChangeEvent): string {
  return `${c.linkedObservationId ?? ''}|${c.source ?? ''}`;
}

function sameIds(ids: Iterable<number>, records: readonly { id: number }[]): boolean {
  const have = new Set(records.map((r) => r.id));
  const want = new Set(ids);
  if (want.size !== have.size) return false;
  for (const id of want) if (!have.has(id)) return false;
  return true;
}

/**
 * Whether `last` (a segment's answer) differs from what reading it again would answer, given its
 * range's ids now (`keys`), the records it was waiting on, and those records and the changes
 * `linkedOutside` named as read by id now (`fresh`).
 */
export function settledChanged(
  last: LogSlice,
  keys: TabSliceKeys,
  waiting: Waiting,
  extraLinked: readonly number[],
  fresh: { observations: readonly HeaderObservation[]; changes: readonly CookieChangeEvent[] },
): boolean {
  if (!sameIds(keys.observations, last.observations)) return true;
  const freshChanges = new Map(fresh.changes.map((c) => [c.id, c]));
  const expected = new Set(keys.changes);
  for (const id of extraLinked) if (freshChanges.has(id)) expected.add(id);
  if (!sameIds(expected, last.changes)) return true;
  const freshObservations = new Map(fresh.observations.map((o) => [o.id, o]));
  const lastObservations = new Map(last.observations.map((o) => [o.id, o]));
  for (const id of waiting.observations) {
    const now = freshObservations.get(id);
    const then = lastObservations.get(id);
    if (!now || !then || lineState(now) !== lineState(then)) return true;
  }
  const lastChanges = new Map(last.changes.map((c) => [c.id, c]));
  for (const id of waiting.changes) {
    const now = freshChanges.get(id);
    const then = lastChanges.get(id);
    if (!now || !then || linkState(now) !== linkState(then)) return true;
  }
  return false;
}
