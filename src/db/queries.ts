/**
 * Read-only queries for the UIs (wrap them in Dexie `liveQuery` to follow the background's writes).
 * Each walks one compound index backwards from the newest entry and stops at `limit`, so its cost
 * depends on the page size, not on the size of the log.
 */
import type { CookieChangeEvent, HeaderObservation } from '../model/events';
import { parseCookieKey } from '../model/events';
import { type CookieLogDB, mentionKey } from './schema';

// Re-exported so UI code subscribes to these queries without importing Dexie (see eslint.config.js).
export { liveQuery } from 'dexie';

export interface Range {
  /** Inclusive lower bound on `time` (ms). */
  since?: number;
  /** Inclusive upper bound on `time` (ms). */
  until?: number;
  /** Most entries returned (the newest ones). Default 200. */
  limit?: number;
}

export type TimelineEntry =
  { type: 'change'; time: number; event: CookieChangeEvent } | { type: 'observation'; time: number; event: HeaderObservation };

export const DEFAULT_LIMIT = 200;

function between<K extends string | number>(key: K, r: Range): [[K, number], [K, number]] {
  return [
    [key, r.since ?? -Infinity],
    [key, r.until ?? Infinity],
  ];
}

function timeRange(r: Range): [number, number] {
  return [r.since ?? -Infinity, r.until ?? Infinity];
}

/** Newest first; ids break ties in time, as they grow in the order events were recorded. */
function newestFirst(a: TimelineEntry, b: TimelineEntry): number {
  return b.time - a.time || b.event.id - a.event.id;
}

export function mergeTimeline(
  changes: readonly CookieChangeEvent[],
  observations: readonly HeaderObservation[],
  limit = Infinity,
): TimelineEntry[] {
  const entries: TimelineEntry[] = [
    ...changes.map((event) => ({ type: 'change' as const, time: event.time, event })),
    ...observations.map((event) => ({ type: 'observation' as const, time: event.time, event })),
  ];
  return entries.sort(newestFirst).slice(0, limit);
}

export function recentChanges(db: CookieLogDB, r: Range = {}): Promise<CookieChangeEvent[]> {
  const [lo, hi] = timeRange(r);
  return db.changes
    .where('time')
    .between(lo, hi, true, true)
    .reverse()
    .limit(r.limit ?? DEFAULT_LIMIT)
    .toArray();
}

export function recentObservations(db: CookieLogDB, r: Range = {}): Promise<HeaderObservation[]> {
  const [lo, hi] = timeRange(r);
  return db.observations
    .where('time')
    .between(lo, hi, true, true)
    .reverse()
    .limit(r.limit ?? DEFAULT_LIMIT)
    .toArray();
}

/** A tab's observations, newest first. */
export function tabObservations(db: CookieLogDB, tabId: number, r: Range = {}): Promise<HeaderObservation[]> {
  const [lo, hi] = between(tabId, r);
  return db.observations
    .where('[tabId+time]')
    .between(lo, hi, true, true)
    .reverse()
    .limit(r.limit ?? DEFAULT_LIMIT)
    .toArray();
}

/**
 * Changes whenever the set of a tab's observations does (recorded, cleared, pruned): their count
 * and the keys of the oldest and newest. Two index reads, not the observations: the background
 * can tell from it whether a tab's scope may have changed.
 */
export async function tabObservationsMark(db: CookieLogDB, tabId: number): Promise<string> {
  const [lo, hi] = between(tabId, {});
  const range = () => db.observations.where('[tabId+time]').between(lo, hi, true, true);
  const [count, first, last] = await Promise.all([
    range().count(),
    range().limit(1).primaryKeys(),
    range().reverse().limit(1).primaryKeys(),
  ]);
  return `${count}|${String(first[0] ?? '')}|${String(last[0] ?? '')}`;
}

/**
 * A tab's observations with the changes their Set-Cookie lines caused, newest first. Changes made by
 * scripts have no tab; `domainTimeline` of the tab's sites shows them.
 */
