import { describe, expect, test } from 'vitest';
import { CookieJar } from './cookie-jar';

const T0 = Date.UTC(2026, 10, 21, 12, 0, 0);
const SET = 'http://shop.example.test:8080/app/set';
const GET = 'http://shop.example.test:8080/app/get';

/** Applies the lines from `setUrl`, one millisecond apart, and returns the Cookie header for `getUrl`. */
function replay(lines: string[], getUrl = GET, setUrl = SET): string {
  const jar = new CookieJar();
  lines.forEach((line, i) => jar.apply(line, setUrl, T0 + i));
  return jar.cookieHeader(getUrl, T0 + lines.length);
}

describe('Cookie header after a sequence of Set-Cookie lines', () => {
  test.each([
    // Replacement and independence.
    ['same name replaces', ['k=1', 'k=2'], GET, 'k=2'],
    ['different names coexist in creation order', ['b=1', 'a=2'], GET, 'b=1; a=2'],
    ['comma is just part of the value', ['k=1, j=2'], GET, 'k=1, j=2'],
    ['empty value keeps the "="', ['k=1', 'e=', 'm=3'], GET, 'k=1; e=; m=3'],
    ['an empty line changes nothing', ['k=1', '', '='], GET, 'k=1'],
    // Nameless cookies (RFC 6265bis; the WPT copy of the corpus expects them).
    ['nameless cookie is sent as its value', ['solo'], GET, 'solo'],
    ['nameless cookies replace each other', ['first', 'second'], GET, 'second'],
    ['"=x" is nameless too', ['k=1', '=x', 'm=3'], GET, 'k=1; x; m=3'],
    ['a line of only attributes is no cookie', ['k=1', '; Path=/'], GET, 'k=1'],
    // Expiry.
    ['Max-Age=0 deletes', ['k=1; Max-Age=60', 'k=2; Max-Age=0'], GET, ''],
    ['negative Max-Age deletes', ['k=1', 'k=x; Max-Age=-5'], GET, ''],
    ['an old Expires deletes', ['k=1', 'k=; Expires=Thu, 01 Jan 1970 00:00:01 GMT'], GET, ''],
    ['an expired line for another name deletes nothing', ['k=1', 'j=1; Max-Age=0'], GET, 'k=1'],
    ['an invalid Max-Age leaves a session cookie', ['k=1; Max-Age=2.5'], GET, 'k=1'],
    // Secure over http is refused.
    ['Secure from http is refused', ['k=1; Secure'], GET, ''],
    // Path.
    ['default path is the directory of the setting URL', ['k=1'], 'http://shop.example.test:8080/other', ''],
    ['default path covers sub-paths', ['k=1'], 'http://shop.example.test:8080/app/deep/x', 'k=1'],
    ['Path=/ is sent everywhere on the host', ['k=1; Path=/'], 'http://shop.example.test/', 'k=1'],
    ['paths match on segment boundaries', ['k=1; Path=/app/ge'], GET, ''],
    ['trailing slash in the cookie path', ['k=1; Path=/app/'], GET, 'k=1'],
    ['path is case-sensitive', ['k=1; Path=/APP'], GET, ''],
    ['percent-escapes are not decoded', ['k=1; Path=/%61pp'], GET, ''],
    ['invalid path falls back to the default', ['k=1; Path=app'], GET, 'k=1'],
    ['last path wins', ['k=1; Path=/nope; Path=/app'], GET, 'k=1'],
    ['longer paths first, then older', ['a=1; Path=/', 'b=2; Path=/app', 'c=3; Path=/app/get', 'd=4; Path=/'], GET, 'c=3; b=2; a=1; d=4'],
    ['same name on two paths: both sent, longer first', ['k=root; Path=/', 'k=app; Path=/app'], GET, 'k=app; k=root'],
    // Domain.
    ['host-only is not sent to a subdomain', ['k=1'], 'http://www.shop.example.test:8080/app/get', ''],
    ['domain cookie is sent to subdomains', ['k=1; Domain=example.test'], 'http://deep.www.example.test/app/x', 'k=1'],
    ['domain cookie is not sent to a sibling of the domain', ['k=1; Domain=shop.example.test'], 'http://cart.example.test/app/x', ''],
    ['host-only and domain cookies of one name coexist', ['k=host', 'k=dom; Domain=shop.example.test'], GET, 'k=host; k=dom'],
    ['a Domain for another site is refused', ['k=1; Domain=other.test'], GET, ''],
    ['an empty last Domain means host-only', ['k=1; Domain=example.test; Domain='], 'http://x.example.test/app/y', ''],
    ['the host compares case-insensitively', ['k=1; Domain=SHOP.Example.TEST'], 'http://Shop.EXAMPLE.test/app/x', 'k=1'],
  ])('%s', (_name, lines, getUrl, header) => {
    expect(replay(lines, getUrl)).toBe(header);
  });

  test('replacement keeps the original creation time, so the order does not change', () => {
    expect(replay(['a=1; Path=/', 'b=2; Path=/', 'a=3; Path=/'])).toBe('a=3; b=2');
  });
});

