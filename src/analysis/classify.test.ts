import { describe, expect, test } from 'vitest';
import { cookieFromSnapshot, type CookieInfo, type CookieSnapshot } from '../model/cookie';
import { classifyCookie, classifyCookies, expiryOf, namePrefix, partyOf, siteHost } from './classify';
import { cookieSnapshot } from '../model/cookie.test-helpers';

const DAY = 86_400_000;
const NOW = Date.UTC(2025, 0, 1);

function makeCookie(over: Partial<CookieSnapshot> = {}, extra: Partial<CookieInfo> = {}): CookieInfo {
  const snap = cookieSnapshot({ name: 'c', value: 'v', ...over });
  return { ...cookieFromSnapshot(snap), ...extra };
}

describe('expiryOf', () => {
  test('session cookie', () => {
    expect(expiryOf(makeCookie(), NOW)).toMatchObject({ persistence: 'session', effective: null, remainingMs: null, exceedsCap: false });
  });

  test.each([
    ['within the cap', 10, undefined, 10, false],
    ['beyond the cap from now', 500, undefined, 400, true],
    ['beyond the cap from creation', 300, -200, 200, true],
    ['exactly at the cap', 400, undefined, 400, false],
  ])('%s', (_label, days, createdDaysAgo, effectiveDays, exceeds) => {
    const extra = createdDaysAgo === undefined ? {} : { createdAt: NOW + createdDaysAgo * DAY };
    const c = makeCookie({ session: false, expirationDate: (NOW + days * DAY) / 1000 }, extra);
    const e = expiryOf(c, NOW);
    expect(e.persistence).toBe('persistent');
    expect(e.effective).toBe(NOW + effectiveDays * DAY);
    expect(e.exceedsCap).toBe(exceeds);
  });

  test('requested expiry before clamping is what exceeds the cap', () => {
    const c = makeCookie(
      { session: false, expirationDate: (NOW + 400 * DAY) / 1000 },
      { createdAt: NOW, requestedExpires: NOW + 900 * DAY },
    );
    expect(expiryOf(c, NOW)).toMatchObject({ exceedsCap: true, effective: NOW + 400 * DAY, requested: NOW + 900 * DAY });
  });

  test('no cap for RFC profiles', () => {
    const c = makeCookie({ session: false, expirationDate: (NOW + 900 * DAY) / 1000 });
    expect(expiryOf(c, NOW, null)).toMatchObject({ exceedsCap: false, effective: NOW + 900 * DAY });
  });

  test('expired', () => {
    const c = makeCookie({ session: false, expirationDate: (NOW - 1000) / 1000 });
    expect(expiryOf(c, NOW)).toMatchObject({ expired: true, remainingMs: -1000 });
  });
});

describe('party', () => {
  test.each([
    ['https://www.example.com', 'www.example.com'],
    ['https://example.com:8443/path?q', 'example.com'],
    ['shop.example.co.uk', 'shop.example.co.uk'],
    ['http://[::1]:3000', '[::1]'],
    ['', ''],
    ['http://', ''],
  ])('siteHost(%j) = %j', (site, host) => {
    expect(siteHost(site)).toBe(host);
  });

  test.each([
    ['www.example.com', 'https://example.com', 'first'],
    ['cdn.example.com', 'shop.example.com', 'first'],
    ['tracker.test', 'https://example.com', 'third'],
    ['user.github.io', 'https://other.github.io', 'third'], // private PSL section
    ['example.co.uk', 'https://example.com', 'third'],
    ['localhost', 'http://localhost:8080', 'first'],
    ['127.0.0.1', 'http://127.0.0.2', 'third'],
  ])('%s under %s is %s-party', (domain, top, party) => {
    expect(partyOf(makeCookie({ domain }), siteHost(top))).toBe(party);
  });

  test('unknown without a top-level site', () => {
    expect(partyOf(makeCookie(), undefined)).toBe('unknown');
  });

  test('a partitioned cookie is judged against its partition', () => {
    const c = makeCookie({ domain: 'embed.test', partitionKey: { topLevelSite: 'https://news.example' } });
    expect(partyOf(c)).toBe('third');
  });
});

describe('namePrefix', () => {
  test.each([
    ['__Host-id', '__Host-'],
    ['__host-id', '__Host-'],
    ['__Secure-id', '__Secure-'],
    ['__SECURE-id', '__Secure-'],
    ['__Secureid', null],
    ['_Host-id', null],
    ['id', null],
  ])('%s → %s', (name, prefix) => {
    expect(namePrefix(name)).toBe(prefix);
  });
});

describe('classifyCookie', () => {
  test('puts everything together', () => {
    const c = makeCookie({
      name: 'PHPSESSID',
      value: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln',
      domain: '.shop.example.com',
      hostOnly: false,
    });
    const cl = classifyCookie(c, { now: NOW, topLevelSite: 'https://news.test' });
    expect(cl).toMatchObject({
      key: c.key,
      registrableDomain: 'example.com',
      loopback: false,
      party: 'third',
      prefix: null,
      sessionId: { isSessionId: true, framework: 'PHP' },
      jwt: { alg: 'HS256' },
    });
    expect(cl.size.nameValue).toBe(9 + c.value.length);
  });

  test.each(['localhost', 'app.localhost', '127.0.0.1', '[::1]'])('%s is loopback', (domain) => {
    expect(classifyCookie(makeCookie({ domain }), { now: NOW }).loopback).toBe(true);
  });

  test('classifyCookies keeps input order', () => {
    const cookies = [makeCookie({ name: 'b' }), makeCookie({ name: 'a' })];
    expect(classifyCookies(cookies, { now: NOW }).map((c) => c.key)).toEqual(cookies.map((c) => c.key));
  });
});
