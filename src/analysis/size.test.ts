import { describe, expect, test } from 'vitest';
import { CHROMIUM_PROFILE, RFC6265_PROFILE } from '../model/limits';
import { cookieBytesFor, cookieSize, splitSetCookieLine, utf8Length } from './size';

describe('utf8Length', () => {
  test.each([
    ['', 0],
    ['abc', 3],
    ['é', 2],
    ['€', 3],
    ['😀', 4],
    ['a😀b', 6],
    ['\ud800', 3], // lone high surrogate → U+FFFD
    ['\udc00x', 4], // lone low surrogate
    ['\ud800\ud800', 6],
  ])('%j is %i bytes', (s, n) => {
    expect(utf8Length(s)).toBe(n);
    if (!/[\ud800-\udfff]/.test(s)) expect(n).toBe(new TextEncoder().encode(s).length);
  });
});

describe('cookieSize', () => {
  test('name + value in bytes, attributes separately', () => {
    expect(cookieSize({ name: 'n', value: 'ü', domain: 'example.com', path: '/a' })).toEqual({
      name: 1,
      value: 2,
      nameValue: 3,
      domain: 11,
      path: 2,
    });
  });

  test.each([
    [CHROMIUM_PROFILE, 3],
    [RFC6265_PROFILE, 3 + 11 + 2],
  ])('bytes counted for $id', (profile, bytes) => {
    expect(cookieBytesFor(profile, cookieSize({ name: 'n', value: 'ü', domain: 'example.com', path: '/a' }))).toBe(bytes);
  });
});

describe('splitSetCookieLine', () => {
  test.each([
    ['a=b', 'a', 'b', []],
    [
      ' a = b ; Path=/ ;Secure',
      'a',
      'b',
      [
        ['Path', '/'],
        ['Secure', ''],
      ],
    ],
    ['novalue', '', 'novalue', []],
    ['a=b=c; x=1=2', 'a', 'b=c', [['x', '1=2']]],
    ['a=; ;  ; HttpOnly', 'a', '', [['HttpOnly', '']]],
    ['', '', '', []],
  ])('%j', (line, name, value, attrs) => {
    const parts = splitSetCookieLine(line);
    expect(parts.name).toBe(name);
    expect(parts.value).toBe(value);
    expect(parts.attributes.map((a) => [a.name, a.value])).toEqual(attrs);
  });

  test('measures the attribute value, lower-cases the key', () => {
    const [attr] = splitSetCookieLine(`a=b; PATH=/${'x'.repeat(1024)}`).attributes;
    expect(attr).toMatchObject({ key: 'path', bytes: 1025 });
  });
});