describe('apply outcomes', () => {
  test('stored, updated, deleted, deleted as a no-op, rejected', () => {
    const jar = new CookieJar();
    expect(jar.apply('k=1', SET, T0)).toMatchObject({ outcome: 'stored', cookie: { value: '1', creationTime: T0 } });
    const up = jar.apply('k=2', SET, T0 + 5);
    expect(up).toMatchObject({ outcome: 'updated', cookie: { value: '2', creationTime: T0 }, previous: { value: '1' } });
    expect(jar.apply('k=; Max-Age=0', SET, T0 + 6)).toMatchObject({ outcome: 'deleted', previous: { value: '2' } });
    const noop = jar.apply('k=; Max-Age=0', SET, T0 + 7);
    expect(noop.outcome).toBe('deleted');
    expect('previous' in noop).toBe(false);
    expect(jar.apply('k=1; Domain=com', SET, T0)).toMatchObject({ outcome: 'rejected', reason: 'InvalidDomain' });
    expect(jar.cookies(T0 + 8)).toEqual([]);
  });

  test('a cookie expires when the clock passes it', () => {
    const jar = new CookieJar();
    jar.apply('k=1; Max-Age=10', SET, T0);
    expect(jar.cookieHeader(GET, T0 + 9_999)).toBe('k=1');
    expect(jar.cookieHeader(GET, T0 + 10_000)).toBe('');
    expect(jar.cookies(T0 + 10_000)).toEqual([]);
  });

  test('Date and number clocks are interchangeable', () => {
    const jar = new CookieJar();
    jar.apply('k=1; Max-Age=10', SET, new Date(T0));
    expect(jar.cookieHeader(GET, new Date(T0 + 1))).toBe('k=1');
  });
});

describe('non-HTTP writers and readers', () => {
  test('document.cookie cannot replace an HttpOnly cookie, nor set one', () => {
    const jar = new CookieJar();
    jar.apply('sid=1; HttpOnly; Path=/', 'https://example.test/', T0);
    expect(jar.apply('sid=2; Path=/', 'https://example.test/', T0 + 1, { nonHttp: true })).toMatchObject({
      outcome: 'rejected',
      reason: 'OverwriteHttpOnly',
    });
    expect(jar.apply('x=1; HttpOnly', 'https://example.test/', T0 + 1, { nonHttp: true })).toMatchObject({
      outcome: 'rejected',
      reason: 'HttpOnlyFromNonHttpApi',
    });
    expect(jar.apply('ui=1; Path=/', 'https://example.test/', T0 + 2, { nonHttp: true }).outcome).toBe('stored');
    expect(jar.cookieHeader('https://example.test/', T0 + 3)).toBe('sid=1; ui=1');
    expect(jar.cookieHeader('https://example.test/', T0 + 3, { nonHttp: true })).toBe('ui=1');
  });
});

