import { describe, expect, test } from 'vitest';
import { parseCookieDate } from './cookie-date';

const iso = (s: string) => Date.parse(s);

describe('parseCookieDate (RFC 6265 §5.1.1)', () => {
  test.each([
    // The three formats RFC 2616 §3.3.1 names, which servers still send.
    ['Sun, 06 Nov 1994 08:49:37 GMT', '1994-11-06T08:49:37Z'],
    ['Sunday, 06-Nov-94 08:49:37 GMT', '1994-11-06T08:49:37Z'],
    ['Sun Nov  6 08:49:37 1994', '1994-11-06T08:49:37Z'],
    // RFC 6265bis examples and the corpus.
    ['Wed, 09 Jun 2021 10:18:14 GMT', '2021-06-09T10:18:14Z'],
    ['Sun, 18-Apr-2027 21:06:29 GMT', '2027-04-18T21:06:29Z'],
    ['Fri 07 Aug 2019 08:04:19 GMT, baz=qux', '2019-08-07T08:04:19Z'],
    ['Fri, 07 Aug 9999 08:04:19 GMT', '9999-08-07T08:04:19Z'],
    // Tokens in any order; each slot is filled by the first token that fits.
    ['2020 jan 1 1:2:3', '2020-01-01T01:02:03Z'],
    ['Jan 2020 01 1:2:3', '2020-01-01T01:02:03Z'],
    ['1:2:3 15 March 2024', '2024-03-15T01:02:03Z'],
    // Month names match on their first three letters, case-insensitively.
    ['1 DECEMBER 2030 00:00:00', '2030-12-01T00:00:00Z'],
    ['1 Septembre 2030 00:00:00', '2030-09-01T00:00:00Z'],
    // Two-digit years: 70–99 → 19xx, 00–69 → 20xx; the rule is on the value.
    ['1 jan 70 00:00:00', '1970-01-01T00:00:00Z'],
    ['1 jan 99 00:00:00', '1999-01-01T00:00:00Z'],
    ['1 jan 00 00:00:00', '2000-01-01T00:00:00Z'],
    ['1 jan 69 00:00:00', '2069-01-01T00:00:00Z'],
    ['1 jan 0069 00:00:00', '2069-01-01T00:00:00Z'],
    // Trailing non-digits after a field are allowed ("non-digit *OCTET").
    ['1st jan 2020 08:04:19Z', '2020-01-01T08:04:19Z'],
    ['1 jan 2020AD 08:04:19', '2020-01-01T08:04:19Z'],
    // Single-digit time fields; delimiters of every kind.
    ['1 jan 2020 8:4:9', '2020-01-01T08:04:09Z'],
    ['1/jan/2020+8:4:9', '2020-01-01T08:04:09Z'],
    ['"1 jan 2020 8:4:9"', '2020-01-01T08:04:09Z'],
    // Boundaries that are valid.
    ['1 jan 1601 00:00:00', '1601-01-01T00:00:00Z'],
    ['31 dec 9999 23:59:59', '9999-12-31T23:59:59Z'],
    ['29 feb 2024 12:00:00', '2024-02-29T12:00:00Z'],
  ])('%j → %s', (input, expected) => {
    expect(parseCookieDate(input)).toBe(iso(expected));
  });

  test.each([
    ['', 'empty'],
    ['Fri, 07 Aug 2019', 'no time'],
    ['07 2019 08:04:19', 'no month'],
    ['Aug 2019 08:04:19', 'no day (2019 is a year, not a day)'],
    ['07 Aug 08:04:19', 'no year'],
    ['0 jan 2020 00:00:00', 'day 0'],
    ['32 jan 2020 00:00:00', 'day 32'],
    ['31 feb 2020 00:00:00', 'a day that does not exist'],
    ['29 feb 2023 00:00:00', 'not a leap year'],
    ['1 jan 1600 00:00:00', 'year before 1601'],
    ['1 jan 2020 24:00:00', 'hour 24'],
    ['1 jan 2020 23:60:00', 'minute 60'],
    ['1 jan 2020 23:59:60', 'second 60 (no leap seconds)'],
    ['1 jan 2020 123:00:00', 'three-digit hour is not a time'],
    ['1 jan 2020 08:04:199', 'three-digit second is not a time'],
    ['1 jan 2020 08:04', 'hh:mm only'],
    ['1 jan 5 00:00:00', 'one-digit year'],
    ['1 jan 20201 00:00:00', 'five-digit year'],
    ['123 jan 2020 00:00:00', 'three-digit day: "123" fills the year slot, so no day is found'],
  ])('%j fails (%s)', (input) => {
    expect(parseCookieDate(input)).toBeNull();
  });

  test('only the first token of each kind counts', () => {
    // The second time and the second year are ignored.
    expect(parseCookieDate('1 jan 2020 01:02:03 04:05:06 2030')).toBe(iso('2020-01-01T01:02:03Z'));
  });

  test('non-ASCII and control characters are non-delimiters, never a crash', () => {
    expect(parseCookieDate('1 jan 2020 01:02:03 \u00e9\u0000\ud800')).toBe(iso('2020-01-01T01:02:03Z'));
    expect(parseCookieDate('\ud83c\udf6a'.repeat(1000))).toBeNull();
  });
});

/** Seen in Firefox ESR 153 by the differential tester (PR_ParseTimeString). */
describe('parseCookieDate, firefox', () => {
  test.each([
    ['Jan 1 2030', '2030-01-01T00:00:00Z'],
    ['Jan 1 20', '2020-01-01T00:00:00Z'],
    [' Jan 1 16', '2016-01-01T00:00:00Z'],
    ['Thu, 31 Feb 20', '2020-03-02T00:00:00Z'],
    ['Jan 1 2030 23:60:00', '2030-01-01T00:00:00Z'],
    ['Jan 1 1600', '1600-01-01T00:00:00Z'],
    ['Sun, 06 Nov 1994 08:49:37 GMT', '1994-11-06T08:49:37Z'],
  ])('%s', (input, expected) => {
    expect(parseCookieDate(input, 2, true)).toBe(Date.parse(expected));
    expect(parseCookieDate(input) === null).toBe(!input.includes(':') || input.includes(':60'));
  });
});
