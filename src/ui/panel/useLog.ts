/**
 * The panel's live slice of the log: the inspected tab's observations (with the changes their
 * Set-Cookie lines caused) and every change on the sites the tab talked to, so script writes,
 * expiries and evictions — which belong to no tab — appear too. Paged by `limit` (newest first in
 * the queries), so a 100,000-event log costs what one page costs.
 */
import { useEffect, useState } from 'preact/hooks';
import { domainChanges, liveQuery, tabTimeline } from '../../db/queries';
import type { CookieLogDB } from '../../db/schema';
import type { CookieChangeEvent, HeaderObservation } from '../../model/events';

export const PAGE_SIZE = 2_000;

export interface LogSlice {
  observations: HeaderObservation[];
  changes: CookieChangeEvent[];
  /** Registrable domains the tab's observations name. */
  sites: string[];
  /** The tab page was full: older entries exist. */
  more: boolean;
}

export async function readLogSlice(db: CookieLogDB, tabId: number, limit: number): Promise<LogSlice> {
  const entries = await tabTimeline(db, tabId, { limit });
  const observations: HeaderObservation[] = [];
  const changes = new Map<number, CookieChangeEvent>();
  for (const e of entries) {
    if (e.type === 'observation') observations.push(e.event);
    else changes.set(e.event.id, e.event);
  }
  const sites = new Set<string>();
  for (const o of observations) {
    sites.add(o.registrableDomain);
    if (o.topLevelSite) sites.add(o.topLevelSite);
  }
  const perSite = await Promise.all([...sites].map((s) => domainChanges(db, s, { limit })));
  for (const list of perSite) for (const c of list) changes.set(c.id, c);
  return {
    observations,
    changes: [...changes.values()],
    sites: [...sites].sort(),
    more: observations.length >= limit || perSite.some((l) => l.length >= limit),
  };
}

export function useLogSlice(db: CookieLogDB, tabId: number, limit: number): LogSlice | undefined {
  const [slice, setSlice] = useState<LogSlice | undefined>(undefined);
  useEffect(() => {
    const sub = liveQuery(() => readLogSlice(db, tabId, limit)).subscribe({
      next: setSlice,
      error: (err: unknown) => console.warn('panel: log query failed', err),
    });
    return () => sub.unsubscribe();
  }, [db, tabId, limit]);
  return slice;
}