export async function tabTimeline(db: CookieLogDB, tabId: number, r: Range = {}): Promise<TimelineEntry[]> {
  return db.transaction('r', db.changes, db.observations, async () => {
    const observations = await tabObservations(db, tabId, r);
    const ids = observations.flatMap((o) => (o.setCookies ?? []).flatMap((s) => (s.changeEventId === undefined ? [] : [s.changeEventId])));
    const changes = (await db.changes.bulkGet([...new Set(ids)])).filter((c) => c !== undefined);
    return mergeTimeline(changes, observations);
  });
}

export interface TabSlice {
  /** The tab's observations in the range, newest first. */
  observations: HeaderObservation[];
  /** The changes their Set-Cookie lines caused, and every change in the range on their sites (each once). */
  changes: CookieChangeEvent[];
  /** `knownSites` plus the sites the observations name (their registrable domain and top-level site), sorted. */
  sites: string[];
  /** A read hit the limit: older entries exist. */
  more: boolean;
}

/**
 * What the panel shows of a tab for one time range, in one read transaction: `tabTimeline`'s
 * entries plus the changes on the tab's sites (script writes, expiries and evictions have no
 * tab). A line's linked change is nearly always among its site's changes, so only the rest are
 * fetched by key: a poll of a busy tail costs a few range reads, not one `get` per line.
 */
export async function tabSlice(db: CookieLogDB, tabId: number, r: Range = {}, knownSites: readonly string[] = []): Promise<TabSlice> {
  const limit = r.limit ?? DEFAULT_LIMIT;
  return db.transaction('r', db.changes, db.observations, async () => {
    const observations = await tabObservations(db, tabId, r);
    const sites = new Set<string>(knownSites);
    for (const o of observations) {
      sites.add(o.registrableDomain);
      if (o.topLevelSite) sites.add(o.topLevelSite);
    }
    const perSite = await Promise.all([...sites].map((s) => domainChanges(db, s, r)));
    const changes = new Map<number, CookieChangeEvent>();
    for (const list of perSite) for (const c of list) changes.set(c.id, c);
    const missing = new Set<number>();
    for (const o of observations)
      for (const l of o.setCookies ?? []) if (l.changeEventId !== undefined && !changes.has(l.changeEventId)) missing.add(l.changeEventId);
    if (missing.size > 0) for (const c of await db.changes.bulkGet([...missing])) if (c) changes.set(c.id, c);
    return {
      observations,
      changes: [...changes.values()],
      sites: [...sites].sort(),
      more: observations.length >= limit || perSite.some((l) => l.length >= limit),
    };
  });
}

/** The ids `tabSlice` would answer with, read from the indexes only (no record is deserialized). */
export interface TabSliceKeys {
  observations: number[];
  changes: number[];
  /** A read hit the limit (as `TabSlice.more`). */
  more: boolean;
}

/**
 * The ids of the events `tabSlice(db, tabId, r, sites)` returns, given the sites its answer named:
 * a cheap way to tell that a settled range still holds the same events (nothing cleared, pruned or
 * added late) without reading them.
 */
export async function tabSliceKeys(db: CookieLogDB, tabId: number, r: Range, sites: readonly string[]): Promise<TabSliceKeys> {
  const limit = r.limit ?? DEFAULT_LIMIT;
  return db.transaction('r', db.changes, db.observations, async () => {
    const [lo, hi] = between(tabId, r);
    const observations = (await db.observations
      .where('[tabId+time]')
      .between(lo, hi, true, true)
      .reverse()
      .limit(limit)
      .primaryKeys()) as number[];
    const perSite = await Promise.all(
      sites.map((s) => {
        const [slo, shi] = between(s, r);
        return db.changes.where('[registrableDomain+time]').between(slo, shi, true, true).reverse().limit(limit).primaryKeys() as Promise<
          number[]
        >;
      }),
    );
    return { observations, changes: perSite.flat(), more: observations.length >= limit || perSite.some((l) => l.length >= limit) };
  });
}

/** Changes and observations by id, in the order asked; ids no longer in the log are left out. */
export async function eventsById(
  db: CookieLogDB,
  observationIds: readonly number[],
  changeIds: readonly number[],
): Promise<{ observations: HeaderObservation[]; changes: CookieChangeEvent[] }> {
  if (observationIds.length === 0 && changeIds.length === 0) return { observations: [], changes: [] };
  return db.transaction('r', db.changes, db.observations, async () => {
    const [observations, changes] = await Promise.all([db.observations.bulkGet([...observationIds]), db.changes.bulkGet([...changeIds])]);
    return {
      observations: observations.filter((o): o is NonNullable<typeof o> => o !== undefined),
      changes: changes.filter((c): c is NonNullable<typeof c> => c !== undefined),
    };
  });
}

