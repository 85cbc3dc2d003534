import { describe, expect, test } from 'vitest';
import { parseCookieDate } from './cookie-date';
import { parseChromiumCookieDate } from './cookie-date-chromium';

const at = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0) => {
  const date = new Date(0);
  date.setUTCFullYear(y, mo - 1, d);
  date.setUTCHours(h, mi, s, 0);
  return date.getTime();
};

/** Chromium's ParseCookieExpirationTime, as the differential tester saw it in Chromium 156. */
describe('parseChromiumCookieDate', () => {
  test.each([
    ['Sun, 06 Nov 1994 08:49:37 GMT', at(1994, 11, 6, 8, 49, 37)],
    ['Sunday, 06-Nov-94 08:49:37 GMT', at(1994, 11, 6, 8, 49, 37)],
    ['Sun Nov  6 08:49:37 1994', at(1994, 11, 6, 8, 49, 37)],
    // A year of up to five digits, unbounded: the cookie's 400-day cap applies later.
    ['Jan 1 10000 00:00:00', at(10000, 1, 1)],
    // A three-digit year is a date in the past (the RFC needs 2 or 4 digits and ignores it).
    ['Jan 1 100 00:00:00', at(100, 1, 1)],
    ['1 jan 1600 00:00:00', at(1600, 1, 1)],
    // One-digit years are 200x.
    ['Jan 1 0 0:0:0', at(2000, 1, 1)],
    // sscanf("%2u"): the seconds stop after two digits, whatever follows.
    ['1 jan 2030 1:2:345', at(2030, 1, 1, 1, 2, 34)],
    // A digit-led token with ":" that is not a time is dropped, not read as a day.
    ['12:30 1 jan 2030 01:02:03', at(2030, 1, 1, 1, 2, 3)],
    ['12:30 jan 2030 01:02:03', null],
  ])('%s', (input, want) => {
    expect(parseChromiumCookieDate(input)).toBe(want);
  });

  test('the RFC reads some of these differently', () => {
    expect(parseCookieDate('Jan 1 10000 00:00:00')).toBeNull();
    expect(parseCookieDate('Jan 1 100 00:00:00')).toBeNull();
    expect(parseCookieDate('12:30 jan 2030 01:02:03')).toBe(at(2030, 1, 12, 1, 2, 3));
  });

  test.each([
    '',
    'soon',
    '1 jan 2030',
    'jan 2030 01:02:03',
    '31 feb 2030 00:00:00',
    '1 jan 2030 24:00:00',
    '1 jan 2030 00:00:60',
    '0 jan 2030 00:00:00',
  ])('no date: %j', (input) => {
    expect(parseChromiumCookieDate(input)).toBeNull();
  });
});
