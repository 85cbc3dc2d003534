import { describe, expect, test } from 'vitest';
import { cookieFromSnapshot, type CookieInfo, type CookieSnapshot } from '../../model/cookie';
import type { Finding, FindingId } from '../../model/finding';
import { CHROMIUM_PROFILE, RFC6265_PROFILE } from '../../model/limits';
import type { CookieSentObservation, SetCookieObservation } from '../../model/observation';
import { computeFindings } from '../findings';
import { cookieSnapshot } from '../../model/cookie.test-helpers';

const NOW = Date.UTC(2025, 0, 1);

function setCookie(line: string, over: Partial<SetCookieObservation> = {}): SetCookieObservation {
  return { kind: 'set-cookie', url: 'https://www.example.com/a/b', time: NOW, line, outcome: { accepted: true }, lineIndex: 0, ...over };
}

function sent(url: string, cookieNames: string[], over: Partial<CookieSentObservation> = {}): CookieSentObservation {
  return { kind: 'cookie-sent', url, time: NOW, cookieNames, ...over };
}

function cookie(over: Partial<CookieSnapshot> = {}): CookieInfo {
  return cookieFromSnapshot(cookieSnapshot(over));
}

function observed(observations: (SetCookieObservation | CookieSentObservation)[], cookies: CookieInfo[] = []): Finding[] {
  const found = computeFindings({ cookies, observations, now: NOW, profile: CHROMIUM_PROFILE });
  for (const f of found) expect(f.message).not.toMatch(/\{\w+\}/);
  return found.filter((f) => f.subject.kind !== 'cookie' || observations.some((o) => o.kind === 'cookie-sent'));
}

const ids = (found: Finding[]): FindingId[] => found.map((f) => f.id);

describe('Set-Cookie lines', () => {
  const OK = 'id=1; Secure; HttpOnly; SameSite=Lax; Path=/';
  test.each<[string, string, Partial<SetCookieObservation>, FindingId[]]>([
    ['a clean line', OK, {}, []],
    ['rejected', OK, { outcome: { accepted: false, reason: 'EXCLUDE_DOMAIN_MISMATCH' } }, ['rejected']],
    ['bad SameSite value', 'id=1; Secure; SameSite=Strictest', {}, ['samesite-invalid']],
    ['last SameSite wins', 'id=1; Secure; SameSite=bogus; SameSite=Lax', {}, []],
    ['SameSite=None without Secure', 'id=1; SameSite=None', {}, ['samesite-none-insecure']],
    ['SameSite=none with Secure', 'id=1; SameSite=none; Secure', {}, []],
    ['1024-byte attribute', `id=1; Secure; Path=/${'p'.repeat(1023)}`, {}, []],
    ['1025-byte attribute', `id=1; Secure; Path=/${'p'.repeat(1024)}`, {}, ['attribute-oversize']],
    ['4096-byte name+value', `n=${'x'.repeat(4095)}; Secure`, {}, []],
    ['4097-byte name+value', `n=${'x'.repeat(4096)}; Secure`, {}, ['oversize']],
    ['redacted line, measured size', 'n=[redacted]; Secure', { nameValueBytes: 5000 }, ['oversize']],
    ['__Host- done right', '__Host-id=1; Secure; Path=/', {}, []],
    ['__Host- without Path at a nested URL', '__Host-id=1; Secure', {}, ['prefix-violation']],
    ['__Host- without Path at a top-level URL', '__Host-id=1; Secure', { url: 'https://www.example.com/page' }, []],
    ['__Host- with Domain', '__Host-id=1; Secure; Path=/; Domain=example.com', {}, ['prefix-violation']],
    ['__Secure- from http', '__Secure-id=1; Secure', { url: 'http://www.example.com/' }, ['prefix-violation']],
    ['__Secure- from http://localhost', '__Secure-id=1; Secure', { url: 'http://localhost:3000/' }, []],
    ['Max-Age 400 days', 'id=1; Secure; Max-Age=34560000', {}, []],
    ['Max-Age 400 days + 1 s', 'id=1; Secure; Max-Age=34560001', {}, ['expiry-over-400-days']],
    ['Expires in 2030', 'id=1; Secure; Expires=Wed, 01 Jan 2030 00:00:00 GMT', {}, ['expiry-over-400-days']],
    ['Expires in 2030, cookie-date style', 'id=1; Secure; Expires=Tue, 01-Jan-30 00:00:00 GMT', {}, ['expiry-over-400-days']],
    ['Max-Age wins over Expires', 'id=1; Secure; Max-Age=60; Expires=Wed, 01 Jan 2030 00:00:00 GMT', {}, []],
    ['unparseable Expires', 'id=1; Secure; Expires=someday', {}, []],
    ['set in a third-party context', OK, { topLevelSite: 'https://news.test' }, ['third-party']],
    ['set in a first-party context', OK, { topLevelSite: 'https://example.com' }, []],
    ['unparseable URL', '__Host-id=1', { url: 'not a url' }, []],
  ])('%s', (_label, line, over, expected) => {
    const found = observed([setCookie(line, over)]);
    expect(ids(found).sort()).toEqual([...expected].sort());
    for (const f of found) expect(f.subject).toMatchObject({ kind: 'header', line: 0 });
  });

  test('rejected explains the reason', () => {
    const [f] = observed([setCookie('id=1', { outcome: { accepted: false, reason: 'prefix rules', detail: '__Host-' } })]);
    expect(f?.message).toBe('The browser did not store Set-Cookie "id" from https://www.example.com/a/b: prefix rules.');
    expect(f?.details).toMatchObject({ reason: 'prefix rules', detail: '__Host-' });
  });

  test('RFC profiles count attributes towards 4096', () => {
    const line = `n=${'x'.repeat(4000)}; Secure; Path=/${'p'.repeat(200)}`;
    const found = computeFindings({ cookies: [], observations: [setCookie(line)], now: NOW, profile: RFC6265_PROFILE });
    expect(ids(found)).toEqual(['oversize']);
  });
});