export function domainChanges(db: CookieLogDB, domain: string, r: Range = {}): Promise<CookieChangeEvent[]> {
  const [lo, hi] = between(domain, r);
  return db.changes
    .where('[registrableDomain+time]')
    .between(lo, hi, true, true)
    .reverse()
    .limit(r.limit ?? DEFAULT_LIMIT)
    .toArray();
}

export function domainObservations(db: CookieLogDB, domain: string, r: Range = {}): Promise<HeaderObservation[]> {
  const [lo, hi] = between(domain, r);
  return db.observations
    .where('[registrableDomain+time]')
    .between(lo, hi, true, true)
    .reverse()
    .limit(r.limit ?? DEFAULT_LIMIT)
    .toArray();
}

/** Everything recorded for one registrable domain, newest first. */
export async function domainTimeline(db: CookieLogDB, domain: string, r: Range = {}): Promise<TimelineEntry[]> {
  return db.transaction('r', db.changes, db.observations, async () => {
    const [changes, observations] = await Promise.all([domainChanges(db, domain, r), domainObservations(db, domain, r)]);
    return mergeTimeline(changes, observations, r.limit ?? DEFAULT_LIMIT);
  });
}

export interface Lifecycle {
  /** Oldest first. */
  changes: CookieChangeEvent[];
  /**
   * Observations naming the cookie, oldest first. A Set-Cookie line linked to one of `changes` is
   * certain; others (a Cookie header, an unlinked line) name a cookie of that name on the same site,
   * which may be another cookie with a different path or host.
   */
  observations: HeaderObservation[];
}

/**
 * One cookie's history. The site is taken from its recorded changes; pass `registrableDomain` to
 * also find observations of a cookie whose changes were all pruned.
 */
export async function cookieLifecycle(
  db: CookieLogDB,
  key: string,
  options: { registrableDomain?: string; limit?: number } = {},
): Promise<Lifecycle> {
  const limit = options.limit ?? DEFAULT_LIMIT;
  return db.transaction('r', db.changes, db.observations, async () => {
    const changes = await db.changes
      .where('[cookieKey+time]')
      .between([key, -Infinity], [key, Infinity], true, true)
      .reverse()
      .limit(limit)
      .toArray();
    changes.reverse();
    const site = options.registrableDomain ?? changes[0]?.registrableDomain;
    const name = parseCookieKey(key)?.name;
    if (site === undefined || name === undefined) return { changes, observations: [] };
    // Entries under one index key come in id order, so reverse + limit keeps the newest.
    const observations = await db.observations.where('cookieMentions').equals(mentionKey(site, name)).reverse().limit(limit).toArray();
    observations.sort((a, b) => a.time - b.time || a.id - b.id);
    return { changes, observations };
  });
}

export interface Counts {
  changes: number;
  observations: number;
}

export async function counts(db: CookieLogDB, domain?: string): Promise<Counts> {
  return db.transaction('r', db.changes, db.observations, async () => {
    if (domain === undefined) {
      const [changes, observations] = await Promise.all([db.changes.count(), db.observations.count()]);
      return { changes, observations };
    }
    const [changes, observations] = await Promise.all([
      db.changes.where('registrableDomain').equals(domain).count(),
      db.observations.where('registrableDomain').equals(domain).count(),
    ]);
    return { changes, observations };
  });
}

/** Every registrable domain in the log, sorted. Walks index keys only, no records. */
export async function knownDomains(db: CookieLogDB): Promise<string[]> {
  return db.transaction('r', db.changes, db.observations, async () => {
    const [a, b] = await Promise.all([
      db.changes.orderBy('registrableDomain').uniqueKeys(),
      db.observations.orderBy('registrableDomain').uniqueKeys(),
    ]);
    return [...new Set([...a, ...b].map(String))].sort();
  });
}
