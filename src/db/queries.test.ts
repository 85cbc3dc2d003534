import { beforeAll, describe, expect, test } from 'vitest';
import { cookieKey } from '../model/events';
import {
  cookieLifecycle,
  counts,
  domainChanges,
  domainTimeline,
  knownDomains,
  recentChanges,
  tabObservations,
  tabSlice,
  tabObservationsMark,
  tabTimeline,
} from './queries';
import type { CookieLogDB } from './schema';
import { makeChange, makeObservation, openTestDb } from './test-helpers';
import { LogWriter } from './writer';

const sid = { name: 'sid', domain: 'example.com', path: '/', storeId: '0' };
const SID = cookieKey(sid);
const line = (name: string) => ({ line: `${name}=`, name, valueLength: 3, valueDigest: 'd', outcome: 'pending' as const });

let db: CookieLogDB;
const ids: Record<string, number> = {};

/**
 * A small story, times in ms:
 *  10 tab 1 GET example.com          → Set-Cookie sid (stored → change 11)
 *  20 tab 2 GET other.test            → Set-Cookie x (rejected)
 *  30 tab 1 request example.com       → Cookie: sid, theme
 *  35 script writes theme on example.com
 *  40 tab 1 GET example.com           → Set-Cookie sid (updated → change 41)
 *  50 sid expires
 */
beforeAll(async () => {
  db = openTestDb();
  const w = await LogWriter.open(db, { batchSize: 4 });
  const o10 = w.addObservation(makeObservation({ time: 10, tabId: 1, setCookies: [line('sid')] }));
  const c11 = w.addChange(makeChange({ ...sid, time: 11, linkedObservationId: o10.id }));
  w.patchSetCookie(o10.id, 0, { outcome: 'stored', changeEventId: c11.id });
  w.addObservation(
    makeObservation({ time: 20, tabId: 2, registrableDomain: 'other.test', url: 'https://other.test/', setCookies: [line('x')] }),
  );
  const o30 = w.addObservation(
    makeObservation({ time: 30, tabId: 1, kind: 'request', setCookies: undefined, cookieNames: ['sid', 'theme'] }),
  );
  const c35 = w.addChange(makeChange({ time: 35, name: 'theme', source: 'script', httpOnly: false }));
  const o40 = w.addObservation(makeObservation({ time: 40, tabId: 1, setCookies: [line('sid')] }));
  const c41 = w.addChange(makeChange({ ...sid, time: 41, cause: 'overwrite', linkedObservationId: o40.id }));
  w.patchSetCookie(o40.id, 0, { outcome: 'updated', changeEventId: c41.id });
  const c50 = w.addChange(makeChange({ ...sid, time: 50, cause: 'expired', removed: true }));
  await w.flush();
  Object.assign(ids, { o10: o10.id, c11: c11.id, o30: o30.id, c35: c35.id, o40: o40.id, c41: c41.id, c50: c50.id });
});

describe('per tab', () => {
  test('observations newest first, limited, within a time range', async () => {
    expect((await tabObservations(db, 1)).map((o) => o.time)).toEqual([40, 30, 10]);
    expect((await tabObservations(db, 1, { limit: 2 })).map((o) => o.time)).toEqual([40, 30]);
    expect((await tabObservations(db, 1, { since: 15, until: 35 })).map((o) => o.time)).toEqual([30]);
    expect(await tabObservations(db, 3)).toEqual([]);
  });

  test('timeline adds the changes its Set-Cookie lines caused', async () => {
    const timeline = await tabTimeline(db, 1);
    expect(timeline.map((e) => `${e.type}@${e.time}`)).toEqual([
      'change@41',
      'observation@40',
      'observation@30',
      'change@11',
      'observation@10',
    ]);
  });

  test("a tab slice: its observations, their linked changes and its sites' changes, as tabTimeline plus domainChanges", async () => {
    for (const r of [{}, { limit: 2 }, { since: 15, until: 45 }, { since: 41 }]) {
      const slice = await tabSlice(db, 1, r);
      const timeline = await tabTimeline(db, 1, r);
      const sites = [...new Set(slice.observations.flatMap((o) => [o.registrableDomain, o.topLevelSite ?? '']).filter(Boolean))].sort();
      const viaDomains = (await Promise.all(sites.map((s) => domainChanges(db, s, r)))).flat();
      const expected = new Set([...timeline.flatMap((e) => (e.type === 'change' ? [e.event.id] : [])), ...viaDomains.map((c) => c.id)]);
      expect(slice.observations.map((o) => o.id)).toEqual(timeline.flatMap((e) => (e.type === 'observation' ? [e.event.id] : [])));
      expect(new Set(slice.changes.map((c) => c.id))).toEqual(expected);
      expect(slice.changes.length).toBe(expected.size);
      expect(slice.sites).toEqual(sites);
    }
    // A change linked from a line but outside the range (and so outside the site's read) is still there.
    const late = await tabSlice(db, 1, { since: 40, until: 40 });
    expect(late.changes.map((c) => c.id)).toEqual([ids['c41']]);
    // Known sites add their changes even with no observation in range.
    expect((await tabSlice(db, 1, { since: 45 }, ['example.com'])).changes.map((c) => c.id)).toEqual([ids['c50']]);
    expect([(await tabSlice(db, 1, { limit: 2 })).more, (await tabSlice(db, 1, { limit: 50 })).more]).toEqual([true, false]);
  });
});

