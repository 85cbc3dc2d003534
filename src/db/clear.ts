/**
 * User-requested deletion of (part of) the log. A full clear also empties the last-known jar (it
 * names every cookie and holds their digests); the caller rotates the digest key. Settings and the
 * id high-water mark are kept: ids must stay unique after a clear.
 */
import Dexie from 'dexie';
import { redactObservation } from './redact';
import { type CookieLogDB, foldIntoJar, type JarRow, META, type StoredChange } from './schema';

export interface ClearFilter {
  /** Only this tab's observations (and the changes their Set-Cookie lines caused). */
  tabId?: number;
  /** Only this registrable domain's events. */
  domain?: string;
}

export async function clearLog(db: CookieLogDB, filter: ClearFilter = {}): Promise<number> {
  const { tabId, domain } = filter;
  return db.transaction('rw', [db.changes, db.observations, db.jar, db.meta], async () => {
    if (tabId === undefined && domain === undefined) {
      const n = (await db.changes.count()) + (await db.observations.count());
      await Promise.all([db.changes.clear(), db.observations.clear(), db.jar.clear(), db.meta.delete(META.jarHighWater)]);
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

/**
 * Replaces the jar with the cookies as they are now (digests made with the current key), without
 * recording anything: after a new key the old digests compare with nothing.
 */
export async function rebaseJar(db: CookieLogDB, current: readonly Omit<StoredChange, 'id'>[]): Promise<void> {
  const rows = new Map<string, JarRow | null>();
  foldIntoJar(
    rows,
    current.map((c, i) => ({ ...c, id: i + 1 })),
  );
  await db.transaction('rw', [db.jar, db.meta, db.changes], async () => {
    const last = Number((await db.changes.toCollection().lastKey()) ?? 0);
    await db.jar.clear();
    await db.jar.bulkPut([...rows.values()].filter((r): r is JarRow => r !== null));
    await db.meta.put({ key: META.jarHighWater, value: last });
  });
}

/** Removes every stored value (recording values was turned off): changes lose `value`, lines are redacted. */
export async function purgeValues(db: CookieLogDB): Promise<number> {
  return db.transaction('rw', [db.changes, db.observations], async () => {
    const changes = await db.changes
      .filter((c) => c.value !== undefined)
      .modify((c) => {
        delete c.value;
      });
    const observations = await db.observations
      .filter((o) => o.setCookies !== undefined)
      .modify((o, ref) => {
        ref.value = redactObservation(o);
      });
    return changes + observations;
  });
}
