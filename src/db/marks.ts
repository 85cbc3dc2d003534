/**
 * Session marks on disk. Written directly, not through the batching writer: they are rare (a user's
 * click, a browser start) and a mark must be there when the user opens the report a second later.
 */
import type { NewSessionMark, SessionMark } from '../model/events';
import type { CookieLogDB } from './schema';

export async function addMark(db: CookieLogDB, mark: NewSessionMark): Promise<SessionMark> {
  const id = await db.marks.add(mark as SessionMark);
  return { ...mark, id };
}

/** A site's marks plus every browser start (which concern all sites), oldest first. */
export async function marksFor(db: CookieLogDB, site?: string): Promise<SessionMark[]> {
  const all = await db.marks.orderBy('time').toArray();
  return site === undefined ? all : all.filter((m) => m.kind === 'startup' || m.site === site);
}

/** Clearing the log clears its marks with it (all of them, or one site's). */
export async function clearMarks(db: CookieLogDB, site?: string): Promise<number> {
  if (site === undefined) {
    const n = await db.marks.count();
    await db.marks.clear();
    return n;
  }
  return db.marks.where('site').equals(site).delete();
}
