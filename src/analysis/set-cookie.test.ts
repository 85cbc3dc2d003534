import { describe, expect, test } from 'vitest';
import {
  evaluateSetCookie,
  MAX_COOKIE_AGE_MS,
  type AcceptedCookie,
  type SetCookieEvaluation,
  type SetCookieRejectReason,
  type SetCookieWarning,
} from './set-cookie';

const NOW = new Date('2026-11-21T12:00:00Z');
const T = NOW.getTime();
const DAY = 86_400_000;
const HTTPS = 'https://www.example.com/account/login';
const HTTP = 'http://www.example.com/account/login';

function ev(header: string, url = HTTPS): SetCookieEvaluation {
  return evaluateSetCookie(header, url, { now: NOW });
}

function accepted(header: string, url = HTTPS): { cookie: AcceptedCookie; warnings: SetCookieWarning[] } {
  const r = ev(header, url);
  if (!r.accepted) throw new Error(`expected ${JSON.stringify(header)} to be accepted, got ${r.reason}: ${r.detail}`);
  return r;
}

function reason(header: string, url = HTTPS): SetCookieRejectReason | 'accepted' {
  const r = ev(header, url);
  return r.accepted ? 'accepted' : r.reason;
}

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

describe('§5.6 name and value', () => {
  test.each([
    ['foo=bar', 'foo', 'bar'],
    ['  foo  =  bar  ', 'foo', 'bar'],
    ['\tfoo\t=\tbar\t', 'foo', 'bar'],
    ['foo==bar=', 'foo', '=bar='],
    ['foo=', 'foo', ''],
    ['foo="bar"', 'foo', '"bar"'],
    ['foo="bar;baz"', 'foo', '"bar'],
    ['foo=bar, baz=qux', 'foo', 'bar, baz=qux'],
    ['foo bar=baz qux', 'foo bar', 'baz qux'],
    ['$Version=1; foo=bar', '$Version', '1'],
    ['\u6625\u8282=\u56de\u5bb6', '\u6625\u8282', '\u56de\u5bb6'],
    // Nameless cookies (RFC 6265bis §5.6 step 3; Chromium and Firefox): no "=" → value only.
    ['foo', '', 'foo'],
    ['  foo  ; Path=/', '', 'foo'],
    ['=foo', '', 'foo'],
    ['=a=bar', '', 'a=bar'],
    [' =eight', '', 'eight'],
    ['foo;bar=baz', '', 'foo'],
    ['"foo;bar"=baz', '', '"foo'],
  ])('%j → name %j value %j', (header, name, value) => {
    const { cookie } = accepted(header);
    expect([cookie.name, cookie.value]).toEqual([name, value]);
  });

  test.each([[''], ['   '], ['\t'], ['='], [' = '], ['; Path=/'], [';'], ['=;=']])('%j has no content', (header) => {
    expect(reason(header)).toBe('NoCookieContent');
  });

  test('attributes are not mistaken for the pair, nor unknown ones for known ones', () => {
    const { cookie } = accepted('a=b; Secure2; xsecure; "Secure"; Path/=/x; Max-Agee=5');
    expect(cookie).toMatchObject({ secure: false, path: '/account', expires: null });
  });
});

describe('control characters (Chromium: rejected, never truncated)', () => {
  test.each([
    ['NUL', 'AAA=BB\u0000ZYX'],
    ['CR', 'AAA=BB\rZYX'],
    ['LF', 'AAA=BB\nZYX'],
    ['LF in an attribute', 'AAA=BB; Path=/\n'],
    ['U+0001', 'a\u0001=b'],
    ['U+001F', 'a=b\u001f'],
    ['DEL', 'a=b; Domain=exa\u007fmple.com'],
    ['HTAB inside the value', 'a=b\tc'],
    ['HTAB inside the name', 'a\tb=c'],
    ['HTAB inside an attribute value', 'a=b; Path=/x\ty'],
    ['HTAB inside an unknown attribute', 'a=b; foo=x\ty'],
  ])('%s → DisallowedCharacter', (_what, header) => {
    expect(reason(header)).toBe('DisallowedCharacter');
  });

  test('HTAB as surrounding whitespace is fine', () => {
    expect(accepted('\ta\t=\tb\t;\tPath\t=\t/\t').cookie).toMatchObject({ name: 'a', value: 'b', path: '/' });
  });

  test('C1 controls and other non-ASCII are allowed (Chromium checks bytes ≤ 0x1F and 0x7F only)', () => {
    expect(accepted('a=\u0085\u00a0\u2028').cookie.value).toBe('\u0085\u00a0\u2028');
  });
});

