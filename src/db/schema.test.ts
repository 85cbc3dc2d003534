import Dexie from 'dexie';
import { expect, test } from 'vitest';
import { cookieLifecycle } from './queries';
import { CookieLogDB, currentJar, DB_NAME, STORES_V1, STORES_V2, STORES_V3, STORES_V4, mentionKey } from './schema';
import { fakeIdb, makeChange, makeObservation } from './test-helpers';
import { LogWriter } from './writer';

const setCookie = (name: string) => ({ line: `${name}=; Path=/`, name, valueLength: 1, valueDigest: 'd', outcome: 'stored' as const });

test('upgrading a version-1 database keeps its data and fills the version-2 fields', async () => {
  const idb = fakeIdb();
  const v1 = new Dexie(DB_NAME, idb);
  v1.version(1).stores(STORES_V1);
  const change = makeChange({ name: 'sid', time: 5 });
  await v1.table('changes').add(change);
  await v1
    .table('observations')
    .bulkAdd([
      makeObservation({ time: 1, setCookies: [setCookie('sid'), setCookie('theme')] }),
      makeObservation({ time: 2, kind: 'request', setCookies: undefined, cookieNames: ['sid', 'sid'] }),
      makeObservation({ time: 3, setCookies: undefined }),
    ]);
  await v1.table('settings').put({ key: 'recordValues', value: true });
  v1.close();

  const db = new CookieLogDB(DB_NAME, idb);
  await db.open();
  expect(db.verno).toBe(5);
  expect(await db.changes.toArray()).toEqual([{ ...change, id: 1 }]);
  // v3: the last known state is replayed from the old log.
  expect((await db.jar.toArray()).map((r) => [r.cookieKey, r.valueDigest])).toEqual([[change.cookieKey, change.valueDigest]]);
  expect(await db.settings.get('recordValues')).toEqual({ key: 'recordValues', value: true });
  const observations = await db.observations.orderBy('id').toArray();
  expect(observations.map((o) => o.cookieMentions)).toEqual([
    [mentionKey('example.com', 'sid'), mentionKey('example.com', 'theme')],
    [mentionKey('example.com', 'sid')],
    [],
  ]);

  // The new indexes answer for the old rows.
  const life = await cookieLifecycle(db, change.cookieKey);
  expect(life.changes.map((c) => c.id)).toEqual([1]);
  expect(life.observations.map((o) => o.time)).toEqual([1, 2]);

  // A writer opened on the upgraded database continues after the old auto-increment ids.
  const writer = await LogWriter.open(db);
  expect(writer.addChange(makeChange()).id).toBe(4);
});

test('a fresh database opens at the latest version', async () => {
  const db = new CookieLogDB(DB_NAME, fakeIdb());
  await db.open();
  expect(db.verno).toBe(5);
  expect(db.jar.schema.primKey.name).toBe('cookieKey');
  expect(db.observations.schema.indexes.map((i) => i.name)).toContain('cookieMentions');
  expect(db.changes.schema.indexes.map((i) => i.name)).toContain('[cookieKey+time]');
});

test('version 4 drops the indexes no query uses and keeps every row', async () => {
  const idb = fakeIdb();
  const v3 = new Dexie(DB_NAME, idb);
  v3.version(1).stores(STORES_V1);
  v3.version(2).stores(STORES_V2);
  v3.version(3).stores(STORES_V3);
  const change = makeChange({ name: 'sid', time: 5 });
  await v3.table('changes').add(change);
  await v3.table('observations').add({ ...makeObservation({ time: 1, tabId: 9 }), cookieMentions: [] });
  v3.close();

  const db = new CookieLogDB(DB_NAME, idb);
  await db.open();
  expect(db.verno).toBe(5);
  const names = (t: { schema: { indexes: { name: string }[] } }) => t.schema.indexes.map((i) => i.name).sort();
  expect(names(db.changes)).toEqual(['[cookieKey+time]', '[registrableDomain+time]', 'registrableDomain', 'time'].sort());
  expect(names(db.observations)).toEqual(
    ['*cookieMentions', '[registrableDomain+time]', '[tabId+time]', 'registrableDomain', 'time'].map((n) => n.replace('*', '')).sort(),
  );
  expect(await db.changes.count()).toBe(1);
  expect(await db.observations.where('[tabId+time]').between([9, Dexie.minKey], [9, Dexie.maxKey]).count()).toBe(1);
});

