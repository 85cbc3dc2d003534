/** The jar's "leave secure cookies alone" rule (RFC 6265bis §5.7 step 16), by the RFC and as each engine matches hosts. */
import { describe, expect, test } from 'vitest';
import { CookieJar } from './cookie-jar';

const T0 = Date.UTC(2026, 10, 21, 12, 0, 0);

describe('leave secure cookies alone (RFC 6265bis §5.7 step 16)', () => {
  const HTTPS_LOGIN = 'https://example.test/login/form';
  const HTTP_PAGE = 'http://example.test/login/form';

  test.each([
    ['same name, path and domain', 'k=evil; Path=/login', 'OverwriteSecure'],
    ['a deeper path would shadow it', 'k=evil; Path=/login/en', 'OverwriteSecure'],
    ['a parent domain would shadow it', 'k=evil; Path=/login; Domain=example.test', 'OverwriteSecure'],
    ['a shorter path does not shadow it', 'k=ok; Path=/', 'stored'],
    ['a sibling path does not shadow it', 'k=ok; Path=/logout', 'stored'],
    ['another name is fine', 'j=ok; Path=/login', 'stored'],
  ])('insecure %s → %s', (_what, line, outcome) => {
    const jar = new CookieJar();
    expect(jar.apply('k=secret; Secure; Path=/login', HTTPS_LOGIN, T0).outcome).toBe('stored');
    const r = jar.apply(line, HTTP_PAGE, T0 + 1);
    expect(r.outcome === 'rejected' ? r.reason : r.outcome).toBe(outcome);
  });

  test('an insecure line cannot delete a Secure cookie either', () => {
    const jar = new CookieJar();
    jar.apply('k=secret; Secure; Path=/', 'https://example.test/', T0);
    expect(jar.apply('k=; Max-Age=0; Path=/', 'http://example.test/', T0 + 1)).toMatchObject({
      outcome: 'rejected',
      reason: 'OverwriteSecure',
    });
    expect(jar.cookieHeader('https://example.test/', T0 + 2)).toBe('k=secret');
  });

  test('secure origins may overwrite, and loopback counts as secure', () => {
    const jar = new CookieJar();
    jar.apply('k=1; Secure; Path=/', 'https://example.test/', T0);
    expect(jar.apply('k=2; Path=/', 'https://example.test/', T0 + 1).outcome).toBe('updated');
    const local = new CookieJar();
    local.apply('k=1; Secure; Path=/', 'http://localhost/', T0);
    expect(local.apply('k=2; Path=/', 'http://localhost/', T0 + 1).outcome).toBe('updated');
  });

  test('an expired Secure cookie shadows nothing', () => {
    const jar = new CookieJar();
    jar.apply('k=1; Secure; Path=/; Max-Age=1', 'https://example.test/', T0);
    expect(jar.apply('k=2; Path=/', 'http://example.test/', T0 + 1_000).outcome).toBe('stored');
  });
});

describe('leave secure cookies alone, as the browsers match hosts (found by the differential tester)', () => {
  test.each([
    // A host-only Secure cookie on the parent host: the RFC compares bare domains and refuses, and
    // so does Chromium; Firefox matches a host-only cookie only on its own host, so it stores.
    [undefined, 'rejected'],
    ['chromium', 'rejected'],
    ['firefox', 'stored'],
  ] as const)('engine %s: a subdomain sets the name of a host-only Secure cookie → %s', (engine, outcome) => {
    const jar = new CookieJar();
    const opts = engine ? { engine } : {};
    expect(jar.apply('k=; Secure; Path=/', 'https://example.test/a/', T0, opts).outcome).toBe('stored');
    expect(jar.apply('k=a=b', 'http://www.example.test/a', T0 + 1, opts).outcome).toBe(outcome);
  });

  test('Chromium: a host-only Secure cookie on a subdomain guards the parent host too', () => {
    const jar = new CookieJar();
    jar.apply('A=2; Secure', 'https://a.b.example.test/a', T0, { engine: 'chromium' });
    expect(jar.apply('A=1', 'http://example.test/a/bc', T0 + 1, { engine: 'chromium' }).outcome).toBe('rejected');
    expect(jar.apply('A=1', 'http://example.test/a/bc', T0 + 1, { engine: 'firefox' }).outcome).toBe('stored');
  });

  test.each(['chromium', 'firefox'] as const)('%s: a domain Secure cookie still guards its subdomains', (engine) => {
    const jar = new CookieJar();
    jar.apply('k=1; Secure; Domain=example.test; Path=/', 'https://example.test/', T0, { engine });
    expect(jar.apply('k=2', 'http://www.example.test/', T0 + 1, { engine }).outcome).toBe('rejected');
  });
});
