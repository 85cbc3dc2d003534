/**
 * Bounded retention: by age, by count (changes + observations together) and by size, oldest first.
 * Deletes in small chunks, one short transaction each, so the writer's batches (which need the same
 * tables) are queued behind at most one chunk, never behind the whole prune.
 */
import type { Table } from 'dexie';
import type { Settings } from '../model/events';
import { pruneToBytes } from './retention-bytes';
import type { CookieLogDB } from './schema';

export { approxBytes, pruneToBytes } from './retention-bytes';

const DAY_MS = 86_400_000;
export const PRUNE_CHUNK = 500;

export interface PruneOptions {
  /** Rows deleted per transaction. */
  chunkSize?: number;
}

type RetentionSettings = Pick<Settings, 'retentionMaxEvents' | 'retentionMaxAgeDays'> & Partial<Pick<Settings, 'retentionMaxBytes'>>;

/** Removes events older than the age limit, then the oldest beyond the count limit, then beyond the byte budget. Returns how many. */
export async function prune(db: CookieLogDB, settings: RetentionSettings, now: number, options: PruneOptions = {}): Promise<number> {
  const chunk = options.chunkSize ?? PRUNE_CHUNK;
  const byAge = await pruneOlderThan(db, now - settings.retentionMaxAgeDays * DAY_MS, chunk);
  const byCount = await pruneToCount(db, settings.retentionMaxEvents, chunk);
  const byBytes = settings.retentionMaxBytes === undefined ? 0 : await pruneToBytes(db, settings.retentionMaxBytes, chunk);
  return byAge + byCount + byBytes;
}

/**
 * Makes room after a QuotaExceededError: drops at least the oldest 10%, and down to 80% of the
 * configured maximum when the log is above that, so the next few batches do not hit quota again.
 */
export async function pruneForQuota(
  db: CookieLogDB,
  settings: Pick<Settings, 'retentionMaxEvents'>,
  options: PruneOptions = {},
): Promise<number> {
  const total = await totalEvents(db);
  const target = Math.min(Math.floor(total * 0.9), Math.floor(settings.retentionMaxEvents * 0.8));
  return pruneToCount(db, target, options.chunkSize ?? PRUNE_CHUNK, total);
}

export async function totalEvents(db: CookieLogDB): Promise<number> {
  const [changes, observations] = await Promise.all([db.changes.count(), db.observations.count()]);
  return changes + observations;
}

async function pruneOlderThan(db: CookieLogDB, cutoff: number, chunk: number): Promise<number> {
  let removed = 0;
  for (const table of [db.changes, db.observations] as Table<{ time: number }, number>[]) {
    for (;;) {
      const n = await db.transaction('rw', table, async () => {
        const ids = await table.where('time').below(cutoff).limit(chunk).primaryKeys();
        await table.bulkDelete(ids);
        return ids.length;
      });
      removed += n;
      if (n < chunk) break;
    }
  }
  return removed;
}

interface Aged {
  time: number;
  id: number;
}

async function oldest(table: Table<{ time: number }, number>, n: number): Promise<Aged[]> {
  const rows: Aged[] = [];
  await table
    .orderBy('time')
    .limit(n)
    .eachKey((time, cursor) => {
      rows.push({ time: time as number, id: cursor.primaryKey as number });
    });
  return rows;
}

/** The `n` oldest of two time-ordered lists (ties broken by id, which grows with enqueue order). */
function takeOldest(a: Aged[], b: Aged[], n: number): { a: number[]; b: number[] } {
  const out = { a: [] as number[], b: [] as number[] };
  let i = 0;
  let j = 0;
  while (out.a.length + out.b.length < n && (i < a.length || j < b.length)) {
    const x = a[i];
    const y = b[j];
    if (x && (!y || x.time < y.time || (x.time === y.time && x.id < y.id))) {
      out.a.push(x.id);
      i++;
    } else if (y) {
      out.b.push(y.id);
      j++;
    }
  }
  return out;
}

/** Deletes the oldest events until at most `maxTotal` remain. `knownTotal` saves a count. */
export async function pruneToCount(db: CookieLogDB, maxTotal: number, chunk: number = PRUNE_CHUNK, knownTotal?: number): Promise<number> {
  // Counted once: records written meanwhile are newer and the next prune takes care of them.
  let excess = (knownTotal ?? (await totalEvents(db))) - Math.max(0, maxTotal);
  let removed = 0;
  while (excess > 0) {
    const take = Math.min(excess, chunk);
    const n = await db.transaction('rw', db.changes, db.observations, async () => {
      const [a, b] = await Promise.all([oldest(db.changes, take), oldest(db.observations, take)]);
      const victims = takeOldest(a, b, take);
      await Promise.all([db.changes.bulkDelete(victims.a), db.observations.bulkDelete(victims.b)]);
      return victims.a.length + victims.b.length;
    });
    if (n === 0) break;
    removed += n;
    excess -= n;
  }
  return removed;
}
