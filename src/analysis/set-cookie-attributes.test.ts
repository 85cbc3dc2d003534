import { describe, expect, test } from 'vitest';
import { evaluateSetCookie, MAX_COOKIE_AGE_MS } from './set-cookie';
import { HTTP, HTTPS, NOW, accepted, ev, reason } from './set-cookie.test-helpers';

const T = NOW.getTime();

describe('expiry (§5.6.1–5.6.2, §5.7 step 6, 400-day cap)', () => {
  test.each([
    ['a=b', null, null],
    ['a=b; Max-Age=60', T + 60_000, T + 60_000],
    ['a=b; Max-Age=0060', T + 60_000, T + 60_000],
    ['a=b; Expires=Sat, 21 Nov 2026 13:00:00 GMT', T + 3_600_000, T + 3_600_000],
    // Max-Age wins over Expires, whatever the order.
    ['a=b; Max-Age=60; Expires=Sat, 21 Nov 2026 13:00:00 GMT', T + 60_000, T + 60_000],
    ['a=b; Expires=Sat, 21 Nov 2026 13:00:00 GMT; Max-Age=60', T + 60_000, T + 60_000],
    // An invalid Max-Age is ignored, so Expires applies.
    ['a=b; Max-Age=soon; Expires=Sat, 21 Nov 2026 13:00:00 GMT', T + 3_600_000, T + 3_600_000],
    // The last valid one of each kind counts.
    ['a=b; Max-Age=60; Max-Age=120', T + 120_000, T + 120_000],
    ['a=b; Max-Age=60; Max-Age=x', T + 60_000, T + 60_000],
    // Deletions are accepted with an expiry at or before now (§5.7: stored, then evicted).
    ['a=b; Max-Age=0', 0, 0],
    ['a=b; Max-Age=-1', 0, 0],
    ['a=b; Max-Age=-99999999999999999999999', 0, 0],
    ['a=b; Expires=Thu, 01 Jan 1970 00:00:00 GMT', 0, 0],
    ['a=b; Expires=Thu, 10 Apr 1980 16:33:12 GMT', Date.UTC(1980, 3, 10, 16, 33, 12), Date.UTC(1980, 3, 10, 16, 33, 12)],
    // Clamped to 400 days.
    ['a=b; Max-Age=34560000', T + MAX_COOKIE_AGE_MS, T + MAX_COOKIE_AGE_MS],
    ['a=b; Max-Age=34560001', T + MAX_COOKIE_AGE_MS, T + 34_560_001_000],
    ['a=b; Expires=Fri, 07 Aug 9999 08:04:19 GMT', T + MAX_COOKIE_AGE_MS, Date.UTC(9999, 7, 7, 8, 4, 19)],
    ['a=b; Max-Age=' + '9'.repeat(400), T + MAX_COOKIE_AGE_MS, 8.64e15],
  ])('%j → expires %j (requested %j)', (header, expires, requested) => {
    const r = ev(header);
    expect(r).toMatchObject({ accepted: true, cookie: { expires }, detail: { requestedExpires: requested } });
    if (r.accepted) expect(r.warnings.includes('ExpiryClamped')).toBe(expires !== requested);
  });

  test.each([
    ['a=b; Max-Age=1.5', 'MaxAgeInvalid'],
    ['a=b; Max-Age=50,399', 'MaxAgeInvalid'],
    ['a=b; Max-Age=+5', 'MaxAgeInvalid'],
    ['a=b; Max-Age=-', 'MaxAgeInvalid'],
    ['a=b; Max-Age=', 'MaxAgeInvalid'],
    ['a=b; Max-Age= 5 0', 'MaxAgeInvalid'],
    ['a=b; Expires=tomorrow', 'ExpiresInvalid'],
    ['a=b; Expires=', 'ExpiresInvalid'],
    ['a=b; Expires=31 Feb 2030 00:00:00', 'ExpiresInvalid'],
  ])('%j → session cookie with %s', (header, warning) => {
    const r = accepted(header);
    expect(r.cookie.expires).toBeNull();
    expect(r.warnings).toEqual([warning]);
  });
});

