import { expect, test } from 'vitest';
import { approxBytes, prune, pruneToBytes } from './retention';
import { makeChange, makeObservation, openTestDb } from './test-helpers';

async function seed(n: number) {
  const db = openTestDb();
  const changes = [];
  const observations = [];
  for (let i = 1; i <= n; i++) {
    if (i % 2) changes.push({ ...makeChange({ time: i }), id: i });
    else observations.push({ ...makeObservation({ time: i }), id: i, cookieMentions: [] });
  }
  await db.changes.bulkAdd(changes);
  await db.observations.bulkAdd(observations);
  return db;
}

const ids = async (db: Awaited<ReturnType<typeof seed>>) =>
  [...(await db.changes.toCollection().primaryKeys()), ...(await db.observations.toCollection().primaryKeys())].sort((a, b) => a - b);

test('by bytes: keeps the newest records that fit the budget, oldest removed first across both tables', async () => {
  const db = await seed(40);
  const sizes = new Map<number, number>();
  for (const r of [...(await db.changes.toArray()), ...(await db.observations.toArray())]) sizes.set(r.id, approxBytes(r));
  // Exactly the newest ten fit.
  let budget = 0;
  for (let id = 31; id <= 40; id++) budget += sizes.get(id)!;
  const removed = await pruneToBytes(db, budget, 7);
  expect(removed).toBe(30);
  expect(await ids(db)).toEqual([31, 32, 33, 34, 35, 36, 37, 38, 39, 40]);
});

test('prune applies the byte budget after age and count; without one, bytes do not limit', async () => {
  const db = await seed(10);
  expect(await prune(db, { retentionMaxAgeDays: 7, retentionMaxEvents: 100 }, 100)).toBe(0);
  expect(await prune(db, { retentionMaxAgeDays: 7, retentionMaxEvents: 100, retentionMaxBytes: 1 }, 100)).toBe(10);
});
