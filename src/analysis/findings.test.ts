import { describe, expect, test } from 'vitest';
import { cookieFromSnapshot, type CookieInfo, type CookieSnapshot } from '../model/cookie';
import type { Finding, FindingId, Severity } from '../model/finding';
import { CHROMIUM_PROFILE, FIREFOX_PROFILE, RFC2109_PROFILE } from '../model/limits';
import { computeFindings, findingIdsByCookie, findingIdsForCookie, findingsForCookie } from './findings';
import { cookieSnapshot } from '../model/cookie.test-helpers';

const NOW = Date.UTC(2025, 0, 1);
const DAY = 86_400_000;
const RANDOM = 'q8Zk2Lr0VbX4nT7yHc1mWp9s';
const b64 = (o: unknown): string => Buffer.from(JSON.stringify(o)).toString('base64url');
const jwt = (header: object, payload: object, sig = 'c2ln'): string => `${b64(header)}.${b64(payload)}.${sig}`;
const S = NOW / 1000;

function cookie(over: Partial<CookieSnapshot> = {}, extra: Partial<CookieInfo> = {}): CookieInfo {
  const snap = cookieSnapshot(over);
  return { ...cookieFromSnapshot(snap), ...extra };
}

const persistent = (days: number): Partial<CookieSnapshot> => ({ session: false, expirationDate: S + days * 86_400 });

function run(cookies: CookieInfo[], topLevelSite?: string): Finding[] {
  const input = { cookies, now: NOW, profile: CHROMIUM_PROFILE, ...(topLevelSite ? { topLevelSite } : {}) };
  const findings = computeFindings(input);
  for (const f of findings) expect(f.message).not.toMatch(/\{\w+\}/);
  return findings;
}

type Row = [string, Partial<CookieSnapshot>, Partial<CookieInfo>, Partial<Record<FindingId, Severity>>];

test('personal-data-in-cookie says the kind and the place, never the value', () => {
  const [f] = run([cookie({ name: 'profile', value: jwt({ alg: 'HS256' }, { exp: S + 60, iat: S, email: 'jane.doe@example.com' }) })]);
  expect(f?.id).toBe('personal-data-in-cookie');
  expect(f?.message).toBe(
    'Cookie "profile" appears to hold an e-mail address in the JWT claim "email": it travels with every request to www.example.com and stays in the browser\'s cookie store.',
  );
  expect(f?.details).toEqual({
    what: 'an e-mail address',
    where: 'the JWT claim "email"',
    dataKind: 'email',
    location: 'jwt-claim',
    field: 'email',
  });
  expect(JSON.stringify(f)).not.toContain('jane');
});

