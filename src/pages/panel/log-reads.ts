/**
 * Reading the panel's slice of the log: one time range of the inspected tab's observations and the
 * changes on the sites it talked to, in full (readLogSlice), checked by ids (settledSliceChanged),
 * or incrementally from the previous answer (readTailSince). The polling around them is useLog.ts.
 */
import { eventsById, type Range, tabSlice, tabSliceKeys } from '../../db/queries';
import type { CookieLogDB } from '../../db/schema';
import type { CookieChangeEvent, HeaderObservation } from '../../model/events';
import type { PartAnswer } from './log-store';
import { linkedOutside, settledChanged, waitingIds } from './settled';

export const PAGE_SIZE = 2_000;
/** Entries of the very first query: enough to fill a tall DevTools pane. */
export const FIRST_PAGE = 150;

export interface LogSlice {
  observations: HeaderObservation[];
  changes: CookieChangeEvent[];
  /** Registrable domains the tab's observations name. */
  sites: string[];
  /** The page was full: older entries exist. */
  more: boolean;
  /** Size of the base page this answer reflects (the first small page, then the full one). */
  limit: number;
}

/** One time range of the tab's log; `sites` adds sites whose changes to include (script writes have no tab). */
export async function readLogSlice(
  db: CookieLogDB,
  tabId: number,
  range: number | Range,
  knownSites: readonly string[] = [],
): Promise<LogSlice> {
  const r: Range = typeof range === 'number' ? { limit: range } : range;
  const limit = r.limit ?? PAGE_SIZE;
  return { ...(await tabSlice(db, tabId, { ...r, limit }, knownSites)), limit };
}

/** Cheap identity of a tail answer: a poll that read the same thing triggers no re-render. */
export function sliceSignature(s: LogSlice): string {
  let maxId = 0;
  let settled = 0;
  for (const o of s.observations) {
    if (o.id > maxId) maxId = o.id;
    for (const l of o.setCookies ?? []) if (l.outcome !== 'pending') settled++;
  }
  for (const c of s.changes) if (c.id > maxId) maxId = c.id;
  return `${s.observations.length}/${s.changes.length}/${maxId}/${settled}/${s.sites.join(' ')}`;
}

/** How often a settled segment checks that it still holds what it read (./settled.ts). */
export const SETTLED_CHECK_MS = 1_000;

/** Whether reading a settled segment again would answer something else than `last` (./settled.ts). */
export async function settledSliceChanged(
  db: CookieLogDB,
  tabId: number,
  range: Range,
  last: LogSlice,
  now = Date.now(),
): Promise<boolean> {
  const keys = await tabSliceKeys(db, tabId, { ...range, limit: range.limit ?? PAGE_SIZE }, last.sites);
  const waiting = waitingIds(last, now);
  const extra = linkedOutside(last, keys);
  const fresh = await eventsById(db, waiting.observations, [...waiting.changes, ...extra]);
  return settledChanged(last, keys, waiting, extra, fresh);
}

/**
 * The tail read again from `last`, its previous answer: which events the range holds now comes
 * from the indexes alone (ids), and only the new events and those still waiting for a correlation
 * patch are read (./settled.ts), so a busy log's poll reads a fraction of the tail instead of all of it
 * (bench:panel, "frame median, 500 events/s"). Undefined when the events name a site `last` did not
 * (its changes have to be read): the caller reads the range in full.
 */
