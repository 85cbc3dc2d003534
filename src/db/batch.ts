/**
 * One writer batch → one IndexedDB transaction: adds with their ids, patches in queue order, and the
 * id high-water mark (see writer.ts on why ids are assigned at enqueue).
 */
import type { ChangePatch, SetCookiePatch } from '../model/events';
import { applyChangePatch, applySetCookiePatch, type PatchOp } from './log-ops';
import { type CookieLogDB, type JarRow, META, type StoredChange, type StoredObservation } from './schema';

/** Jar rows to fold in with a batch (the writer sends them every few seconds, not every batch). */
export interface JarUpdate {
  rows: Map<string, JarRow | null>;
  highWater: number;
}

/** A queued operation after preparation: adds carry their id, copied and redacted record. */
export type PreparedOp = { op: 'addChange'; record: StoredChange } | { op: 'addObservation'; record: StoredObservation } | PatchOp;

export interface BatchPlan {
  changes: StoredChange[];
  observations: StoredObservation[];
  /** Patches whose target was written by an earlier batch, in queue order. */
  patches: PatchOp[];
  maxId: number;
}

/**
 * Folds a batch into adds and patches. A patch on a record of the same batch is applied to it in
 * memory, in order, so the record is written once in its final state. Done once per batch, so a
 * retried batch is not patched twice.
 */
export function planBatch(ops: readonly PreparedOp[]): BatchPlan {
  const changes = new Map<number, StoredChange>();
  const observations = new Map<number, StoredObservation>();
  const patches: PatchOp[] = [];
  let maxId = 0;
  for (const op of ops) {
    switch (op.op) {
      case 'addChange':
        changes.set(op.record.id, op.record);
        maxId = Math.max(maxId, op.record.id);
        break;
      case 'addObservation':
        observations.set(op.record.id, op.record);
        maxId = Math.max(maxId, op.record.id);
        break;
      case 'patchChange': {
        const target = changes.get(op.changeId);
        if (target) applyChangePatch(target, op.patch);
        else patches.push(op);
        break;
      }
      case 'patchSetCookie': {
        const target = observations.get(op.observationId);
        if (target) applySetCookiePatch(target, op.index, op.patch);
        else patches.push(op);
        break;
      }
    }
  }
  return { changes: [...changes.values()], observations: [...observations.values()], patches, maxId };
}

/** Writes a plan atomically; a patch whose target is gone (pruned, cleared) is a no-op. */
export function commitBatch(db: CookieLogDB, plan: BatchPlan, jar?: JarUpdate): Promise<void> {
  return db.transaction('rw', [db.changes, db.observations, db.meta, db.jar], async () => {
    if (plan.changes.length) await db.changes.bulkAdd(plan.changes);
    if (jar) await writeJar(db, jar);
    if (plan.observations.length) await db.observations.bulkAdd(plan.observations);
    await applyPatches(db, plan.patches);
    if (plan.maxId > 0) await db.meta.put({ key: META.idHighWater, value: plan.maxId });
  });
}

/**
 * Patches on records of earlier batches, grouped by record: each is read once and written once,
 * whatever the number of its lines patched (a response may carry thousands of Set-Cookie lines).
 */
async function applyPatches(db: CookieLogDB, patches: readonly PatchOp[]): Promise<void> {
  const byChange = new Map<number, ChangePatch[]>();
  const byObservation = new Map<number, Array<{ index: number; patch: SetCookiePatch }>>();
  for (const p of patches) {
    if (p.op === 'patchChange') push(byChange, p.changeId, p.patch);
    else push(byObservation, p.observationId, { index: p.index, patch: p.patch });
  }
  if (byChange.size) {
    const rows = await db.changes.bulkGet([...byChange.keys()]);
    const found = rows.filter((c): c is StoredChange => c !== undefined);
    for (const c of found) for (const patch of byChange.get(c.id)!) applyChangePatch(c, patch);
    if (found.length) await db.changes.bulkPut(found);
  }
  if (byObservation.size) {
    const rows = await db.observations.bulkGet([...byObservation.keys()]);
    const found = rows.filter((o): o is StoredObservation => o !== undefined);
    for (const o of found) for (const { index, patch } of byObservation.get(o.id)!) applySetCookiePatch(o, index, patch);
    if (found.length) await db.observations.bulkPut(found);
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

async function writeJar(db: CookieLogDB, jar: JarUpdate): Promise<void> {
  const puts: JarRow[] = [];
  const deletes: string[] = [];
  for (const [key, row] of jar.rows) {
    if (row) puts.push(row);
    else deletes.push(key);
  }
  if (puts.length) await db.jar.bulkPut(puts);
  if (deletes.length) await db.jar.bulkDelete(deletes);
  if (jar.highWater > 0) await db.meta.put({ key: META.jarHighWater, value: jar.highWater });
}

/** The highest id in use: the high-water mark, or the tables' last keys (data from before the mark). */
export async function readHighWater(db: CookieLogDB): Promise<number> {
  return db.transaction('r', db.changes, db.observations, db.meta, async () => {
    const [meta, lastChange, lastObservation] = await Promise.all([
      db.meta.get(META.idHighWater),
      db.changes.toCollection().lastKey(),
      db.observations.toCollection().lastKey(),
    ]);
    return Math.max(0, Number(meta?.value ?? 0), Number(lastChange ?? 0), Number(lastObservation ?? 0));
  });
}