describe('cookie rules', () => {
  test.each<Row>([
    ['a well-configured cookie', {}, {}, {}],
    ['no HttpOnly', { httpOnly: false }, {}, { 'missing-httponly': 'low' }],
    ['no Secure', { secure: false }, {}, { 'missing-secure': 'low' }],
    ['no Secure on localhost', { secure: false, domain: 'localhost' }, {}, { 'missing-secure': 'info' }],
    ['no Secure on 127.0.0.1', { secure: false, domain: '127.0.0.1' }, {}, { 'missing-secure': 'info' }],
    ['no SameSite', { sameSite: 'unspecified' }, {}, { 'samesite-missing': 'low' }],
    ['SameSite=None with Secure', { sameSite: 'no_restriction' }, {}, {}],
    [
      'SameSite=None without Secure',
      { sameSite: 'no_restriction', secure: false },
      {},
      { 'missing-secure': 'low', 'samesite-none-insecure': 'medium' },
    ],
    ['well-configured PHPSESSID', { name: 'PHPSESSID', value: RANDOM }, {}, { 'session-id-default-name': 'low' }],
    [
      'script-readable PHPSESSID',
      { name: 'PHPSESSID', httpOnly: false },
      {},
      { 'session-id-script-readable': 'high', 'session-id-default-name': 'low' },
    ],
    [
      'PHPSESSID without Secure',
      { name: 'PHPSESSID', secure: false },
      {},
      { 'session-id-not-secure': 'high', 'session-id-default-name': 'low' },
    ],
    [
      'session ID without Secure on localhost',
      { name: 'sid', secure: false, domain: 'localhost' },
      {},
      { 'session-id-not-secure': 'info' },
    ],
    [
      'persistent PHPSESSID',
      { name: 'PHPSESSID', ...persistent(30) },
      {},
      { 'session-id-persistent': 'medium', 'session-id-default-name': 'low' },
    ],
    ['persistent heuristic session ID', { name: 'auth_token', value: RANDOM, ...persistent(1) }, {}, { 'session-id-persistent': 'medium' }],
    ['heuristic name with a non-ID value', { name: 'auth_token', value: 'yes', httpOnly: false }, {}, { 'missing-httponly': 'low' }],
    ['AWSALB is not a session ID', { name: 'AWSALB', value: RANDOM, httpOnly: false, ...persistent(7) }, {}, { 'missing-httponly': 'low' }],
    ['__Host- done right', { name: '__Host-id' }, {}, {}],
    [
      '__Host- with Domain',
      { name: '__Host-id', domain: '.example.com', hostOnly: false },
      {},
      { 'prefix-violation': 'medium', 'loosely-scoped': 'info' },
    ],
    ['__Host- with another Path', { name: '__Host-id', path: '/app' }, {}, { 'prefix-violation': 'medium' }],
    ['__secure- without Secure', { name: '__secure-id', secure: false }, {}, { 'prefix-violation': 'medium', 'missing-secure': 'low' }],
    ['expiry 399 days out', persistent(399), {}, {}],
    ['expiry 500 days out', persistent(500), {}, { 'expiry-over-400-days': 'info' }],
    [
      'clamped, but asked for 900 days',
      persistent(400),
      { createdAt: NOW, requestedExpires: NOW + 900 * DAY },
      { 'expiry-over-400-days': 'info' },
    ],
    ['4096 bytes', { name: 'n', value: 'x'.repeat(4095) }, {}, {}],
    ['4097 bytes', { name: 'n', value: 'x'.repeat(4096) }, {}, { oversize: 'medium' }],
    ['4097 bytes in UTF-8', { name: 'n', value: 'é'.repeat(2048) }, {}, { oversize: 'medium' }],
    ['1025-byte Path', { path: `/${'p'.repeat(1024)}` }, {}, { 'attribute-oversize': 'low' }],
    ['Domain cookie', { domain: '.example.com', hostOnly: false }, {}, { 'loosely-scoped': 'info' }],
    ['Domain-scoped session ID', { name: 'sid', domain: '.example.com', hostOnly: false }, {}, { 'loosely-scoped': 'low' }],
    ['JWT alg none', { value: jwt({ alg: 'none' }, { exp: S + 60, iat: S }, '') }, {}, { 'jwt-alg-none': 'high' }],
    ['JWT alg NONE', { value: jwt({ alg: 'NONE' }, { exp: S + 60, iat: S }, '') }, {}, { 'jwt-alg-none': 'high' }],
    ['expired JWT', { value: jwt({ alg: 'HS256' }, { exp: S - 60, iat: S - 120 }) }, {}, { 'jwt-expired': 'low' }],
    ['JWT for 2 days', { value: jwt({ alg: 'HS256' }, { exp: S + 2 * 86_400, iat: S }) }, {}, { 'jwt-long-lived': 'low' }],
    ['JWT without iat, 3 days left', { value: jwt({ alg: 'HS256' }, { exp: S + 3 * 86_400 }) }, {}, { 'jwt-long-lived': 'low' }],
    ['JWT without exp', { value: jwt({ alg: 'HS256' }, { sub: 'x' }) }, {}, { 'jwt-long-lived': 'medium' }],
    ['JWT for an hour', { value: jwt({ alg: 'RS256' }, { exp: S + 3600, iat: S }) }, {}, {}],
    ['e-mail address, HttpOnly and Secure', { name: 'u', value: 'jane%40example.com' }, {}, { 'personal-data-in-cookie': 'low' }],
    [
      'e-mail address readable by scripts',
      { name: 'u', value: 'jane@example.com', httpOnly: false },
      {},
      { 'personal-data-in-cookie': 'medium', 'missing-httponly': 'low' },
    ],
    [
      'JWT with a name claim, not Secure',
      { value: jwt({ alg: 'HS256' }, { exp: S + 60, iat: S, name: 'Jane Doe' }), secure: false },
      {},
      { 'personal-data-in-cookie': 'medium', 'missing-secure': 'low' },
    ],
    ['GA client ID is not personal data', { name: '_ga', value: 'GA1.1.1234567890.1700000000' }, {}, {}],
    ['JWE (claims unknown)', { value: `${b64({ alg: 'dir', enc: 'A256GCM' })}.${'a'.repeat(8)}.aXY.Y2lwaGVy.dGFn` }, {}, {}],
  ])('%s', (_label, over, extra, expected) => {
    const found = run([cookie(over, extra)]);
    expect(Object.fromEntries(found.map((f) => [f.id, f.severity]))).toEqual(expected);
    for (const f of found) expect(f.subject).toMatchObject({ kind: 'cookie', key: cookie(over, extra).key });
  });

  test.each([
    ['https://news.test', true],
    ['https://shop.example.com/cart', false],
    ['example.com', false],
  ])('third-party under %s: %s', (top, expected) => {
    const ids = run([cookie()], top).map((f) => f.id);
    expect(ids.includes('third-party')).toBe(expected);
  });

  test('a partitioned cookie is third-party in its partition', () => {
    const found = run([cookie({ domain: 'embed.test', partitionKey: { topLevelSite: 'https://news.test' } })]);
    expect(found.map((f) => [f.id, f.details?.topLevelSite])).toEqual([['third-party', 'https://news.test']]);
  });

  test('SameSite default follows the profile in the message', () => {
    const c = cookie({ sameSite: 'unspecified' });
    const chromium = findingsForCookie(c, { now: NOW, profile: CHROMIUM_PROFILE })[0];
    const firefox = findingsForCookie(c, { now: NOW, profile: FIREFOX_PROFILE })[0];
    expect(chromium?.message).toContain('Chromium treats it as Lax');
    expect(firefox?.message).toContain('Firefox treats it as None');
  });

  test('findings carry message, primary reference and details', () => {
    const [f] = run([cookie({ name: 'PHPSESSID', httpOnly: false, value: '' })]);
    expect(f).toMatchObject({
      id: 'session-id-script-readable',
      severity: 'high',
      message: 'Session ID cookie "PHPSESSID" can be read by page scripts (no HttpOnly): one XSS flaw hands over the session.',
      reference: { url: expect.stringContaining('cheatsheetseries.owasp.org') },
      subject: { kind: 'cookie', name: 'PHPSESSID', domain: 'www.example.com', path: '/', storeId: '0' },
    });
  });
});