test('upgrading a version-2 database replays its changes into the jar, removals included', async () => {
  const idb = fakeIdb();
  const v2 = new Dexie(DB_NAME, idb);
  v2.version(1).stores(STORES_V1);
  v2.version(2).stores(STORES_V2);
  const kept = makeChange({ name: 'kept', cookieKey: 'kept|example.com|/||0', valueDigest: 'k2' });
  await v2
    .table('changes')
    .bulkAdd([
      makeChange({ name: 'kept', cookieKey: 'kept|example.com|/||0', valueDigest: 'k1' }),
      kept,
      makeChange({ name: 'gone', cookieKey: 'gone|example.com|/||0' }),
      makeChange({ name: 'gone', cookieKey: 'gone|example.com|/||0', removed: true }),
    ]);
  v2.close();
  const db = new CookieLogDB(DB_NAME, idb);
  await db.open();
  expect(await db.changes.count()).toBe(4);
  expect((await db.jar.toArray()).map((r) => [r.name, r.valueDigest])).toEqual([['kept', 'k2']]);
  expect(await db.jar.toArray()).not.toContainEqual(expect.objectContaining({ value: expect.anything() }));
});

test('the writer keeps the jar in step with the changes it writes', async () => {
  const db = new CookieLogDB(DB_NAME, fakeIdb());
  const writer = await LogWriter.open(db, { jarIntervalMs: 0 });
  writer.addChange(makeChange({ name: 'a', cookieKey: 'a|k', valueDigest: '1' }));
  writer.addChange(makeChange({ name: 'a', cookieKey: 'a|k', valueDigest: '2' }));
  writer.addChange(makeChange({ name: 'b', cookieKey: 'b|k' }));
  writer.addChange(makeChange({ name: 'b', cookieKey: 'b|k', removed: true }));
  await writer.flush();
  expect((await db.jar.toArray()).map((r) => [r.cookieKey, r.valueDigest])).toEqual([['a|k', '2']]);
});

test('between lazy jar updates, currentJar replays the newer changes from the log', async () => {
  const db = new CookieLogDB(DB_NAME, fakeIdb());
  const writer = await LogWriter.open(db, { jarIntervalMs: 60_000 });
  writer.addChange(makeChange({ name: 'a', cookieKey: 'a|k', valueDigest: '1' }));
  writer.addChange(makeChange({ name: 'b', cookieKey: 'b|k' }));
  writer.addChange(makeChange({ name: 'b', cookieKey: 'b|k', removed: true }));
  await writer.flush();
  expect(await db.jar.count()).toBe(0); // not folded in yet
  expect((await currentJar(db)).map((r) => [r.cookieKey, r.valueDigest])).toEqual([['a|k', '1']]);
});

test('version 5 adds the session marks table to a version-4 database and keeps every row', async () => {
  const idb = fakeIdb();
  const old = new Dexie(DB_NAME, idb);
  old.version(1).stores(STORES_V1);
  old.version(2).stores(STORES_V2);
  old.version(3).stores(STORES_V3);
  old.version(4).stores(STORES_V4);
  await old.table('changes').add(makeChange({ name: 'sid', time: 5 }));
  old.close();
  const db = new CookieLogDB(DB_NAME, idb);
  await db.open();
  expect(db.verno).toBe(5);
  expect(await db.changes.count()).toBe(1);
  const id = await db.marks.add({ time: 7, kind: 'login', site: 'shop.test', tabId: 3 });
  expect(await db.marks.where('site').equals('shop.test').toArray()).toEqual([{ id, time: 7, kind: 'login', site: 'shop.test', tabId: 3 }]);
});
