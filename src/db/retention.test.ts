import { describe, expect, test } from 'vitest';
import { prune, pruneForQuota, pruneToCount } from './retention';
import { openTestDb, makeChange, makeObservation } from './test-helpers';
import type { CookieLogDB } from './schema';

const DAY = 86_400_000;
const NOW = 100 * DAY;

/** Changes at even times, observations at odd times (ids follow time), so "oldest" spans both tables. */
async function seed(db: CookieLogDB, n: number, start = 0, step = 1): Promise<void> {
  const changes = [];
  const observations = [];
  for (let i = 0; i < n; i++) {
    const time = start + i * step;
    if (i % 2 === 0) changes.push({ ...makeChange({ time }), id: i + 1 });
    else observations.push({ ...makeObservation({ time }), id: i + 1, cookieMentions: [] });
  }
  await db.changes.bulkAdd(changes);
  await db.observations.bulkAdd(observations);
}

async function remainingTimes(db: CookieLogDB): Promise<number[]> {
  const times = [...(await db.changes.toArray()), ...(await db.observations.toArray())].map((r) => r.time);
  return times.sort((a, b) => a - b);
}

describe('prune', () => {
  test('by age: removes everything older than the limit, across both tables, in chunks', async () => {
    const db = openTestDb();
    await seed(db, 20, NOW - 10 * DAY, DAY / 2); // one event every 12 h over the last 10 days
    const removed = await prune(db, { retentionMaxAgeDays: 7, retentionMaxEvents: 1_000 }, NOW, { chunkSize: 3 });
    expect(removed).toBe(6);
    expect((await remainingTimes(db))[0]).toBe(NOW - 7 * DAY);
  });

  test('by count: keeps the newest, oldest first across both tables', async () => {
    const db = openTestDb();
    await seed(db, 25, NOW - 1_000);
    const removed = await prune(db, { retentionMaxAgeDays: 7, retentionMaxEvents: 10 }, NOW, { chunkSize: 4 });
    expect(removed).toBe(15);
    expect(await remainingTimes(db)).toEqual(Array.from({ length: 10 }, (_, i) => NOW - 1_000 + 15 + i));
  });

  test('age first, then count', async () => {
    const db = openTestDb();
    await seed(db, 10, NOW - 8 * DAY, DAY / 4); // 4 older than 7 days
    expect(await prune(db, { retentionMaxAgeDays: 7, retentionMaxEvents: 5 }, NOW)).toBe(5);
    expect((await db.changes.count()) + (await db.observations.count())).toBe(5);
  });

  test('nothing to do', async () => {
    const db = openTestDb();
    await seed(db, 4, NOW);
    expect(await prune(db, { retentionMaxAgeDays: 7, retentionMaxEvents: 10 }, NOW)).toBe(0);
    expect(await pruneToCount(db, 4)).toBe(0);
  });
});

describe('pruneForQuota', () => {
  test.each([
    // total, configured max, expected removed
    [100, 1_000, 10], // well under the max: the oldest 10%
    [100, 100, 20], // at the max: down to 80% of it
    [50, 40, 18], // over the max: down to 80% of it
  ])('%i events, max %i: removes %i', async (total, max, expected) => {
    const db = openTestDb();
    await seed(db, total);
    expect(await pruneForQuota(db, { retentionMaxEvents: max })).toBe(expected);
    expect((await remainingTimes(db))[0]).toBe(expected);
  });
});
