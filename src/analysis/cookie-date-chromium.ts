/**
 * Chromium's reading of `Expires` (net/cookies/cookie_util.cc, ParseCookieExpirationTime), which
 * is older than RFC 6265 §5.1.1 and differs from it at the edges. Tokens are split on the same
 * delimiters, but each is classified by its first character instead of being tried in turn:
 * - not a digit: a month (the first token starting with a month name) or ignored;
 * - a digit and a ":" anywhere: the time, read like sscanf("%2u:%2u:%2u"), or dropped;
 * - otherwise a day (at most 2 bytes long) or a year (at most 5 bytes), read like atoi.
 * Years are not bounded: one before 1601 gives a date in the past (the cookie is refused or
 * deletes), one after 9999 a date that the 400-day cap then brings back.
 */

import { utf8Length } from './size';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** The delimiters are the RFC's: TAB and ASCII punctuation and space, but not ":". */
function isDelimiter(c: number): boolean {
  return c === 0x09 || (c >= 0x20 && c <= 0x2f) || (c >= 0x3b && c <= 0x40) || (c >= 0x5b && c <= 0x60) || (c >= 0x7b && c <= 0x7e);
}

const isDigit = (c: number) => c >= 0x30 && c <= 0x39;

/** Leading digits as a number (atoi on a token that starts with a digit). */
function leadingNumber(token: string): number {
  let v = 0;
  for (let i = 0; i < token.length && isDigit(token.charCodeAt(i)); i++) v = v * 10 + token.charCodeAt(i) - 0x30;
  return v;
}

/** sscanf "%2u:%2u:%2u": each number may follow white space (VT and FF can reach here) and has 1–2 digits. */
function scanTime(token: string): [number, number, number] | null {
  const out: number[] = [];
  let i = 0;
  for (let field = 0; field < 3; field++) {
    if (field > 0) {
      if (token.charCodeAt(i) !== 0x3a) return null;
      i++;
    }
    while (token.charCodeAt(i) === 0x0b || token.charCodeAt(i) === 0x0c) i++;
    const start = i;
    let v = 0;
    while (i < token.length && i - start < 2 && isDigit(token.charCodeAt(i))) v = v * 10 + token.charCodeAt(i++) - 0x30;
    if (i === start) return null;
    out.push(v);
  }
  return [out[0] ?? 0, out[1] ?? 0, out[2] ?? 0];
}

/** ms since the epoch (UTC), or null when Chromium finds no date (the attribute then gives a session cookie). */
export function parseChromiumCookieDate(input: string): number | null {
  let time: [number, number, number] | null = null;
  let day = -1;
  let month = 0;
  let year = -1;
  const n = input.length;
  let i = 0;
  while (i < n) {
    while (i < n && isDelimiter(input.charCodeAt(i))) i++;
    if (i >= n) break;
    const start = i;
    while (i < n && !isDelimiter(input.charCodeAt(i))) i++;
    const token = input.slice(start, i);
    if (!isDigit(token.charCodeAt(0))) {
      if (month === 0) month = MONTHS.indexOf(token.slice(0, 3).toLowerCase()) + 1;
    } else if (token.includes(':')) {
      if (time === null) time = scanTime(token);
    } else {
      // Lengths are in bytes, as Chromium sees the header (UTF-8).
      const bytes = token.length > 5 ? 6 : utf8Length(token);
      if (day < 0 && bytes <= 2) day = leadingNumber(token);
      else if (year < 0 && bytes <= 5) year = leadingNumber(token);
    }
  }
  if (time === null || day < 0 || month === 0 || year < 0) return null;
  if (year >= 70 && year <= 99) year += 1900;
  else if (year <= 69) year += 2000;
  const [hour, minute, second] = time;
  if (day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return null;
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  d.setUTCHours(hour, minute, second, 0);
  // An impossible date such as 31 February fails base::Time's round trip.
  if (d.getUTCDate() !== day) return null;
  return d.getTime();
}
