/**
 * The panel's slice of a private tab's log, asked of the background: a private tab's events live
 * only in its memory log, and a page in a Firefox private window has no IndexedDB at all. Same
 * shape as the on-disk reads (./log-reads.ts), so the rest of the panel does not know the difference.
 */
import type { Range } from '../../db/queries';
import type { CookieChangeEvent, HeaderObservation } from '../../model/events';
import { PAGE_SIZE, type LogReader, type LogSlice, sliceSignature } from './log-reads';

/** What the background's memory log answers (`getPrivateLog`), newest first. */
export type PrivateLogAnswer = { changes: CookieChangeEvent[]; observations: HeaderObservation[] };

const within = (time: number, r: Range): boolean =>
  (r.since === undefined || time >= r.since) && (r.until === undefined || time <= r.until);

/**
 * The slice `tabSlice` would answer from the on-disk log, cut from the memory log's answer: the
 * tab's observations in the range, the changes on the sites they name (and `known`), and the
 * changes their Set-Cookie lines link to.
 */
export function privateSlice(log: PrivateLogAnswer, tabId: number, range: Range, known: readonly string[]): LogSlice {
  const limit = range.limit ?? PAGE_SIZE;
  const tabObservations = log.observations.filter((o) => o.tabId === tabId && within(o.time, range));
  const observations = tabObservations.slice(0, limit);
  const sites = new Set(known);
  for (const o of observations) {
    sites.add(o.registrableDomain);
    if (o.topLevelSite) sites.add(o.topLevelSite);
  }
  const linked = new Set<number>();
  for (const o of observations) for (const l of o.setCookies ?? []) if (l.changeEventId !== undefined) linked.add(l.changeEventId);
  const onSites = log.changes.filter((c) => sites.has(c.registrableDomain) && within(c.time, range));
  const changes = new Map<number, CookieChangeEvent>();
  for (const c of onSites.slice(0, limit)) changes.set(c.id, c);
  for (const c of log.changes) if (linked.has(c.id)) changes.set(c.id, c);
  return {
    observations,
    changes: [...changes.values()],
    sites: [...sites].sort(),
    more: tabObservations.length > limit || onSites.length > limit,
    limit,
  };
}

/** A reader over `ask` (the `getPrivateLog` message): the memory log is bounded, so each read takes it whole. */
export function privateReader(ask: (q: { since?: number }) => Promise<PrivateLogAnswer>): LogReader {
  const slice = async (tabId: number, range: Range, known: readonly string[]): Promise<LogSlice> =>
    privateSlice(await ask(range.since === undefined ? {} : { since: range.since }), tabId, range, known);
  return {
    slice,
    tail: (tabId, range, known) => () => slice(tabId, range, known),
    settledChanged: async (tabId, range, last) => sliceSignature(await slice(tabId, range, last.sites)) !== sliceSignature(last),
  };
}

/** A cookie's history in the memory log, as `cookieLifecycle` reads it from disk (oldest first). */
export function privateLifecycle(
  byKey: PrivateLogAnswer,
  onSite: PrivateLogAnswer,
  name: string,
): { changes: CookieChangeEvent[]; observations: HeaderObservation[] } {
  const names = (o: HeaderObservation): boolean =>
    (o.setCookies ?? []).some((l) => l.name === name) || (o.cookieNames ?? []).includes(name);
  const oldestFirst = <T extends { time: number; id: number }>(xs: T[]): T[] => [...xs].sort((a, b) => a.time - b.time || a.id - b.id);
  return { changes: oldestFirst(byKey.changes), observations: oldestFirst(onSite.observations.filter(names)) };
}
