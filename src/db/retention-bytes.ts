/**
 * Retention by size: a few hostile responses can weigh more than many ordinary events, so a count
 * limit alone does not bound the disk. Sizes are approximate (a record's JSON length), enough to
 * keep the log near its budget without asking the browser for per-row storage figures.
 */
import type { CookieLogDB } from './schema';

/** A record's approximate stored size in bytes. */
export function approxBytes(row: unknown): number {
  try {
    return JSON.stringify(row)?.length ?? 0;
  } catch {
    return 0;
  }
}

/**
 * Deletes the oldest events until the newest that fit `maxBytes` remain. Ids grow with enqueue
 * order across both tables, so the cut is one id; deletes go in chunks, one short transaction each.
 */
export async function pruneToBytes(db: CookieLogDB, maxBytes: number, chunk = 500): Promise<number> {
  const sizes: Array<[number, number]> = [];
  for (const table of [db.changes, db.observations] as const) {
    await table.each((row) => {
      sizes.push([row.id, approxBytes(row)]);
    });
  }
  sizes.sort((a, b) => b[0] - a[0]);
  let total = 0;
  let cut: number | undefined;
  for (const [id, size] of sizes) {
    total += size;
    if (total > maxBytes) {
      cut = id;
      break;
    }
  }
  if (cut === undefined) return 0;
  const upTo = cut;
  let removed = 0;
  for (const table of [db.changes, db.observations] as const) {
    for (;;) {
      const n = await db.transaction('rw', table, async () => {
        const ids = await table.where(':id').belowOrEqual(upTo).limit(chunk).primaryKeys();
        await table.bulkDelete(ids);
        return ids.length;
      });
      removed += n;
      if (n < chunk) break;
    }
  }
  return removed;
}
