import { expect, test } from 'vitest';
import type { SetCookieRecord } from '../model/events';
import { makeChange, makeObservation, ManualScheduler, openTestDb } from './test-helpers';
import { LogWriter } from './writer';

const line = (i: number): SetCookieRecord => ({
  line: `c${i}=; Path=/`,
  name: `c${i}`,
  valueLength: 1,
  valueDigest: 'd',
  outcome: 'pending',
});

async function open(maxQueued: number) {
  const db = openTestDb();
  const scheduler = new ManualScheduler();
  const writer = await LogWriter.open(db, { scheduler, batchSize: 1_000_000, maxLatencyMs: 1_000_000, maxQueued });
  return { db, writer };
}

test('over its bound the queue sheds the oldest detail first and keeps every record', async () => {
  const { db, writer } = await open(20);
  const obs = writer.addObservation(makeObservation({ setCookies: [0, 1, 2, 3, 4].map(line) }));
  for (let i = 0; i < 5; i++) writer.patchSetCookie(obs.id, i, { outcome: 'stored' });
  const req = writer.addObservation(makeObservation({ kind: 'request', cookieNames: ['a', 'b', 'c'] }));
  for (let i = 0; i < 8; i++) writer.addChange(makeChange());
  // 1 + 5 lines, 5 patches, 1 + 3 names, 8 changes = 23 > 20: the oldest detail goes.
  const stats = writer.stats();
  expect(stats.dropped).toBe(0);
  expect(stats.detailDropped).toBeGreaterThan(0);
  await writer.flush();
  expect(await db.changes.count()).toBe(8);
  expect(await db.observations.count()).toBe(2);
  const stored = await db.observations.get(obs.id);
  // Lines not kept are counted as not recorded, as for the per-response cap.
  expect((stored?.setCookies?.length ?? 0) + (stored?.setCookiesOmitted ?? 0)).toBe(5);
  expect((await db.observations.get(req.id))?.kind).toBe('request');
});

test('records go only when no detail is left to shed, and are counted', async () => {
  const { db, writer } = await open(5);
  for (let i = 0; i < 8; i++) writer.addChange(makeChange({ time: i }));
  expect(writer.stats()).toMatchObject({ queued: 5, dropped: 3 });
  await writer.flush();
  expect((await db.changes.toArray()).map((c) => c.time)).toEqual([3, 4, 5, 6, 7]);
});

test('retention runs when the log has grown by its step, not only on a timer', async () => {
  const db = openTestDb();
  let runs = 0;
  const writer = await LogWriter.open(db, {
    scheduler: new ManualScheduler(),
    batchSize: 2,
    onGrowth: { everyBytes: 2_000, run: async () => void runs++ },
  });
  writer.addChange(makeChange());
  await writer.flush();
  expect(runs).toBe(0);
  for (let i = 0; i < 20; i++) writer.addChange(makeChange());
  await writer.flush();
  expect(runs).toBeGreaterThan(0);
  expect(runs).toBeLessThan(20);
});
