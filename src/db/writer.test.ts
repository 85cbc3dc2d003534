import Dexie, { type DBCore, type DBCoreMutateRequest } from 'dexie';
import { describe, expect, test } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../model/events';
import { clearLog } from './clear';
import { isQuotaError } from './errors';
import type { CookieLogDB } from './schema';
import { fakeIdb, idle, makeChange, makeObservation, ManualScheduler, openTestDb, settleWith } from './test-helpers';
import { LogWriter, type LogWriterOptions } from './writer';

async function setup(options: LogWriterOptions = {}, db: CookieLogDB = openTestDb()) {
  const scheduler = new ManualScheduler();
  const writer = await LogWriter.open(db, { scheduler, batchSize: 3, maxLatencyMs: 250, ...options });
  return { db, scheduler, writer };
}

/** A DBCore middleware that fails the next `times` adds to `table` with `error()`. */
function failAdds(db: CookieLogDB, table: string, times: number, error: () => unknown): { remaining: () => number } {
  let left = times;
  db.use({
    stack: 'dbcore',
    name: 'fail-adds',
    create: (down: DBCore): DBCore => ({
      ...down,
      table: (name) => {
        const t = down.table(name);
        return {
          ...t,
          mutate: (req: DBCoreMutateRequest) => {
            if (name === table && req.type === 'add' && left > 0) {
              left--;
              return Promise.reject(error());
            }
            return t.mutate(req);
          },
        };
      },
    }),
  });
  return { remaining: () => left };
}

describe('ids', () => {
  test('are known at enqueue, unique across both tables, and continue after a restart and a clear', async () => {
    const { db, writer } = await setup();
    const a = writer.addObservation(makeObservation());
    const b = writer.addChange(makeChange({ linkedObservationId: a.id }));
    expect(b.id).toBe(a.id + 1);
    await writer.flush();
    expect((await db.changes.get(b.id))?.linkedObservationId).toBe(a.id);

    await clearLog(db);
    const restarted = await LogWriter.open(db);
    expect(restarted.addChange(makeChange()).id).toBe(b.id + 1);
  });
});

describe('batching', () => {
  test('a full batch is written at once, in one transaction', async () => {
    const { db, writer } = await setup();
    const acks = [1, 2, 3].map((i) => writer.addChange(makeChange({ time: i })));
    await Promise.all(acks.map((a) => a.durable));
    expect(await db.changes.count()).toBe(3);
    expect(writer.stats()).toMatchObject({ batches: 1, written: 3, queued: 0 });
  });

  test('a partial batch waits for the latency bound, timed from its oldest record', async () => {
    const { db, scheduler, writer } = await setup();
    writer.addChange(makeChange());
    scheduler.advance(100);
    writer.addChange(makeChange());
    await idle();
    scheduler.advance(149);
    await idle();
    expect(await db.changes.count()).toBe(0);
    expect(writer.stats().queued).toBe(2);
    scheduler.advance(1);
    await idle();
    expect(await db.changes.count()).toBe(2);
    expect(writer.stats().batches).toBe(1);
  });

  test('flush writes what is queued without waiting', async () => {
    const { db, scheduler, writer } = await setup({ batchSize: 500 });
    for (let i = 0; i < 7; i++) writer.addObservation(makeObservation({ time: i }));
    await writer.flush();
    expect(await db.observations.count()).toBe(7);
    expect(scheduler.now()).toBe(0);
    await expect(writer.flush()).resolves.toBeUndefined();
  });

  test('more than a batch splits into batches, in order', async () => {
    const { db, writer } = await setup();
    const ids = Array.from({ length: 8 }, (_, i) => writer.addChange(makeChange({ time: i })).id);
    await writer.flush();
    expect((await db.changes.orderBy('id').toArray()).map((c) => c.id)).toEqual(ids);
    expect(writer.stats().batches).toBe(3);
  });
});

