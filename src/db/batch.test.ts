import type { DBCore, DBCoreMutateRequest } from 'dexie';
import { expect, test } from 'vitest';
import { commitBatch, planBatch } from './batch';
import type { PatchOp } from './log-ops';
import { prepareObservation } from './log-ops';
import type { CookieLogDB } from './schema';
import { makeObservation, openTestDb } from './test-helpers';

/** Counts write requests (and the records they carry) that reach IndexedDB, per table. */
function countWrites(db: CookieLogDB): Map<string, { requests: number; records: number }> {
  const counts = new Map<string, { requests: number; records: number }>();
  db.use({
    stack: 'dbcore',
    name: 'count-writes',
    create: (down: DBCore): DBCore => ({
      ...down,
      table: (name) => {
        const t = down.table(name);
        return {
          ...t,
          mutate: (req: DBCoreMutateRequest) => {
            const c = counts.get(name) ?? { requests: 0, records: 0 };
            c.requests++;
            c.records += 'values' in req ? req.values.length : 1;
            counts.set(name, c);
            return t.mutate(req);
          },
        };
      },
    }),
  });
  return counts;
}

test('patches to lines of observations written by an earlier batch cost one write per observation', async () => {
  const db = openTestDb();
  const counts = countWrites(db);
  const lines = 2_000;
  const setCookies = Array.from({ length: lines }, (_, i) => ({
    line: `c${i}=v`,
    name: `c${i}`,
    valueLength: 1,
    valueDigest: 'd',
    outcome: 'pending' as const,
  }));
  const obs = [1, 2].map((id) => prepareObservation(makeObservation({ setCookies }), id, false));
  await commitBatch(db, planBatch(obs.map((record) => ({ op: 'addObservation', record }))));

  counts.clear();
  const patches: PatchOp[] = [];
  for (let index = 0; index < lines; index++) {
    for (const id of [1, 2]) patches.push({ op: 'patchSetCookie', observationId: id, index, patch: { outcome: 'stored' } });
  }
  patches.push({ op: 'patchSetCookie', observationId: 99, index: 0, patch: { outcome: 'stored' } });
  await commitBatch(db, planBatch(patches));

  expect(counts.get('observations')?.records).toBe(2);
  const stored = await db.observations.bulkGet([1, 2]);
  expect(stored.every((o) => o?.setCookies?.every((s) => s.outcome === 'stored'))).toBe(true);
  expect(await db.observations.get(99)).toBeUndefined();
});