describe('Secure, HttpOnly, SameSite, Partitioned, Priority', () => {
  test.each([
    ['a=b; Secure', HTTPS, 'accepted'],
    ['a=b; secure=whatever', HTTPS, 'accepted'],
    ['a=b; Secure', 'wss://www.example.com/socket', 'accepted'],
    ['a=b; Secure', HTTP, 'SecureOnly'],
    ['a=b; Secure', 'ws://www.example.com/socket', 'SecureOnly'],
    // Loopback is potentially trustworthy: both browsers accept Secure from http://localhost.
    ['a=b; Secure', 'http://localhost:8080/', 'accepted'],
    ['a=b; Secure', 'http://app.localhost/', 'accepted'],
    ['a=b; Secure', 'http://127.0.0.1/', 'accepted'],
    ['a=b; Secure', 'http://127.8.9.10/', 'accepted'],
    ['a=b; Secure', 'http://[::1]/', 'accepted'],
    ['a=b; Secure', 'http://10.0.0.1/', 'SecureOnly'],
  ])('%j from %s → %s', (header, url, expected) => {
    expect(reason(header, url)).toBe(expected);
  });

  test.each([
    ['a=b', 'unspecified', []],
    ['a=b; SameSite=Strict', 'strict', []],
    ['a=b; samesite=LAX', 'lax', []],
    ['a=b; SameSite=None; Secure', 'none', []],
    ['a=b; SameSite', 'unspecified', ['SameSiteInvalid']],
    ['a=b; SameSite=', 'unspecified', ['SameSiteInvalid']],
    ['a=b; SameSite=Relaxed', 'unspecified', ['SameSiteInvalid']],
    ['a=b; SameSite="Lax"', 'unspecified', ['SameSiteInvalid']],
    // Last one wins, an invalid one included (Chromium, Firefox).
    ['a=b; SameSite=Strict; SameSite=Lax', 'lax', ['AttributeDuplicated:samesite']],
    ['a=b; SameSite=Lax; SameSite=bogus', 'unspecified', ['AttributeDuplicated:samesite', 'SameSiteInvalid']],
  ])('%j → sameSite %j', (header, sameSite, warnings) => {
    const r = accepted(header);
    expect(r.cookie.sameSite).toBe(sameSite);
    expect(r.warnings).toEqual(warnings);
  });

  test.each([
    ['a=b; SameSite=None', 'SameSiteNoneInsecure'],
    ['a=b; SameSite=none; Secure=', 'accepted'],
    ['a=b; Partitioned', 'PartitionedWithoutSecure'],
    ['a=b; Partitioned; Secure', 'accepted'],
    ['a=b; HttpOnly', 'accepted'],
  ])('%j → %s', (header, expected) => {
    expect(reason(header)).toBe(expected);
  });

  test('flags', () => {
    expect(accepted('a=b; HTTPONLY; partitioned; Secure').cookie).toMatchObject({
      httpOnly: true,
      partitioned: true,
      secure: true,
    });
  });

  test('Partitioned and Secure from loopback over http are accepted (Chromium: trustworthy)', () => {
    expect(reason('a=b; Secure; Partitioned', 'http://localhost/')).toBe('accepted');
  });

  test('HttpOnly through a non-HTTP API is refused (§5.7 step 15)', () => {
    const r = evaluateSetCookie('a=b; HttpOnly', HTTPS, { now: NOW, nonHttp: true });
    expect(r).toMatchObject({ accepted: false, reason: 'HttpOnlyFromNonHttpApi' });
    expect(evaluateSetCookie('a=b', HTTPS, { now: NOW, nonHttp: true }).accepted).toBe(true);
  });

  test.each([
    ['a=b; SameSite=None; Secure', 'cross-site', 'accepted'],
    ['a=b; SameSite=Strict', 'cross-site', 'SameSiteStrictCrossSite'],
    ['a=b; SameSite=Lax', 'cross-site', 'SameSiteLaxCrossSite'],
    ['a=b', 'cross-site', 'SameSiteUnspecifiedTreatedAsLax'],
    ['a=b; SameSite=bogus', 'cross-site', 'SameSiteUnspecifiedTreatedAsLax'],
    // Top-level navigations may set any SameSite value (§5.7 step 18.3).
    ['a=b; SameSite=Strict', 'cross-site-navigation', 'accepted'],
    ['a=b', 'cross-site-navigation', 'accepted'],
    ['a=b; SameSite=Strict', 'same-site', 'accepted'],
    ['a=b; SameSite=None', 'cross-site-navigation', 'SameSiteNoneInsecure'],
  ] as const)('%j in a %s context → %s', (header, sameSiteContext, expected) => {
    const r = evaluateSetCookie(header, HTTPS, { now: NOW, sameSiteContext });
    expect(r.accepted ? 'accepted' : r.reason).toBe(expected);
  });

  test.each([
    ['a=b; Priority=High', 'high', []],
    ['a=b; priority=low', 'low', []],
    ['a=b; Priority=urgent', undefined, ['PriorityInvalid']],
  ])('%j → priority %j', (header, priority, warnings) => {
    const r = ev(header);
    expect(r.accepted ? r.detail.priority : 'rejected').toBe(priority);
    expect(r.accepted && r.warnings).toEqual(warnings);
  });
});

