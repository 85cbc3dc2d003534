import { describe, expect, test } from 'vitest';
import { headerValue, setCookieLines } from './header-lines';

describe('setCookieLines', () => {
  test.each([
    [
      'Chromium: one header per line',
      [
        { name: 'Set-Cookie', value: 'a=1' },
        { name: 'set-cookie', value: 'b=2; Path=/' },
      ],
      ['a=1', 'b=2; Path=/'],
    ],
    ['Firefox: one header, lines joined with LF', [{ name: 'Set-Cookie', value: 'a=1\nb=2; Path=/' }], ['a=1', 'b=2; Path=/']],
    ['a blank line is kept (the browser rejects it: NoCookieContent)', [{ name: 'Set-Cookie', value: '' }], ['']],
    ['other headers are ignored', [{ name: 'Content-Type', value: 'text/html' }], []],
    ['no headers at all', undefined, []],
  ])('%s', (_what, headers, lines) => {
    expect(setCookieLines(headers)).toEqual(lines);
  });

  test('bytes that are not UTF-8 arrive as binaryValue and are read as Latin-1, never dropped', () => {
    expect(setCookieLines([{ name: 'Set-Cookie', binaryValue: [0x61, 0x3d, 0xe9, 0xff] }])).toEqual(['a=\u00e9\u00ff']);
  });
});

test('headerValue joins repeated Cookie headers with "; " and others with ", "', () => {
  const h = [
    { name: 'Cookie', value: 'a=1' },
    { name: 'cookie', value: 'b=2' },
    { name: 'Accept', value: 'x' },
    { name: 'Accept', value: 'y' },
  ];
  expect(headerValue(h, 'cookie')).toBe('a=1; b=2');
  expect(headerValue(h, 'accept')).toBe('x, y');
  expect(headerValue(h, 'authorization')).toBeUndefined();
});
