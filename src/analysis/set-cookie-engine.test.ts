import { describe, expect, test } from 'vitest';
import { evaluateSetCookie } from './set-cookie';

const now = new Date('2026-11-21T00:00:00Z');

/** Where Chromium and Firefox disagree, as the test site's catalogue records them (tests/site). */
describe('engine differences', () => {
  test.each([
    ['bare_token; Path=/', 'chromium', { name: '', value: 'bare_token' }],
    ['bare_token; Path=/', 'firefox', { name: 'bare_token', value: '' }],
  ] as const)('%s in %s', (line, engine, want) => {
    const r = evaluateSetCookie(line, 'http://127.0.0.1/', { now, engine });
    expect(r.accepted && { name: r.cookie.name, value: r.cookie.value }).toEqual(want);
  });

  test('"=value" is a nameless cookie in Chromium and refused by Firefox', () => {
    expect(evaluateSetCookie('=v', 'http://127.0.0.1/', { now, engine: 'chromium' }).accepted).toBe(true);
    expect(evaluateSetCookie('=v', 'http://127.0.0.1/', { now, engine: 'firefox' })).toMatchObject({
      accepted: false,
      reason: 'NoCookieContent',
    });
  });

  test('a tab inside the value: Chromium refuses, Firefox keeps', () => {
    expect(evaluateSetCookie('a=x\ty', 'http://127.0.0.1/', { now }).accepted).toBe(false);
    expect(evaluateSetCookie('a=x\ty', 'http://127.0.0.1/', { now, engine: 'firefox' }).accepted).toBe(true);
  });

  test.each(['chromium', 'firefox'] as const)('__Secure- and __Host- from http://localhost: %s accepts', (engine) => {
    for (const line of ['__Secure-a=1; Secure; Path=/', '__Host-a=1; Secure; Path=/']) {
      expect(evaluateSetCookie(line, 'http://localhost/', { now, engine }).accepted).toBe(true);
    }
  });

  test('a nameless cookie whose value holds "=": Chromium refuses, the RFC stores it', () => {
    expect(evaluateSetCookie('=a=bar', 'http://127.0.0.1/', { now, engine: 'chromium' })).toMatchObject({
      accepted: false,
      reason: 'NoCookieContent',
    });
    expect(evaluateSetCookie('=a=bar', 'http://127.0.0.1/', { now }).accepted).toBe(true);
    expect(evaluateSetCookie('a=bar', 'http://127.0.0.1/', { now, engine: 'chromium' }).accepted).toBe(true);
  });

  test('Max-Age=+3600: a max-age in Chromium, ignored by the RFC', () => {
    const chromium = evaluateSetCookie('a=1; Max-Age=+3600', 'http://127.0.0.1/', { now, engine: 'chromium' });
    expect(chromium.accepted && chromium.cookie.expires).toBe(now.getTime() + 3600_000);
    const spec = evaluateSetCookie('a=1; Max-Age=+3600', 'http://127.0.0.1/', { now });
    expect(spec.accepted && spec.cookie.expires).toBe(null);
  });

  test('no SameSite on a cross-site response: Chromium treats it as Lax, Firefox stores it', () => {
    const ctx = { now, sameSiteContext: 'cross-site' as const };
    expect(evaluateSetCookie('a=1', 'https://x.test/', ctx)).toMatchObject({ reason: 'SameSiteUnspecifiedTreatedAsLax' });
    expect(evaluateSetCookie('a=1', 'https://x.test/', { ...ctx, engine: 'firefox' }).accepted).toBe(true);
  });
});

/** Found by the differential tester (tests/site/difftest) against Chromium 156. */
describe('Chromium parsing found by the differential tester', () => {
  test('the last Max-Age counts even when it is invalid (ParsedCookie keeps one per name)', () => {
    const chromium = evaluateSetCookie('a=1; Max-Age=0; Max-Age', 'http://127.0.0.1/', { now, engine: 'chromium' });
    expect(chromium.accepted && chromium.cookie.expires).toBe(null);
    const spec = evaluateSetCookie('a=1; Max-Age=0; Max-Age', 'http://127.0.0.1/', { now });
    expect(spec.accepted && spec.cookie.expires).toBe(0);
  });

  test('the last Expires counts even when it is invalid', () => {
    const line = 'a=1; Expires=Fri, 01 Jan 2027 00:00:00 GMT; Expires=soon';
    const chromium = evaluateSetCookie(line, 'http://127.0.0.1/', { now, engine: 'chromium' });
    expect(chromium.accepted && chromium.cookie.expires).toBe(null);
    const spec = evaluateSetCookie(line, 'http://127.0.0.1/', { now });
    expect(spec.accepted && spec.cookie.expires).toBe(Date.UTC(2027, 0, 1));
  });

  test('a one-digit year is 200x: "Jan 1 0 0:0:0" is in the past and deletes', () => {
    const chromium = evaluateSetCookie('a=1; Expires=Jan 1 0 0:0:0', 'http://127.0.0.1/', { now, engine: 'chromium' });
    expect(chromium.accepted && chromium.cookie.expires).toBe(Date.UTC(2000, 0, 1));
    const spec = evaluateSetCookie('a=1; Expires=Jan 1 0 0:0:0', 'http://127.0.0.1/', { now });
    expect(spec.accepted && spec.cookie.expires).toBe(null);
  });
});