describe('domain limits', () => {
  const filled = (n: number): CookieInfo[] => Array.from({ length: n }, (_, i) => cookie({ name: `c${i}` }));
  test.each([
    { profile: CHROMIUM_PROFILE, n: 143, id: null },
    { profile: CHROMIUM_PROFILE, n: 144, id: 'domain-near-limit' },
    { profile: CHROMIUM_PROFILE, n: 181, id: 'domain-over-limit' },
    { profile: RFC2109_PROFILE, n: 21, id: 'domain-over-limit' },
  ])('$profile.id with $n cookies: $id', ({ profile, n, id }) => {
    const found = computeFindings({ cookies: filled(n), now: NOW, profile }).filter((f) => f.subject.kind === 'domain');
    expect(found.map((f) => f.id)).toEqual(id ? [id] : []);
    if (id) {
      expect(found[0]?.subject).toEqual({ kind: 'domain', domain: 'example.com', storeId: '0', partition: null });
      expect(found[0]?.message).toContain(`${n}`);
    }
  });

  test('byte limit of a CHIPS partition', () => {
    const cookies = Array.from({ length: 4 }, (_, i) =>
      cookie({ name: `c${i}`, value: 'x'.repeat(2999), partitionKey: { topLevelSite: 'https://example.com' } }),
    );
    const [f] = computeFindings({ cookies, now: NOW, profile: CHROMIUM_PROFILE }).filter((x) => x.subject.kind === 'domain');
    expect(f).toMatchObject({ id: 'domain-over-limit', details: { unit: 'bytes', limit: 10240 } });
  });
});

describe('order and helpers', () => {
  const cookies = [
    cookie({ name: 'PHPSESSID', httpOnly: false, secure: false }),
    cookie({ name: 'a', sameSite: 'unspecified', domain: '.example.com', hostOnly: false }),
    cookie({ name: 'b', httpOnly: false, value: jwt({ alg: 'none' }, {}, '') }),
    cookie({ name: 'c', domain: 'tracker.test', secure: false }),
  ];

  test('severity, then id, then subject; same result for any input order', () => {
    const a = run(cookies, 'https://example.com');
    const b = run([...cookies].reverse(), 'https://example.com');
    expect(b).toEqual(a);
    const ranks = a.map((f) => ['high', 'medium', 'low', 'info'].indexOf(f.severity));
    expect(ranks).toEqual([...ranks].sort((x, y) => x - y));
    for (let i = 1; i < a.length; i++) {
      if (a[i - 1]?.severity === a[i]?.severity) expect(a[i - 1]!.id <= a[i]!.id).toBe(true);
    }
  });

  test('findingIdsForCookie for table badges', () => {
    expect(findingIdsForCookie(cookies[0]!, { now: NOW, profile: CHROMIUM_PROFILE })).toEqual([
      'session-id-not-secure',
      'session-id-script-readable',
      'session-id-default-name',
    ]);
    expect(findingIdsForCookie(cookie(), { now: NOW, profile: CHROMIUM_PROFILE })).toEqual([]);
  });

  test('findingIdsByCookie groups a result by cookie key', () => {
    const map = findingIdsByCookie(run(cookies));
    expect(map.get(cookies[2]!.key)).toEqual(['jwt-alg-none', 'jwt-long-lived', 'missing-httponly']);
    expect(map.has(cookie({ name: 'nothing' }).key)).toBe(false);
  });
});