describe('patches', () => {
  const line = { line: 'sid=secret; Path=/', name: 'sid', valueLength: 6, valueDigest: 'd', outcome: 'pending' as const };

  test('apply in order to a record of the same batch', async () => {
    const { db, writer } = await setup({ batchSize: 100 });
    const o = writer.addObservation(makeObservation({ setCookies: [line, { ...line, name: 'b' }] }));
    const c = writer.addChange(makeChange({ source: 'unknown' }));
    writer.patchSetCookie(o.id, 1, { outcome: 'stored', changeEventId: 99 });
    writer.patchSetCookie(o.id, 1, { outcome: 'updated', changeEventId: c.id });
    writer.patchChange(c.id, { linkedObservationId: o.id, source: 'http' });
    await writer.flush();
    const stored = await db.observations.get(o.id);
    expect(stored?.setCookies?.map((s) => s.outcome)).toEqual(['pending', 'updated']);
    expect(stored?.setCookies?.[1]?.changeEventId).toBe(c.id);
    expect(await db.changes.get(c.id)).toMatchObject({ linkedObservationId: o.id, source: 'http' });
  });

  test('apply in order to a record written by an earlier batch; a missing target is ignored', async () => {
    const { db, writer } = await setup({ batchSize: 100 });
    const o = writer.addObservation(makeObservation({ setCookies: [line] }));
    await writer.flush();
    writer.patchSetCookie(o.id, 0, { outcome: 'rejected', reason: 'a' });
    writer.patchSetCookie(o.id, 0, { reason: 'b', warnings: ['w'] });
    writer.patchSetCookie(o.id, 5, { outcome: 'stored' });
    writer.patchChange(12345, { source: 'script' });
    await writer.flush();
    expect((await db.observations.get(o.id))?.setCookies?.[0]).toMatchObject({
      outcome: 'rejected',
      reason: 'b',
      warnings: ['w'],
    });
    expect(writer.stats().dropped).toBe(0);
  });
});

describe('redaction', () => {
  test.each([
    [false, undefined, 'sid=; Path=/'],
    [true, 'secret', 'sid=secret; Path=/'],
  ])('recordValues=%s keeps value %s', async (recordValues, value, line) => {
    const settings: Settings = { ...DEFAULT_SETTINGS, recordValues };
    const { db, writer } = await setup({ getSettings: () => settings });
    const c = writer.addChange(makeChange({ value: 'secret' }));
    const setCookies = [{ line: 'sid=secret; Path=/', name: 'sid', valueLength: 6, valueDigest: 'd', outcome: 'pending' as const }];
    const o = writer.addObservation(makeObservation({ setCookies }));
    await writer.flush();
    expect((await db.changes.get(c.id))?.value).toBe(value);
    expect((await db.observations.get(o.id))?.setCookies?.[0]?.line).toBe(line);
    expect(setCookies[0]?.line).toBe('sid=secret; Path=/'); // the caller's object is untouched
  });
});

describe('quota', () => {
  test('prunes the oldest records and retries the batch, losing nothing', async () => {
    const idb = fakeIdb();
    const earlier = openTestDb(idb);
    await earlier.changes.bulkAdd(Array.from({ length: 100 }, (_, i) => ({ ...makeChange({ time: i }), id: i + 1 })));
    earlier.close();
    const db = openTestDb(idb);
    const failure = failAdds(db, 'changes', 1, () => new DOMException('disk full', 'QuotaExceededError'));
    const { writer } = await setup({ getSettings: () => ({ ...DEFAULT_SETTINGS, retentionMaxEvents: 100 }) }, db);
    const acks = [1, 2, 3].map(() => writer.addChange(makeChange({ time: 1_000 })));
    await Promise.all(acks.map((a) => a.durable));
    expect(failure.remaining()).toBe(0);
    // 100 rows, max 100: pruned to 80% of the max, then the batch of 3 landed.
    expect(await db.changes.count()).toBe(83);
    expect((await db.changes.orderBy('time').first())?.time).toBe(20);
    expect(writer.stats()).toMatchObject({ written: 3, dropped: 0, evicted: 20, retries: 1 });
    expect(writer.stats().lastError?.name).toBe('QuotaExceededError');
  });

  test.each([
    ['a DOMException', new DOMException('x', 'QuotaExceededError'), true],
    ['Dexie mapping', new Dexie.QuotaExceededError('x'), true],
    ['AbortError with it inside', new Dexie.AbortError('aborted', new DOMException('x', 'QuotaExceededError')), true],
    ['AbortError naming it', new Dexie.AbortError('QuotaExceededError '), true],
    ['BulkError', new Dexie.BulkError('x', { 0: new DOMException('x', 'QuotaExceededError') }), true],
    ['ConstraintError', new Dexie.ConstraintError('x'), false],
    ['a string', 'QuotaExceeded', false],
  ])('isQuotaError: %s', (_label, err, expected) => {
    expect(isQuotaError(err)).toBe(expected);
  });
});