describe('Cookie headers sent', () => {
  test('https and first-party: nothing', () => {
    expect(observed([sent('https://www.example.com/', ['pref'])], [cookie()])).toEqual([]);
  });

  test('http: attributed to the stored cookie', () => {
    const c = cookie({ secure: false });
    const found = observed([sent('http://www.example.com/x?y', ['pref'])], [c]).filter((f) => f.id === 'sent-over-http');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      severity: 'medium',
      subject: { kind: 'cookie', key: c.key },
      details: { url: 'http://www.example.com/' },
    });
  });

  test.each([
    ['a session ID', 'PHPSESSID', 'http://www.example.com/', 'high'],
    ['loopback', 'PHPSESSID', 'http://localhost:8080/', 'info'],
    ['an ordinary cookie', 'theme', 'http://www.example.com/', 'medium'],
  ])('severity for %s', (_label, name, url, severity) => {
    const [f] = observed([sent(url, [name])]).filter((x) => x.id === 'sent-over-http');
    expect(f).toMatchObject({ severity, subject: { kind: 'header', name, url: new URL(url).origin + '/' } });
  });

  test('domain cookies match subdomains, host cookies only their host', () => {
    const domainCookie = cookie({ domain: '.example.com', hostOnly: false, secure: false });
    const hostCookie = cookie({ domain: 'other.example.com', secure: false });
    const found = observed([sent('http://www.example.com/', ['pref'])], [domainCookie, hostCookie]).filter(
      (f) => f.id === 'sent-over-http',
    );
    expect(found.map((f) => f.subject)).toEqual([expect.objectContaining({ key: domainCookie.key })]);
  });

  test('the same leak seen twice is one finding', () => {
    const found = observed([sent('http://www.example.com/a', ['x', 'x']), sent('http://www.example.com/b', ['x'])]);
    expect(ids(found)).toEqual(['sent-over-http']);
  });

  test('third-party context', () => {
    const found = observed([sent('https://tracker.test/p', ['uid'], { topLevelSite: 'https://news.example' })]);
    expect(found).toEqual([
      expect.objectContaining({
        id: 'third-party',
        message: 'Cookie "uid" from tracker.test is used in a third-party context on https://news.example.',
      }),
    ]);
  });

  test('unparseable URL is ignored', () => {
    expect(observed([sent('::', ['a'])])).toEqual([]);
  });
});