export async function readTailSince(
  db: CookieLogDB,
  tabId: number,
  range: Range,
  known: readonly string[],
  last: LogSlice,
  now = Date.now(),
): Promise<LogSlice | undefined> {
  const limit = range.limit ?? PAGE_SIZE;
  const keys = await tabSliceKeys(db, tabId, { ...range, limit }, last.sites);
  const lastObservations = new Map(last.observations.map((o) => [o.id, o]));
  const lastChanges = new Map(last.changes.map((c) => [c.id, c]));
  const waiting = waitingIds(last, now);
  const newObservations = keys.observations.filter((id) => !lastObservations.has(id));
  const first = await eventsById(db, [...newObservations, ...waiting.observations], []);
  const freshObservations = new Map(first.observations.map((o) => [o.id, o]));
  // The sites as tabSlice names them: the known ones and the observations'. One `last` did not
  // read changes for means a full read; fewer (an observation gone) only leaves some changes out.
  const sites = new Set(known);
  const observations: HeaderObservation[] = [];
  for (const id of keys.observations) {
    const o = freshObservations.get(id) ?? lastObservations.get(id);
    if (!o) return undefined;
    sites.add(o.registrableDomain);
    if (o.topLevelSite) sites.add(o.topLevelSite);
    observations.push(o);
  }
  const lastSites = new Set(last.sites);
  for (const site of sites) if (!lastSites.has(site)) return undefined;
  const wanted = new Set([...keys.changes.filter((id) => !lastChanges.has(id)), ...waiting.changes]);
  const listed = new Set(keys.changes);
  for (const o of observations)
    for (const l of o.setCookies ?? []) if (l.changeEventId !== undefined && !listed.has(l.changeEventId)) wanted.add(l.changeEventId);
  const second = await eventsById(db, [], [...wanted]);
  const freshChanges = new Map(second.changes.map((c) => [c.id, c]));
  const changes = new Map<number, CookieChangeEvent>();
  for (const id of keys.changes) {
    const c = freshChanges.get(id) ?? lastChanges.get(id);
    if (!c) return undefined;
    if (sites.has(c.registrableDomain)) changes.set(c.id, c);
  }
  // Linked changes outside those sites' ranges, as tabSlice adds them (read by id: they may be gone).
  for (const o of observations) {
    for (const l of o.setCookies ?? []) {
      if (l.changeEventId === undefined || changes.has(l.changeEventId)) continue;
      const c = freshChanges.get(l.changeEventId) ?? (await eventsById(db, [], [l.changeEventId])).changes[0];
      if (c) changes.set(c.id, c);
    }
  }
  return { observations, changes: [...changes.values()], sites: [...sites].sort(), more: keys.more, limit };
}

/** The tail's reads: in full first (unless started from `seed`), then only what changed (readTailSince). */
export function tailReader(
  db: CookieLogDB,
  tabId: number,
  range: Range,
  known: readonly string[],
  seed?: LogSlice,
): () => Promise<LogSlice> {
  let last = seed;
  return async () => {
    last = (last && (await readTailSince(db, tabId, range, known, last))) ?? (await readLogSlice(db, tabId, range, known));
    return last;
  };
}

/**
 * What a read of the tail's range would answer, from what the page already holds there (a tail
 * cut from the previous one starts with that one's events): its sites are the known ones and its
 * observations' (as `tabSlice` names them), so the tail's next read can be incremental.
 */
export function tailSeed(carried: PartAnswer, known: readonly string[], limit: number): LogSlice {
  const sites = new Set(known);
  for (const o of carried.observations) {
    sites.add(o.registrableDomain);
    if (o.topLevelSite) sites.add(o.topLevelSite);
  }
  return { observations: [...carried.observations], changes: [...carried.changes], sites: [...sites].sort(), more: false, limit };
}

/**
 * Where the panel's slice of the log is read from: the on-disk log (these functions, over Dexie)
 * or, for a private tab, the background's memory log (./private-reads.ts).
 */
export interface LogReader {
  slice(tabId: number, range: Range, known: readonly string[]): Promise<LogSlice>;
  tail(tabId: number, range: Range, known: readonly string[], seed?: LogSlice): () => Promise<LogSlice>;
  settledChanged(tabId: number, range: Range, last: LogSlice): Promise<boolean>;
}

export function diskReader(db: CookieLogDB): LogReader {
  return {
    slice: (tabId, range, known) => readLogSlice(db, tabId, range, known),
    tail: (tabId, range, known, seed) => tailReader(db, tabId, range, known, seed),
    settledChanged: (tabId, range, last) => settledSliceChanged(db, tabId, range, last),
  };
}
