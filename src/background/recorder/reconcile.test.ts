import { describe, expect, test } from 'vitest';
import type { JarRow } from '../../db/schema';
import type { NewCookieChange } from '../../model/events';
import { reconcile, reconcileAtStart } from './reconcile';

const change = (name: string, digest: string, over: Partial<NewCookieChange> = {}): NewCookieChange => ({
  time: 1,
  storeId: '0',
  incognito: false,
  cause: 'explicit',
  removed: false,
  name,
  domain: 'a.test',
  hostOnly: true,
  path: '/',
  secure: true,
  httpOnly: true,
  sameSite: 'lax',
  session: true,
  registrableDomain: 'a.test',
  cookieKey: `${name}|a.test|/||0`,
  valueLength: 3,
  valueDigest: digest,
  source: 'http',
  ...over,
});
const row = (c: NewCookieChange): JarRow => {
  const { cause: _c, removed: _r, source: _s, value: _v, linkedObservationId: _l, reconciled: _x, ...rest } = c;
  return rest;
};

describe('reconcile', () => {
  test('nothing missed: nothing recorded', () => {
    const c = change('a', 'd1');
    expect(reconcile([row(c)], [c], 100)).toEqual([]);
  });

  test('a cookie set while stopped is recorded as a reconciled add', () => {
    const out = reconcile([], [change('new', 'd1')], 100);
    expect(out).toEqual([expect.objectContaining({ name: 'new', removed: false, reconciled: true, time: 100, source: 'unknown' })]);
  });

  test('a value changed while stopped is recorded (digest differs)', () => {
    const out = reconcile([row(change('a', 'old'))], [change('a', 'new')], 100);
    expect(out.map((c) => [c.name, c.valueDigest, c.removed])).toEqual([['a', 'new', false]]);
  });

  test('a cookie gone while stopped: removed, "expired" when its expiry passed', () => {
    const gone = change('gone', 'd', { session: false, expirationDate: 50 });
    const deleted = change('deleted', 'd', { session: false, expirationDate: 10_000 });
    const out = reconcile([row(gone), row(deleted)], [], 100_000);
    expect(out.map((c) => [c.name, c.removed, c.cause])).toEqual([
      ['gone', true, 'expired'],
      ['deleted', true, 'explicit'],
    ]);
  });
});

describe('reconcileAtStart', () => {
  const cookie = {
    name: 'sid',
    value: 'v',
    domain: 'a.test',
    hostOnly: true,
    path: '/',
    secure: true,
    httpOnly: true,
    session: true,
    storeId: '0',
  };
  const input = {
    known: [],
    cookies: [cookie, { ...cookie, name: 'priv', storeId: '1' }],
    isPrivateStore: (id: string) => id === '1',
    describe: (v: string) => ({ valueLength: v.length, valueDigest: `d:${v}` }),
    now: 100,
  };

  test('records what changed while stopped, never a private store', () => {
    expect(reconcileAtStart({ ...input, paused: false }).changes.map((c) => c.name)).toEqual(['sid']);
  });

  test('records nothing while the user paused recording', () => {
    expect(reconcileAtStart({ ...input, paused: true }).changes).toEqual([]);
  });
});

test('after a new digest key, a cookie still there with the same expiry is not reported as changed', () => {
  const before = change('a', 'old-key-digest');
  const now = change('a', 'new-key-digest');
  expect(reconcile([row(before)], [now], 100, true)).toEqual([]);
  expect(reconcile([row(before)], [now], 100, false)).toHaveLength(1);
  expect(reconcile([row(before)], [], 100, true)).toEqual([expect.objectContaining({ name: 'a', removed: true })]);
});
