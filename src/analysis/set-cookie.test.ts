import { describe, expect, test } from 'vitest';
import { evaluateSetCookie } from './set-cookie';
import { HTTPS, accepted, ev, reason } from './set-cookie.test-helpers';

describe('the whole result', () => {
  test('a typical session cookie', () => {
    expect(ev('SID=31d4d96e407aad42; Path=/; Secure; HttpOnly; SameSite=Lax')).toEqual({
      accepted: true,
      cookie: {
        name: 'SID',
        value: '31d4d96e407aad42',
        domain: 'www.example.com',
        hostOnly: true,
        path: '/',
        secure: true,
        httpOnly: true,
        sameSite: 'lax',
        expires: null,
        partitioned: false,
      },
      warnings: [],
      detail: { requestedExpires: null },
    });
  });

  test('a rejection carries a stable reason and a human detail', () => {
    const r = ev('a=b; Domain=other.org');
    expect(r).toMatchObject({ accepted: false, reason: 'InvalidDomain' });
    expect(r.accepted === false && typeof r.detail).toBe('string');
  });
});

describe('Domain (RFC 6265bis §5.6.3, §5.7 steps 7–10)', () => {
  test.each([
    ['a=b', 'www.example.com', true],
    ['a=b; Domain=example.com', 'example.com', false],
    ['a=b; Domain=.example.com', 'example.com', false],
    ['a=b; Domain=EXAMPLE.com', 'example.com', false],
    ['a=b; Domain=www.example.com', 'www.example.com', false],
    ['a=b; Domain=  .example.com  ', 'example.com', false],
    // Last Domain wins — even an empty one, which means host-only (6265bis; Chromium, Firefox).
    ['a=b; Domain=other.org; Domain=example.com', 'example.com', false],
    ['a=b; Domain=example.com; Domain=', 'www.example.com', true],
    ['a=b; Domain=', 'www.example.com', true],
    ['a=b; Domain=other.org; Domain=', 'www.example.com', true],
    // Private PSL section: github.io is a public suffix, a user site is not.
    ['a=b; Domain=user.github.io', 'user.github.io', false],
  ])('%j → domain %j hostOnly %j', (header, domain, hostOnly) => {
    const url = header.includes('github') ? 'https://user.github.io/' : HTTPS;
    expect(accepted(header, url).cookie).toMatchObject({ domain, hostOnly });
  });

  test.each([
    ['a=b; Domain=other.org', 'not a parent'],
    ['a=b; Domain=sub.www.example.com', 'a subdomain of the host'],
    ['a=b; Domain=ample.com', 'a string suffix but not a label suffix'],
    ['a=b; Domain=com', 'public suffix'],
    ['a=b; Domain=.com', 'public suffix with dot'],
    ['a=b; Domain=github.io', 'private-section public suffix'],
    ['a=b; Domain=example.com.', 'trailing dot'],
    ['a=b; Domain=..example.com', 'two leading dots'],
    ['a=b; Domain=example..com', 'empty label'],
    ['a=b; Domain=.', 'only a dot'],
    ['a=b; Domain="example.com"', 'quoted'],
    ['a=b; Domain=example.com:443', 'with port'],
    ['a=b; Domain=example%2Ecom', 'percent-escaped'],
    ['a=b; Domain=example.com; Domain=other.org', 'the last one counts'],
  ])('%j → InvalidDomain (%s)', (header) => {
    expect(reason(header)).toBe('InvalidDomain');
  });

  test('a public suffix equal to the host gives a host-only cookie (§5.7 step 9.1)', () => {
    const r = accepted('a=b; Domain=github.io', 'https://github.io/');
    expect(r.cookie).toMatchObject({ domain: 'github.io', hostOnly: true });
    expect(r.warnings).toEqual(['DomainTreatedAsHostOnly']);
  });

  test.each([
    ['http://127.0.0.1/', 'a=b; Domain=127.0.0.1', '127.0.0.1'],
    ['http://127.0.0.1/', 'a=b; Domain=.127.0.0.1', '127.0.0.1'],
    ['http://[::1]/', 'a=b; Domain=[::1]', '[::1]'],
    ['http://localhost/', 'a=b; Domain=localhost', 'localhost'],
  ])('%s with %j → host-only on %j', (url, header, domain) => {
    const r = accepted(header, url);
    expect(r.cookie).toMatchObject({ domain, hostOnly: true });
    expect(r.warnings).toContain('DomainTreatedAsHostOnly');
  });

  test.each([
    ['http://10.1.2.3/', 'a=b; Domain=1.2.3'],
    ['http://10.1.2.3/', 'a=b; Domain=10.1.2.4'],
    ['http://[::1]/', 'a=b; Domain=localhost'],
    ['http://[::1]/', 'a=b; Domain=::1'],
    ['http://a.localhost/', 'a=b; Domain=localhost'],
  ])('%s with %j → InvalidDomain', (url, header) => {
    expect(reason(header, url)).toBe('InvalidDomain');
  });

  test('host-only cookies on IP hosts and IPv6 keep the URL spelling', () => {
    expect(accepted('a=b', 'http://[2001:DB8::1]:8080/').cookie.domain).toBe('[2001:db8::1]');
    expect(accepted('a=b', 'http://0x7f.1/').cookie.domain).toBe('127.0.0.1');
  });

  test('a non-ASCII Domain is converted to punycode with a warning (Chromium)', () => {
    const r = accepted('a=b; Domain=b\u00fccher.de', 'https://www.xn--bcher-kva.de/');
    expect(r.cookie).toMatchObject({ domain: 'xn--bcher-kva.de', hostOnly: false });
    expect(r.warnings).toEqual(['DomainNonAscii']);
    expect(reason('a=b; Domain=b\u00fccher/x.de', 'https://www.xn--bcher-kva.de/')).toBe('InvalidDomain');
  });

  test('the request host is lower-cased punycode', () => {
    expect(accepted('a=b', 'http://WWW.B\u00dcCHER.de/').cookie.domain).toBe('www.xn--bcher-kva.de');
  });
});

