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

  test('__Secure- from http://localhost: Chromium refuses, Firefox accepts', () => {
    const line = '__Secure-a=1; Secure; Path=/';
    expect(evaluateSetCookie(line, 'http://localhost/', { now })).toMatchObject({ reason: 'InvalidPrefix' });
    expect(evaluateSetCookie(line, 'http://localhost/', { now, engine: 'firefox' }).accepted).toBe(true);
  });

  test('no SameSite on a cross-site response: Chromium treats it as Lax, Firefox stores it', () => {
    const ctx = { now, sameSiteContext: 'cross-site' as const };
    expect(evaluateSetCookie('a=1', 'https://x.test/', ctx)).toMatchObject({ reason: 'SameSiteUnspecifiedTreatedAsLax' });
    expect(evaluateSetCookie('a=1', 'https://x.test/', { ...ctx, engine: 'firefox' }).accepted).toBe(true);
  });
});