describe('size limits (RFC 6265bis §5.6 steps 5–6)', () => {
  test.each([
    ['4096 ASCII bytes', 'accepted', 'a=' + 'x'.repeat(4095)],
    ['4097 ASCII bytes', 'NameValuePairExceedsMaxSize', 'a=' + 'x'.repeat(4096)],
    ['nameless, 4096 bytes', 'accepted', 'x'.repeat(4096)],
    ['nameless, 4097 bytes', 'NameValuePairExceedsMaxSize', 'x'.repeat(4097)],
    ['1365 × 3-byte chars + 1 = 4096', 'accepted', 'a=' + '\u20ac'.repeat(1365)],
    ['1366 × 3-byte chars + 1 = 4099', 'NameValuePairExceedsMaxSize', 'a=' + '\u20ac'.repeat(1366)],
    ['1024 × 4-byte emoji = 4096', 'accepted', '\ud83c\udf6a'.repeat(1024)],
    ['lone surrogates count as 3 bytes', 'NameValuePairExceedsMaxSize', '\ud800'.repeat(1366)],
    ['whitespace around is trimmed first', 'accepted', '  a=' + 'x'.repeat(4095) + '   '],
  ])('%s → %s', (_what, expected, header) => {
    expect(reason(header)).toBe(expected);
  });

  test('an attribute value over 1024 bytes is ignored with a warning; 1024 is fine', () => {
    const long = '/' + 'p'.repeat(1024);
    const r = accepted(`a=b; Path=/ok; Path=${long}`);
    expect(r.cookie.path).toBe('/ok');
    expect(r.warnings).toContain('AttributeValueExceedsMaxSize:path');
    expect(accepted(`a=b; Path=/${'p'.repeat(1023)}`).cookie.path).toHaveLength(1024);
  });

  test.each([
    ['domain', `Domain=${'a'.repeat(1021)}.com`],
    ['expires', `Expires=${'Sun, 06 Nov 1994 08:49:37 GMT '.repeat(40)}`],
    ['max-age', `Max-Age=${'1'.repeat(1025)}`],
    ['samesite', `SameSite=${'x'.repeat(1025)}`],
    ['secure', `Secure=${'x'.repeat(1025)}`],
  ])('oversize %s is dropped entirely', (attr, av) => {
    const r = accepted(`a=b; ${av}`);
    expect(r.warnings).toEqual([`AttributeValueExceedsMaxSize:${attr}`]);
    expect(r.cookie).toMatchObject({ hostOnly: true, expires: null, secure: false, sameSite: 'unspecified' });
  });

  test('oversize multi-byte attribute values are measured in UTF-8 bytes', () => {
    expect(accepted(`a=b; Path=/${'\u00e9'.repeat(511)}`).warnings).toEqual([]); // 1 + 1022 bytes
    expect(accepted(`a=b; Path=/${'\u00e9'.repeat(512)}`).warnings).toEqual(['AttributeValueExceedsMaxSize:path']);
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
    // Chromium requires a cryptographic scheme for prefixes, even where Secure itself is allowed.
    ['__Secure-a=b; Secure', 'http://localhost/', 'InvalidPrefix'],
    ['__Host-a=b; Secure; Path=/', HTTPS, 'accepted'],
    ['__host-a=b; Secure; Path=/', HTTPS, 'accepted'],
    ['__Host-a=b; Secure; Path=/; Domain=', HTTPS, 'accepted'],
    ['__Host-a=b; Secure', HTTPS, 'InvalidPrefix'],
    ['__Host-a=b; Secure; Path=/x', HTTPS, 'InvalidPrefix'],
    ['__Host-a=b; Secure; Path=/; Path=/x', HTTPS, 'InvalidPrefix'],
    ['__Host-a=b; Secure; Path=/; Domain=www.example.com', HTTPS, 'InvalidPrefix'],
    ['__Host-a=b; Path=/', HTTPS, 'InvalidPrefix'],
    ['__Host-a=b; Secure; Path=/', 'http://localhost/', 'InvalidPrefix'],
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

describe('warnings', () => {
  test.each([
    ['a=b; Path=/x; Path=/y', ['AttributeDuplicated:path']],
    ['a=b; Domain=example.com; domain=example.com', ['AttributeDuplicated:domain']],
    ['a=b; Max-Age=1; max-age=2; MAX-AGE=3', ['AttributeDuplicated:max-age']],
    ['a=b; Secure; Secure', []],
    ['a=b; unknown=1; unknown=2', []],
    ['a=b; Expires=nope; Max-Age=nope; Path=nope; SameSite=nope', ['ExpiresInvalid', 'MaxAgeInvalid', 'SameSiteInvalid', 'PathInvalid']],
  ])('%j → %j', (header, warnings) => {
    expect(accepted(header).warnings).toEqual(warnings);
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
    const odd = [undefined, null, 42, {}, Symbol('x'), { toString: () => { throw new Error('x'); } }];
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
    const expires = r.accepted ? r.cookie.expires ?? 0 : 0;
    expect(expires).toBeGreaterThanOrEqual(before + 10_000);
    expect(expires).toBeLessThanOrEqual(Date.now() + 10_000);
  });

  test('100k semicolons and a huge line', () => {
    expect(reason('a=b' + ';'.repeat(100_000))).toBe('accepted');
    expect(reason('a=b; ' + 'x=y; '.repeat(50_000) + 'Secure')).toBe('accepted');
    expect(reason('x'.repeat(1_000_000))).toBe('NameValuePairExceedsMaxSize');
    expect(DAY).toBeGreaterThan(0);
  });
});
