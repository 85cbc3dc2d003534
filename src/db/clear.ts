/**
 * User-requested deletion of (part of) the log. Settings and `meta` (digest key, id high-water mark)
 * are kept: ids must stay unique after a clear, and digests comparable with earlier exports.
 */
import Dexie from 'dexie';
import type { CookieLogDB } from './schema';

export interface ClearFilter {
  /** Only this tab's observations (and the changes their Set-Cookie lines caused). */
  tabId?: number;
  /** Only this registrable domain's events. */
  domain?: string;
}

export async function clearLog(db: CookieLogDB, filter: ClearFilter = {}): Promise<number> {
  const { tabId, domain } = filter;
  return db.transaction('rw', db.changes, db.observations, async () => {
    if (tabId === undefined && domain === undefined) {
      const n = (await db.changes.count()) + (await db.observations.count());
      await Promise.all([db.changes.clear(), db.observations.clear()]);
      return n;
    }
    if (tabId === undefined) {
      const d = domain as string;
      const changes = await db.changes.where('registrableDomain').equals(d).delete();
      return changes + (await db.observations.where('registrableDomain').equals(d).delete());
    }
    let tabRows = db.observations.where('[tabId+time]').between([tabId, Dexie.minKey], [tabId, Dexie.maxKey], true, true);
    if (domain !== undefined) tabRows = tabRows.and((o) => o.registrableDomain === domain);
    const observations = await tabRows.toArray();
    // Correlation writes both directions, so the Set-Cookie side names every linked change.
    const linked = observations.flatMap((o) =>
      (o.setCookies ?? []).flatMap((s) => (s.changeEventId === undefined ? [] : [s.changeEventId])),
    );
    const existing = (await db.changes.bulkGet(linked)).filter((c) => c !== undefined);
    await db.changes.bulkDelete(existing.map((c) => c.id));
    await db.observations.bulkDelete(observations.map((o) => o.id));
    return existing.length + observations.length;
  });
}
