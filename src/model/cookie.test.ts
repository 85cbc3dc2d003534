import { describe, expect, test } from 'vitest';
import { cookieFromEvaluated, cookieFromSnapshot, cookieKey, type CookieSnapshot, type EvaluatedCookie } from './cookie';
import { cookieKey as logKey, partitionKeyString } from './events';

const snapshot = (over: Partial<CookieSnapshot> = {}): CookieSnapshot => ({
  name: 'id',
  value: 'v',
  domain: '.Example.com',
  hostOnly: false,
  path: '/',
  secure: true,
  httpOnly: true,
  sameSite: 'lax',
  session: false,
  expirationDate: 1_700_000_000.5,
  storeId: '0',
  ...over,
});

describe('cookieFromSnapshot', () => {
  test('normalises domain, expiry and sameSite', () => {
    const c = cookieFromSnapshot(snapshot());
    expect(c).toMatchObject({ domain: 'example.com', hostOnly: false, expires: 1_700_000_000_500, sameSite: 'lax', source: 'api' });
    expect(c.partition).toBeNull();
    expect(c.firstPartyDomain).toBe('');
  });

  test.each([
    ['no_restriction', 'none'],
    ['lax', 'lax'],
    ['strict', 'strict'],
    ['unspecified', 'unspecified'],
  ] as const)('sameSite %s → %s', (api, internal) => {
    expect(cookieFromSnapshot(snapshot({ sameSite: api })).sameSite).toBe(internal);
  });

  test.each([
    ['session flag', { session: true }],
    ['missing expirationDate', { expirationDate: undefined }],
    ['non-finite expirationDate', { expirationDate: Number.NaN }],
  ])('%s → session cookie', (_label, over) => {
    expect(cookieFromSnapshot(snapshot(over)).expires).toBeNull();
  });

  test('keeps partition and first-party domain', () => {
    const c = cookieFromSnapshot(
      snapshot({ partitionKey: { topLevelSite: 'https://top.test', hasCrossSiteAncestor: true }, firstPartyDomain: 'fp.test' }),
    );
    expect(c.partition).toEqual({ topLevelSite: 'https://top.test', hasCrossSiteAncestor: true });
    expect(c.firstPartyDomain).toBe('fp.test');
  });

  test.each([null, {}, { topLevelSite: '' }])('partitionKey %j is unpartitioned', (partitionKey) => {
    expect(cookieFromSnapshot(snapshot({ partitionKey })).partition).toBeNull();
  });

  test('createdAt is only set when given', () => {
    expect('createdAt' in cookieFromSnapshot(snapshot())).toBe(false);
    expect(cookieFromSnapshot(snapshot(), { createdAt: 5 }).createdAt).toBe(5);
  });
});

describe('cookieKey', () => {
  const base = cookieFromSnapshot(snapshot());
  test.each([
    ['host-only vs domain cookie', { hostOnly: true, domain: 'example.com' }],
    ['name', { name: 'other' }],
    ['path', { path: '/a' }],
    ['store', { storeId: '1' }],
    ['partition', { partitionKey: { topLevelSite: 'https://top.test' } }],
    ['cross-site ancestor', { partitionKey: { topLevelSite: 'https://top.test', hasCrossSiteAncestor: true } }],
    ['first-party domain', { firstPartyDomain: 'fp.test' }],
  ])('differs by %s', (_label, over) => {
    expect(cookieFromSnapshot(snapshot(over)).key).not.toBe(base.key);
  });

  test.each([
    ['value', { value: 'other' }],
    ['expiry', { expirationDate: 1 }],
    ['flags', { secure: false, httpOnly: false, sameSite: 'strict' as const }],
    ['domain case', { domain: '.EXAMPLE.com' }],
  ])('ignores %s', (_label, over) => {
    expect(cookieFromSnapshot(snapshot(over)).key).toBe(base.key);
  });

  test.each([
    ['a domain cookie', snapshot()],
    ['a host cookie', snapshot({ domain: 'www.example.com', hostOnly: true })],
    [
      'a partitioned cookie',
      snapshot({ domain: '.example.com', partitionKey: { topLevelSite: 'https://top.test', hasCrossSiteAncestor: true } }),
    ],
    ['a Firefox FPI cookie', snapshot({ domain: '.example.com', firstPartyDomain: 'fp.test', storeId: 'firefox-container-1' })],
  ])('for %s it is the change log key of the API snapshot', (_label, s) => {
    const identity = { name: s.name, domain: s.domain.toLowerCase(), path: s.path, storeId: s.storeId };
    const partitionKey = partitionKeyString(s.partitionKey ?? undefined);
    const expected = logKey({
      ...identity,
      ...(partitionKey ? { partitionKey } : {}),
      ...(s.firstPartyDomain ? { firstPartyDomain: s.firstPartyDomain } : {}),
    });
    expect(cookieFromSnapshot(s).key).toBe(expected);
  });

  test('is unambiguous for separator-like characters', () => {
    const a = cookieKey({ name: 'a|x', domain: 'y', hostOnly: true, path: '/', storeId: '0', partition: null, firstPartyDomain: '' });
    const b = cookieKey({ name: 'a', domain: 'x|y', hostOnly: true, path: '/', storeId: '0', partition: null, firstPartyDomain: '' });
    expect(a).not.toBe(b);
  });
});

describe('cookieFromEvaluated', () => {
  const evaluated: EvaluatedCookie = {
    name: 'sid',
    value: 'v',
    domain: 'a.example.com',
    hostOnly: true,
    path: '/',
    secure: true,
    httpOnly: true,
    sameSite: 'none',
    expires: null,
    partitioned: true,
  };

  test('partitioned cookie takes the top-level site as its partition', () => {
    const c = cookieFromEvaluated(evaluated, {
      storeId: '0',
      now: 10,
      topLevelSite: 'https://top.test',
      requestUrl: 'https://a.example.com/',
    });
    expect(c).toMatchObject({ source: 'set-cookie', createdAt: 10, sourceUrl: 'https://a.example.com/', sameSite: 'none' });
    expect(c.partition).toEqual({ topLevelSite: 'https://top.test', hasCrossSiteAncestor: false });
  });

  test('same identity as the snapshot the browser later reports', () => {
    const fromHeader = cookieFromEvaluated({ ...evaluated, partitioned: false }, { storeId: '0', now: 10 });
    const fromApi = cookieFromSnapshot(snapshot({ name: 'sid', domain: 'a.example.com', hostOnly: true, path: '/', storeId: '0' }));
    expect(fromHeader.key).toBe(fromApi.key);
  });

  test('optional facts are carried over', () => {
    const c = cookieFromEvaluated(evaluated, { storeId: '0', now: 1, requestedExpires: 99, priority: 'high' });
    expect(c.requestedExpires).toBe(99);
    expect(c.priority).toBe('high');
  });
});