describe('per domain', () => {
  test('changes newest first', async () => {
    expect((await domainChanges(db, 'example.com')).map((c) => c.time)).toEqual([50, 41, 35, 11]);
    expect(await domainChanges(db, 'other.test')).toEqual([]);
  });

  test('timeline merges both tables and applies the limit to the merge', async () => {
    const timeline = await domainTimeline(db, 'example.com', { limit: 4 });
    expect(timeline.map((e) => `${e.type}@${e.time}`)).toEqual(['change@50', 'change@41', 'observation@40', 'change@35']);
    expect((await domainTimeline(db, 'other.test')).map((e) => e.time)).toEqual([20]);
  });
});

test('a cookie lifecycle: its changes and the observations naming it, oldest first', async () => {
  const life = await cookieLifecycle(db, SID);
  expect(life.changes.map((c) => [c.time, c.cause])).toEqual([
    [11, 'explicit'],
    [41, 'overwrite'],
    [50, 'expired'],
  ]);
  expect(life.observations.map((o) => o.id)).toEqual([ids.o10, ids.o30, ids.o40]);
  const theme = await cookieLifecycle(db, cookieKey({ ...sid, name: 'theme' }));
  expect(theme.changes.map((c) => c.id)).toEqual([ids.c35]);
  expect(theme.observations.map((o) => o.id)).toEqual([ids.o30]);
  expect(await cookieLifecycle(db, cookieKey({ ...sid, name: 'nope' }))).toEqual({ changes: [], observations: [] });
  const byDomain = await cookieLifecycle(db, cookieKey({ ...sid, name: 'x' }), { registrableDomain: 'other.test' });
  expect(byDomain.observations.map((o) => o.time)).toEqual([20]);
});

test('recent changes, counts and known domains', async () => {
  expect((await recentChanges(db, { limit: 2 })).map((c) => c.time)).toEqual([50, 41]);
  expect(await counts(db)).toEqual({ changes: 4, observations: 4 });
  expect(await counts(db, 'other.test')).toEqual({ changes: 0, observations: 1 });
  expect(await knownDomains(db)).toEqual(['example.com', 'other.test']);
});

describe('tabObservationsMark', () => {
  test('changes when the tab gains or loses observations, and only then', async () => {
    const own = openTestDb();
    const w = await LogWriter.open(own, { batchSize: 100 });
    const empty = await tabObservationsMark(own, 1);
    w.addObservation(makeObservation({ time: 10, tabId: 1 }));
    await w.flush();
    const one = await tabObservationsMark(own, 1);
    expect(one).not.toBe(empty);
    expect(await tabObservationsMark(own, 1)).toBe(one);
    // Another tab's traffic leaves it alone.
    w.addObservation(makeObservation({ time: 20, tabId: 2 }));
    await w.flush();
    expect(await tabObservationsMark(own, 1)).toBe(one);
    w.addObservation(makeObservation({ time: 30, tabId: 1 }));
    await w.flush();
    const two = await tabObservationsMark(own, 1);
    expect(two).not.toBe(one);
    // Pruning the oldest and recording one more keeps the count: the keys still tell.
    await own.observations.where('[tabId+time]').equals([1, 10]).delete();
    w.addObservation(makeObservation({ time: 40, tabId: 1 }));
    await w.flush();
    expect(await tabObservationsMark(own, 1)).not.toBe(two);
    await own.observations.where('tabId').equals(1).delete();
    expect(await tabObservationsMark(own, 1)).toBe(empty);
  });
});