describe('context options pass through', () => {
  test('a cross-site response cannot set a Lax cookie in the jar', () => {
    const jar = new CookieJar();
    expect(jar.apply('k=1; SameSite=Lax', SET, T0, { sameSiteContext: 'cross-site' })).toMatchObject({
      outcome: 'rejected',
      reason: 'SameSiteLaxCrossSite',
    });
  });
});

describe('retrieval rules', () => {
  test('Secure cookies go to https and loopback, not to plain http', () => {
    const jar = new CookieJar();
    jar.apply('s=1; Secure; Domain=example.test; Path=/', 'https://www.example.test/', T0);
    jar.apply('p=2; Domain=example.test; Path=/', 'https://www.example.test/', T0 + 1);
    expect(jar.cookieHeader('https://api.example.test/', T0 + 2)).toBe('s=1; p=2');
    expect(jar.cookieHeader('wss://api.example.test/', T0 + 2)).toBe('s=1; p=2');
    expect(jar.cookieHeader('http://api.example.test/', T0 + 2)).toBe('p=2');
    const local = new CookieJar();
    local.apply('s=1; Secure', 'http://127.0.0.1:3000/', T0);
    expect(local.cookieHeader('http://127.0.0.1:9999/', T0 + 1)).toBe('s=1');
  });

  test('cookies created in the same millisecond keep their arrival order', () => {
    const jar = new CookieJar();
    for (const name of ['z', 'y', 'x']) jar.apply(`${name}=1`, SET, T0);
    expect(jar.cookieHeader(GET, T0)).toBe('z=1; y=1; x=1');
  });

  test('an unusable URL gets no cookies', () => {
    const jar = new CookieJar();
    jar.apply('k=1; Path=/', SET, T0);
    expect(jar.cookieHeader('not a url', T0)).toBe('');
    expect(jar.cookieHeader('file:///app/get', T0)).toBe('');
  });

  test('clear empties the jar', () => {
    const jar = new CookieJar();
    jar.apply('k=1', SET, T0);
    jar.clear();
    expect(jar.cookies(T0)).toEqual([]);
  });
});

describe('partitioned cookies (CHIPS, top-level responses; found by the differential tester)', () => {
  const T = Date.UTC(2026, 10, 21);
  test('a partitioned cookie lives beside an unpartitioned one of the same name', () => {
    const jar = new CookieJar();
    jar.apply('a=1; Secure; Partitioned; Path=/', 'https://localhost/', T);
    jar.apply('a=2; Secure; Path=/', 'https://localhost/', T + 1);
    expect(jar.cookies(T + 2).map((c) => [c.value, c.partitionKey])).toEqual([
      ['1', 'https://localhost'],
      ['2', undefined],
    ]);
  });

  test('it is sent only under its own top-level site, scheme included', () => {
    const jar = new CookieJar();
    jar.apply('p=1; Secure; Partitioned; Path=/', 'https://localhost/', T);
    expect(jar.cookieHeader('https://localhost/x', T + 1)).toBe('p=1');
    expect(jar.cookieHeader('http://localhost/x', T + 1)).toBe('');
  });
});

describe('creation time on overwrite, by engine (found by the differential tester)', () => {
  const order = (engine: 'chromium' | 'firefox' | undefined, lines: string[]) => {
    const jar = new CookieJar();
    lines.forEach((line, i) => jar.apply(line, SET, T0 + i, engine ? { engine } : {}));
    return jar.cookieHeader(GET, T0 + lines.length);
  };

  test('Chromium keeps the old creation time only when the value is unchanged', () => {
    expect(order('chromium', ['b==', 'c=1', 'b='])).toBe('c=1; b=');
    expect(order('chromium', ['b=1', 'c=1', 'b=1; Max-Age=60'])).toBe('b=1; c=1');
  });

  test.each([undefined, 'firefox'] as const)('engine %s keeps it always (§5.7)', (engine) => {
    expect(order(engine, ['b==', 'c=1', 'b='])).toBe('b=; c=1');
  });
});