describe('Path (§5.1.4, §5.6.4)', () => {
  test.each([
    ['a=b', 'https://x.example/account/login', '/account'],
    ['a=b', 'https://x.example/account/', '/account'],
    ['a=b', 'https://x.example/account', '/'],
    ['a=b', 'https://x.example/', '/'],
    ['a=b', 'https://x.example', '/'],
    ['a=b', 'https://x.example/a/b/c?q=/x/y#/z', '/a/b'],
    ['a=b; Path=/', HTTPS, '/'],
    ['a=b; Path=/other/x', HTTPS, '/other/x'],
    ['a=b; Path=/trailing/', HTTPS, '/trailing/'],
    ['a=b; Path=/a%2Fb', HTTPS, '/a%2Fb'],
    ['a=b; Path=/x; Path=/y', HTTPS, '/y'],
    ['a=b; PATH=  /spaced  ', HTTPS, '/spaced'],
  ])('%j from %s → %j', (header, url, path) => {
    expect(accepted(header, url).cookie.path).toBe(path);
  });

  test.each([['a=b; Path='], ['a=b; Path'], ['a=b; Path=relative'], ['a=b; Path="/quoted"'], ['a=b; Path=/x; Path=']])(
    '%j → default path with PathInvalid',
    (header) => {
      const r = accepted(header);
      expect(r.cookie.path).toBe('/account');
      expect(r.warnings).toContain('PathInvalid');
    },
  );
});

describe('request URL', () => {
  test.each([
    ['', 'InvalidUrl'],
    ['not a url', 'InvalidUrl'],
    ['http://', 'InvalidUrl'],
    ['https://exa mple.com/', 'InvalidUrl'],
    ['file:///etc/passwd', 'NonHttpScheme'],
    ['ftp://example.com/', 'NonHttpScheme'],
    ['data:text/plain,hi', 'NonHttpScheme'],
    ['chrome-extension://abcdef/page.html', 'NonHttpScheme'],
    ['ws://example.com/', 'accepted'],
    ['HTTPS://EXAMPLE.COM/', 'accepted'],
  ])('%j → %s', (url, expected) => {
    expect(reason('a=b', url)).toBe(expected);
  });

  test('the URL is checked before the line', () => {
    expect(reason('', 'file:///x')).toBe('NonHttpScheme');
  });
});

describe('RFC 6265bis §3.1 examples', () => {
  test.each([
    ['SID=31d4d96e407aad42', { name: 'SID', hostOnly: true, path: '/account' }],
    ['SID=31d4d96e407aad42; Path=/; Domain=example.com', { domain: 'example.com', hostOnly: false, path: '/' }],
    ['SID=31d4d96e407aad42; Path=/; Secure; HttpOnly', { secure: true, httpOnly: true }],
    ['lang=en-US; Path=/; Domain=example.com', { name: 'lang', value: 'en-US', domain: 'example.com' }],
    ['lang=en-US; Expires=Wed, 09 Jun 2021 10:18:14 GMT', { expires: Date.UTC(2021, 5, 9, 10, 18, 14) }],
    ['lang=; Expires=Sun, 06 Nov 1994 08:49:37 GMT', { value: '', expires: Date.UTC(1994, 10, 6, 8, 49, 37) }],
  ])('%j', (header, expected) => {
    expect(accepted(header).cookie).toMatchObject(expected);
  });
});

describe('robustness', () => {
  test('never throws on inputs that break the type contract', () => {
    const odd: unknown[] = [
      undefined,
      null,
      42,
      {},
      Symbol('x'),
      {
        toString: () => {
          throw new Error('x');
        },
      },
    ];
    for (const v of odd) {
      expect(() => evaluateSetCookie(v as unknown as string, v as unknown as string)).not.toThrow();
      expect(() => evaluateSetCookie('a=b', HTTPS, v as unknown as { now: Date })).not.toThrow();
    }
  });

  test('an invalid Date falls back to the real clock rather than producing NaN', () => {
    const r = evaluateSetCookie('a=b; Max-Age=60', HTTPS, { now: new Date(NaN) });
    expect(r.accepted && Number.isFinite(r.cookie.expires)).toBe(true);
  });

  test('now defaults to the current time', () => {
    const before = Date.now();
    const r = evaluateSetCookie('a=b; Max-Age=10', HTTPS);
    const expires = r.accepted ? (r.cookie.expires ?? 0) : 0;
    expect(expires).toBeGreaterThanOrEqual(before + 10_000);
    expect(expires).toBeLessThanOrEqual(Date.now() + 10_000);
  });

  test('100k semicolons and a huge line', () => {
    expect(reason('a=b' + ';'.repeat(100_000))).toBe('accepted');
    expect(reason('a=b; ' + 'x=y; '.repeat(50_000) + 'Secure')).toBe('accepted');
    expect(reason('x'.repeat(1_000_000))).toBe('NameValuePairExceedsMaxSize');
  });
});