describe('cookie prefixes (RFC 6265bis §4.1.3; case-insensitive as in Chromium and Firefox)', () => {
  test.each([
    ['__Secure-a=b; Secure', HTTPS, 'accepted'],
    ['__Secure-a=b; Secure; Domain=example.com; Path=/x', HTTPS, 'accepted'],
    ['__Secure-a=b', HTTPS, 'InvalidPrefix'],
    ['__SECURE-a=b', HTTPS, 'InvalidPrefix'],
    ['__secure-a=b; Secure', HTTPS, 'accepted'],
    ['__Secure-a=b; Secure', HTTP, 'SecureOnly'],
    // Wherever Secure itself is allowed: Chromium 156 and Firefox accept prefixes from http://localhost.
    ['__Secure-a=b; Secure', 'http://localhost/', 'accepted'],
    ['__Host-a=b; Secure; Path=/', HTTPS, 'accepted'],
    ['__host-a=b; Secure; Path=/', HTTPS, 'accepted'],
    ['__Host-a=b; Secure; Path=/; Domain=', HTTPS, 'accepted'],
    ['__Host-a=b; Secure', HTTPS, 'InvalidPrefix'],
    ['__Host-a=b; Secure; Path=/x', HTTPS, 'InvalidPrefix'],
    ['__Host-a=b; Secure; Path=/; Path=/x', HTTPS, 'InvalidPrefix'],
    ['__Host-a=b; Secure; Path=/; Domain=www.example.com', HTTPS, 'InvalidPrefix'],
    ['__Host-a=b; Path=/', HTTPS, 'InvalidPrefix'],
    ['__Host-a=b; Secure; Path=/', 'http://localhost/', 'accepted'],
    ['__Host-a=b; Path=/', 'http://localhost/', 'InvalidPrefix'],
    ['__Host-a=b; Secure; Path=/; Domain=192.168.0.1', 'https://192.168.0.1/', 'accepted'],
    // Not prefixes.
    ['_Secure-a=b', HTTPS, 'accepted'],
    ['__Securea=b', HTTPS, 'accepted'],
    ['x__Host-a=b', HTTPS, 'accepted'],
    // A nameless cookie must not look like a prefixed one in the Cookie header (§5.7 step 22).
    ['__Secure-a', HTTPS, 'InvalidPrefix'],
    ['=__Host-a=b; Secure; Path=/', HTTPS, 'InvalidPrefix'],
    ['=__HOST-x', HTTPS, 'InvalidPrefix'],
    ['__Securex', HTTPS, 'accepted'],
  ])('%j from %s → %s', (header, url, expected) => {
    expect(reason(header, url)).toBe(expected);
  });
});
