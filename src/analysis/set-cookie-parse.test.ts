import { describe, expect, test } from 'vitest';
import { accepted, reason } from './set-cookie.test-helpers';

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