describe('other write errors', () => {
  test('retry with backoff and keep the records queued until they land', async () => {
    const db = openTestDb();
    failAdds(db, 'changes', 2, () => new Error('transient'));
    const { scheduler, writer } = await setup({ backoffMs: 1_000 }, db);
    const acks = [1, 2, 3].map(() => writer.addChange(makeChange()));
    await idle();
    expect(writer.stats()).toMatchObject({ queued: 3, written: 0, retries: 1 });
    const later = writer.addChange(makeChange());
    await settleWith(scheduler, Promise.all([...acks, later].map((a) => a.durable)));
    expect(await db.changes.count()).toBe(4);
    expect(writer.stats()).toMatchObject({ written: 4, dropped: 0, retries: 2, queued: 0 });
  });

  test('drop and count a batch only after every attempt failed; later batches still land', async () => {
    const db = openTestDb();
    failAdds(db, 'changes', 3, () => new Error('broken'));
    const { scheduler, writer } = await setup({ maxAttempts: 3 }, db);
    const lost = [1, 2, 3].map(() => writer.addChange(makeChange()));
    const kept = writer.addChange(makeChange());
    await settleWith(scheduler, writer.flush());
    await expect(lost[0]?.durable).rejects.toThrow('broken');
    await expect(kept.durable).resolves.toBeUndefined();
    expect(writer.stats()).toMatchObject({ dropped: 3, written: 1, queued: 0 });
    expect(writer.stats().lastError?.message).toContain('broken');
  });

  test('flush cuts a backoff wait short', async () => {
    const db = openTestDb();
    failAdds(db, 'changes', 1, () => new Error('once'));
    const { writer } = await setup({ backoffMs: 60_000 }, db);
    writer.addChange(makeChange());
    void writer.flush();
    await idle();
    expect(writer.stats()).toMatchObject({ retries: 1, queued: 1 });
    // e.g. runtime.onSuspend while the writer waits to retry
    await writer.flush();
    expect(await db.changes.count()).toBe(1);
  });

  test('bounds the queue while writes keep failing', async () => {
    const db = openTestDb();
    failAdds(db, 'changes', 100, () => new Error('down'));
    const { writer } = await setup({ maxQueued: 5, batchSize: 2 }, db);
    writer.addChange(makeChange());
    writer.addChange(makeChange());
    await idle(); // the first batch has failed and waits to retry
    for (let i = 0; i < 6; i++) writer.addChange(makeChange());
    expect(writer.stats()).toMatchObject({ queued: 5, dropped: 3 });
    expect(writer.stats().lastError?.message).toContain('overflow');
  });

  // The bound now holds whether or not writes fail (writer-bounds.test.ts): a burst within it is never cut.
  test('never cuts the queue while writes succeed and the burst is within the bound', async () => {
    const { db, writer } = await setup({ maxQueued: 20, batchSize: 2 });
    const acks = Array.from({ length: 20 }, () => writer.addChange(makeChange()));
    await Promise.all(acks.map((a) => a.durable));
    expect(await db.changes.count()).toBe(20);
    expect(writer.stats().dropped).toBe(0);
  });
});

test('works against a database another context opened (one fake IndexedDB)', async () => {
  const idb = fakeIdb();
  const { writer } = await setup({}, openTestDb(idb));
  writer.addChange(makeChange());
  await writer.flush();
  expect(await openTestDb(idb).changes.count()).toBe(1);
});