/** Found by the differential tester against Firefox ESR 153. */
describe('Firefox differences found by the differential tester', () => {
  test('a numeric zone in Expires is honoured', () => {
    const line = 'a=1; Expires=01 Jan 2027 02:00:00 +0200';
    const firefox = evaluateSetCookie(line, 'http://127.0.0.1/', { now, engine: 'firefox' });
    expect(firefox.accepted && firefox.cookie.expires).toBe(Date.UTC(2027, 0, 1));
    const chromium = evaluateSetCookie(line, 'http://127.0.0.1/', { now, engine: 'chromium' });
    expect(chromium.accepted && chromium.cookie.expires).toBe(Date.UTC(2027, 0, 1, 2));
  });

  test('__Host- without a Path attribute passes when the default path is "/"', () => {
    const line = '__Host-a=x; Secure';
    expect(evaluateSetCookie(line, 'https://example.com/ab', { now, engine: 'firefox' }).accepted).toBe(true);
    expect(evaluateSetCookie(line, 'https://example.com/a/b', { now, engine: 'firefox' })).toMatchObject({ reason: 'InvalidPrefix' });
    expect(evaluateSetCookie(line, 'https://example.com/ab', { now, engine: 'chromium' })).toMatchObject({ reason: 'InvalidPrefix' });
  });

  test('__Host- with Domain=localhost on localhost: host-only there, so Firefox keeps it', () => {
    const line = '__Host-a=1; Domain=localhost; Secure; Path=/';
    expect(evaluateSetCookie(line, 'http://localhost/', { now, engine: 'firefox' }).accepted).toBe(true);
    expect(evaluateSetCookie(line, 'http://localhost/', { now, engine: 'chromium' })).toMatchObject({ reason: 'InvalidPrefix' });
    const domainCookie = '__Host-a=1; Domain=example.com; Secure; Path=/';
    expect(evaluateSetCookie(domainCookie, 'https://example.com/', { now, engine: 'firefox' })).toMatchObject({ reason: 'InvalidPrefix' });
  });

  test('Max-Age=- deletes in Firefox and is ignored elsewhere', () => {
    const firefox = evaluateSetCookie('a=1; Max-Age=-', 'http://127.0.0.1/', { now, engine: 'firefox' });
    expect(firefox.accepted && firefox.cookie.expires).toBe(0);
    const chromium = evaluateSetCookie('a=1; Max-Age=-', 'http://127.0.0.1/', { now, engine: 'chromium' });
    expect(chromium.accepted && chromium.cookie.expires).toBe(null);
  });
});

/** Found by the second round of differential campaigns. */
describe('more engine differences found by the differential tester', () => {
  test('Expires with a five-digit year: Chromium keeps the cookie for 400 days, the RFC ignores the date', () => {
    const line = 'a=1; Expires=Jan 1 10000 00:00:00';
    const chromium = evaluateSetCookie(line, 'http://127.0.0.1/', { now, engine: 'chromium' });
    expect(chromium.accepted && chromium.cookie.expires).toBe(now.getTime() + 400 * 86_400_000);
    const spec = evaluateSetCookie(line, 'http://127.0.0.1/', { now });
    expect(spec.accepted && spec.cookie.expires).toBe(null);
  });

  test('Expires with a three-digit year: a past date in Chromium, so the line deletes', () => {
    const chromium = evaluateSetCookie('xxxx;Expires=Jan 1 100 00:00:00', 'https://example.com/a/b', { now, engine: 'chromium' });
    expect(chromium.accepted && (chromium.cookie.expires ?? Infinity) < now.getTime()).toBe(true);
  });

  test('an oversized SameSite value still resets SameSite in Firefox; Chromium ignores the attribute', () => {
    const line = `a=1; SameSite=Lax; SameSite=${'v'.repeat(1025)}`;
    const firefox = evaluateSetCookie(line, 'http://localhost/', { now, engine: 'firefox' });
    expect(firefox.accepted && firefox.cookie.sameSite).toBe('unspecified');
    const chromium = evaluateSetCookie(line, 'http://localhost/', { now, engine: 'chromium' });
    expect(chromium.accepted && chromium.cookie.sameSite).toBe('lax');
  });

  test('Firefox keeps the last Expires and Max-Age, valid or not (CookieParser::ParseAttributes)', () => {
    const at = (line: string) => {
      const r = evaluateSetCookie(line, 'http://127.0.0.1/', { now, engine: 'firefox' });
      return r.accepted ? r.cookie.expires : 'refused';
    };
    expect(at('a=1; Expires=Fri, 01 Jan 2027 00:00:00 GMT; Expires=soon')).toBe(null);
    expect(at('a=1; Max-Age=60; Max-Age=6x')).toBe(null);
    expect(at('a=1; Expires=Fri, 01 Jan 2027 00:00:00 GMT; Max-Age=60; Max-Age=')).toBe(Date.UTC(2027, 0, 1));
    // Anything starting with "-" has expired.
    expect(at('a=1; Max-Age=-5x')).toBe(0);
  });
});
