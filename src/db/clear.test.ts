import { expect, test } from 'vitest';
import { clearLog } from './clear';
import { openTestDb, makeChange, makeObservation } from './test-helpers';
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
