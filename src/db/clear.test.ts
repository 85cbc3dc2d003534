import { expect, test } from 'vitest';
import { DEFAULT_SETTINGS } from '../model/events';
import { clearLog, purgeValues } from './clear';
import { currentJar } from './schema';
import { openTestDb, makeChange, makeObservation, ManualScheduler } from './test-helpers';
import { LogWriter } from './writer';

async function seeded() {
  const db = openTestDb();
  const writer = await LogWriter.open(db);
  const line = { line: 'a=', name: 'a', valueLength: 0, valueDigest: 'd', outcome: 'pending' as const };
  const o1 = writer.addObservation(makeObservation({ tabId: 1, setCookies: [line] }));
  const c1 = writer.addChange(makeChange({ linkedObservationId: o1.id }));
  writer.patchSetCookie(o1.id, 0, { outcome: 'stored', changeEventId: c1.id });
  writer.addObservation(makeObservation({ tabId: 2 }));
  writer.addObservation(makeObservation({ tabId: 1, registrableDomain: 'other.test' }));
  writer.addChange(makeChange({ registrableDomain: 'other.test', domain: 'other.test' }));
  writer.addChange(makeChange({ source: 'script' }));
  return { db, writer };
}

test.each([
  [{}, 6, [0, 0]],
  [{ domain: 'other.test' }, 2, [2, 2]],
  [{ tabId: 1 }, 3, [2, 1]],
  [{ tabId: 1, domain: 'example.com' }, 2, [2, 2]],
  [{ tabId: 9 }, 0, [3, 3]],
])('clearLog(%o) removes %i', async (filter, removed, [changes, observations]) => {
  const { db, writer } = await seeded();
  expect(await writer.clear(filter)).toBe(removed);
  expect([await db.changes.count(), await db.observations.count()]).toEqual([changes, observations]);
});

test('keeps settings and meta', async () => {
  const { db, writer } = await seeded();
  await db.settings.put({ key: 'paused', value: true });
  await writer.flush();
  await clearLog(db);
  expect(await db.settings.count()).toBe(1);
  expect(await db.meta.get('idHighWater')).toBeDefined();
});

test('clearing the whole log also empties the last-known jar (names and digests of every cookie)', async () => {
  const db = openTestDb();
  const writer = await LogWriter.open(db, { jarIntervalMs: 0 });
  writer.addChange(makeChange({ name: 'sid' }));
  await writer.flush();
  expect(await db.jar.count()).toBe(1);
  await writer.clear();
  expect(await db.jar.count()).toBe(0);
  expect(await currentJar(db)).toEqual([]);
});

test('purging values removes kept values from changes and Set-Cookie lines', async () => {
  const db = openTestDb();
  const writer = await LogWriter.open(db, { getSettings: () => ({ ...DEFAULT_SETTINGS, recordValues: true }) });
  writer.addChange(makeChange({ value: 'secret-1234' }));
  const line = { line: 'a=secret-5678; Path=/', name: 'a', valueLength: 11, valueDigest: 'd', outcome: 'stored' as const };
  writer.addObservation(makeObservation({ setCookies: [line] }));
  await writer.flush();
  expect(JSON.stringify(await db.changes.toArray())).toContain('secret-1234');
  await purgeValues(db);
  const all = JSON.stringify([await db.changes.toArray(), await db.observations.toArray()]);
  expect(all).not.toContain('secret-1234');
  expect(all).not.toContain('secret-5678');
});

test('a full clear also forgets jar rows the writer had not written yet', async () => {
  const scheduler = new ManualScheduler();
  const db = openTestDb();
  // The jar is written only every minute: the first change's row is still pending at the clear.
  const writer = await LogWriter.open(db, { scheduler, jarIntervalMs: 60_000 });
  writer.addChange(makeChange({ name: 'before', cookieKey: 'before|example.com|/||0' }));
  await writer.flush();
  expect(await db.jar.count()).toBe(0);
  await writer.clear();
  scheduler.advance(60_000);
  writer.addChange(makeChange({ name: 'after', cookieKey: 'after|example.com|/||0' }));
  await writer.flush();
  expect((await db.jar.toArray()).map((r) => r.name)).toEqual(['after']);
});
