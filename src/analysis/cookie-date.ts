/**
 * The cookie-date algorithm of RFC 6265 §5.1.1 (unchanged in RFC 6265bis): the lenient parser
 * user agents apply to `Expires`. Tokens are split on delimiters, then each token is tried as a
 * time, a day of month, a month and a year, in that order, each slot filled once.
 */

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** delimiter = %x09 / %x20-2F / %x3B-40 / %x5B-60 / %x7B-7E */
function isDelimiter(c: number): boolean {
  return c === 0x09 || (c >= 0x20 && c <= 0x2f) || (c >= 0x3b && c <= 0x40) || (c >= 0x5b && c <= 0x60) || (c >= 0x7b && c <= 0x7e);
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/**
 * Reads `min`..`max` digits at `pos` that must be followed by the end of the token or by
 * `next` (when given) or, when `next` is -1, by any non-digit. Returns [value, end] or null.
 */
function digits(token: string, pos: number, min: number, max: number, next: number): [number, number] | null {
  let end = pos;
  let value = 0;
  while (end < token.length && end - pos < max && isDigit(token.charCodeAt(end))) {
    value = value * 10 + (token.charCodeAt(end) - 0x30);
    end++;
  }
  if (end - pos < min) return null;
  if (end === token.length) return next === -1 ? [value, end] : null;
  const c = token.charCodeAt(end);
  if (next === -1 ? isDigit(c) : c !== next) return null;
  return [value, end];
}

/** time = hms-time ( non-digit *OCTET ); hms-time = 1*2DIGIT ":" 1*2DIGIT ":" 1*2DIGIT */
function matchTime(token: string): [number, number, number] | null {
  const h = digits(token, 0, 1, 2, 0x3a);
  if (!h) return null;
  const m = digits(token, h[1] + 1, 1, 2, 0x3a);
  if (!m) return null;
  const s = digits(token, m[1] + 1, 1, 2, -1);
  if (!s) return null;
  return [h[0], m[0], s[0]];
}

/** month = ( "jan" / … / "dec" ) *OCTET, case-insensitively. Returns 1–12 or 0. */
function matchMonth(token: string): number {
  if (token.length < 3) return 0;
  const prefix = token.slice(0, 3).toLowerCase();
  return MONTHS.indexOf(prefix) + 1;
}

/**
 * Parses a cookie-date and returns ms since the epoch (UTC), or null when the algorithm fails
 * (then the `Expires` attribute is ignored). Never throws. `minYearDigits` 1: Chromium also takes a
 * one-digit year (net/cookies/cookie_util.cc ParseCookieExpirationTime), as 200x. `firefox`: the
 * ways NSPR's PR_ParseTimeString, which Firefox uses, was seen to read more (no time of day or an
 * impossible one means midnight, impossible dates roll over); it is not a full model of that parser.
 */
export function parseCookieDate(input: string, minYearDigits: 1 | 2 = 2, firefox = false): number | null {
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

    if (time === null) {
      const t = matchTime(token);
      if (t) {
        time = t;
        continue;
      }
    }
    if (day < 0) {
      const d = digits(token, 0, 1, 2, -1);
      if (d) {
        day = d[0];
        continue;
      }
    }
    if (month === 0) {
      const m = matchMonth(token);
      if (m) {
        month = m;
        continue;
      }
    }
    if (year < 0) {
      const y = digits(token, 0, minYearDigits, 4, -1);
      if (y) year = y[0];
    }
  }

  // Firefox (NSPR's PR_ParseTimeString) needs no time of day: it is then midnight.
  if (time === null && firefox) time = [0, 0, 0];
  if (time === null || day < 0 || month === 0 || year < 0) return null;
  // Two-digit years (§5.1.1 steps 3–4): 70–99 → 19xx, 0–69 → 20xx. The rule is on the value,
  // so "0069" also becomes 2069, as the RFC's text says.
  if (year >= 70 && year <= 99) year += 1900;
  else if (year <= 69) year += 2000;
  // Firefox was seen to read "23:60:00" as no time at all, i.e. midnight.
  if (firefox && (time[0] > 23 || time[1] > 59 || time[2] > 59)) time = [0, 0, 0];
  const [hour, minute, second] = time;
  // NSPR has no lower bound: Firefox reads "Jan 1 1600" as a date in the past.
  if (day < 1 || day > 31 || (year < 1601 && !firefox) || hour > 23 || minute > 59 || second > 59) return null;

  const ms = Date.UTC(year, month - 1, day, hour, minute, second);
  // "If the date does not exist (e.g. 31 February), abort": Date.UTC would roll it over.
  // NSPR normalizes it instead (PR_NormalizeTime), so Firefox reads 31 Feb as 2 or 3 March.
  if (new Date(ms).getUTCDate() !== day && !firefox) return null;
  return ms;
}

/**
 * Firefox parses Expires with NSPR's PR_ParseTimeString, which honours a numeric zone such as
 * "+0200" (the RFC algorithm reads "+" as a delimiter and ignores it). Returns the offset in ms
 * east of UTC, or 0.
 */
export function numericZoneOffsetMs(input: string): number {
  const m = /(?:^|[\s])([+-])(\d{2})(\d{2})(?!\d)/.exec(input);
  if (!m) return 0;
  const minutes = Number(m[2]) * 60 + Number(m[3]);
  return (m[1] === '-' ? -1 : 1) * minutes * 60_000;
}
