/**
 * RFC 6265bis §5.6 parsing of one set-cookie-string into name, value and the attributes a
 * browser acts on, with Chromium's character rules. The storage-model checks that need the
 * request URL live in ./set-cookie.ts.
 */
import type { KnownCookieAttribute, SetCookieRejectReason, SetCookieSameSite, SetCookieWarning } from '../model/set-cookie';
import { numericZoneOffsetMs, parseCookieDate } from './cookie-date';
import { parseChromiumCookieDate } from './cookie-date-chromium';
import { utf8Length } from './size';

export const MAX_NAME_VALUE_BYTES = 4096;
export const MAX_ATTRIBUTE_VALUE_BYTES = 1024;

export interface ParsedAttributes {
  /** Last valid `Expires`, ms since the epoch. */
  expires?: number;
  /** Last valid `Max-Age` in seconds; may be ±Infinity for absurdly long digit strings. */
  maxAge?: number;
  /** Last `Domain`: trimmed, one leading dot removed (unless it is all), lower-cased; may be empty. */
  domain?: string;
  /** Last `Path` exactly as given (trimmed); may be invalid, see ./set-cookie.ts. */
  path?: string;
  secure: boolean;
  httpOnly: boolean;
  partitioned: boolean;
  sameSite?: SetCookieSameSite;
  priority?: 'low' | 'medium' | 'high';
}

export type ParsedSetCookie =
  | { ok: true; name: string; value: string; attributes: ParsedAttributes; warnings: SetCookieWarning[] }
  | { ok: false; reason: SetCookieRejectReason; detail: string };

/**
 * CTLs other than HTAB. RFC 6265bis §5.6 step 1 ignores such a line entirely; Chromium agrees
 * and, since kBlockTruncatedCookies became permanent, no longer truncates at NUL/CR/LF either
 * (net/cookies/parsed_cookie.cc, "Block cookies that were truncated by control characters").
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const DISALLOWED_CTL = /[\x00-\x08\x0a-\x1f\x7f]/;

/** WSP = SP / HTAB; String.prototype.trim would also strip NBSP, LF and friends. */
export function trimWsp(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && (s.charCodeAt(start) === 0x20 || s.charCodeAt(start) === 0x09)) start++;
  while (end > start && (s.charCodeAt(end - 1) === 0x20 || s.charCodeAt(end - 1) === 0x09)) end--;
  return start === 0 && end === s.length ? s : s.slice(start, end);
}

/**
 * The name and value of a Set-Cookie line, split as RFC 6265bis §5.6 steps 1–5 do: the pair ends at
 * the first ';', the name at the first '='; a pair without '=' is a value with an empty name.
 */
export function splitSetCookiePair(line: string): { name: string; value: string; pairEnd: number; eq: number } {
  const semi = line.indexOf(';');
  const pairEnd = semi === -1 ? line.length : semi;
  const pair = line.slice(0, pairEnd);
  const eq = pair.indexOf('=');
  if (eq === -1) return { name: '', value: trimWsp(pair), pairEnd, eq };
  return { name: trimWsp(pair.slice(0, eq)), value: trimWsp(pair.slice(eq + 1)), pairEnd, eq };
}

/** A UTF-16 string of length L has at most 3L UTF-8 bytes: skip the count when it cannot matter. */
function exceeds(s: string, limit: number): boolean {
  return s.length > limit || (s.length * 3 > limit && utf8Length(s) > limit);
}

function addWarning(warnings: SetCookieWarning[], w: SetCookieWarning): void {
  if (!warnings.includes(w)) warnings.push(w);
}

const MAX_AGE = /^-?[0-9]+$/;
/** Chromium reads Max-Age with base::StringToInt64, which also takes a leading "+". */
const MAX_AGE_CHROMIUM = /^[-+]?[0-9]+$/;

/** Attributes whose repetition is worth a warning (the flags are idempotent). */
const SIZE_CHECKED_FIREFOX: ReadonlySet<string> = new Set(['expires', 'max-age', 'domain', 'path']);
const VALUED: ReadonlySet<string> = new Set(['expires', 'max-age', 'domain', 'path', 'samesite', 'priority']);

const KNOWN: ReadonlySet<string> = new Set<KnownCookieAttribute>([
  'expires',
  'max-age',
  'domain',
  'path',
  'secure',
  'httponly',
  'samesite',
  'partitioned',
  'priority',
]);

function reject(reason: SetCookieRejectReason, detail: string): ParsedSetCookie {
  return { ok: false, reason, detail };
}

/**
 * Chromium rejects an HTAB that survives trimming in any name, value, attribute name or value
 * (HttpUtil::IsControlChar includes 0x09); RFC 6265bis and Firefox accept it. We follow Chromium.
 */
function hasInnerTab(s: string): boolean {
  return s.includes('\t');
}

/**
 * Which browser's parsing to follow where Chromium and Firefox disagree (seen with the test
 * site's /malformed route): Firefox reads a pair without "=" as a NAME with an empty value,
 * refuses an empty name before "=", and keeps horizontal tabs. `spec` (the default) is RFC
 * 6265bis as Chromium implements it.
 */
export type CookieEngine = 'spec' | 'chromium' | 'firefox';

export function parseSetCookie(header: string, engine: CookieEngine = 'spec'): ParsedSetCookie {
  const firefox = engine === 'firefox';
  const ctl = DISALLOWED_CTL.exec(header);
  if (ctl) {
    const code = header.charCodeAt(ctl.index).toString(16).padStart(4, '0').toUpperCase();
    return reject('DisallowedCharacter', `U+${code} at offset ${ctl.index}`);
  }
  const tabs = !firefox && header.includes('\t');

  // §5.6 steps 2–4: name-value-pair up to the first ";", split at its first "=".
  const semi = header.indexOf(';');
  const pair = semi < 0 ? header : header.slice(0, semi);
  const eq = pair.indexOf('=');
  let name = eq < 0 ? '' : trimWsp(pair.slice(0, eq));
  let value = trimWsp(eq < 0 ? pair : pair.slice(eq + 1));
  if (firefox && eq < 0) {
    // Firefox (CookieParser): no "=" means a name without a value.
    name = value;
    value = '';
  } else if (firefox && name === '' && value !== '') {
    return reject('NoCookieContent', 'Firefox refuses a cookie with an empty name');
  } else if (engine === 'chromium' && name === '' && value.includes('=')) {
    // Chromium (CanonicalCookie) refuses it: "=a=b" would come back in the Cookie header as a=b,
    // a cookie named "a". RFC 6265bis stores it.
    return reject('NoCookieContent', 'Chromium refuses a nameless cookie whose value contains "="');
  }

  if (name === '' && value === '') return reject('NoCookieContent', 'empty name and value');
  if ((name.length + value.length) * 3 > MAX_NAME_VALUE_BYTES) {
    const bytes = utf8Length(name) + utf8Length(value);
    if (bytes > MAX_NAME_VALUE_BYTES) return reject('NameValuePairExceedsMaxSize', `${bytes} bytes > 4096`);
  }
  if (tabs && (hasInnerTab(name) || hasInnerTab(value))) {
    return reject('DisallowedCharacter', 'HTAB inside the cookie name or value');
  }

  const attributes: ParsedAttributes = { secure: false, httpOnly: false, partitioned: false };
  const warnings: SetCookieWarning[] = [];
  const seen = new Set<string>();

  let pos = semi;
  while (pos >= 0) {
    const next = header.indexOf(';', pos + 1);
    const av = next < 0 ? header.slice(pos + 1) : header.slice(pos + 1, next);
    pos = next;
    if (av === '') continue;

    const e = av.indexOf('=');
    const attrName = trimWsp(e < 0 ? av : av.slice(0, e));
    const attrValue = e < 0 ? '' : trimWsp(av.slice(e + 1));
    if (tabs && (hasInnerTab(attrName) || hasInnerTab(attrValue))) {
      return reject('DisallowedCharacter', 'HTAB inside an attribute');
    }
    // Longest attribute we act on is "partitioned" (11): anything longer is unknown, ignored.
    if (attrName.length === 0 || attrName.length > 11) continue;
    const key = attrName.toLowerCase();
    if (!KNOWN.has(key)) continue;
    const known = key as KnownCookieAttribute;

    // Firefox (CookieParser::CheckAttributeSize) caps only these four; an oversized SameSite still counts.
    if ((!firefox || SIZE_CHECKED_FIREFOX.has(known)) && exceeds(attrValue, MAX_ATTRIBUTE_VALUE_BYTES)) {
      addWarning(warnings, `AttributeValueExceedsMaxSize:${known}`);
      continue;
    }
    if (VALUED.has(known)) {
      if (seen.has(known)) addWarning(warnings, `AttributeDuplicated:${known}`);
      seen.add(known);
    }
    applyAttribute(attributes, warnings, known, attrValue, engine);
  }
  return { ok: true, name, value, attributes, warnings };
}

function applyAttribute(
  a: ParsedAttributes,
  warnings: SetCookieWarning[],
  key: KnownCookieAttribute,
  value: string,
  engine: CookieEngine,
): void {
  switch (key) {
    case 'expires': {
      const ms = engine === 'chromium' ? parseChromiumCookieDate(value) : parseCookieDate(value, 2, engine === 'firefox');
      if (ms !== null) a.expires = engine === 'firefox' ? ms - numericZoneOffsetMs(value) : ms;
      else {
        addWarning(warnings, 'ExpiresInvalid');
        // Both browsers keep only the last Expires and Max-Age, valid or not (Chromium's
        // ParsedCookie, Firefox's CookieParser::ParseAttributes), and parse it afterwards.
        if (engine !== 'spec') delete a.expires;
      }
      return;
    }
    case 'max-age':
      // Firefox (CookieParser::ParseMaxAgeAttribute): anything starting with "-" has expired.
      if (engine === 'firefox' && value.startsWith('-')) a.maxAge = 0;
      // §5.6.2: a DIGIT or "-" first, then DIGITs only; otherwise the attribute is ignored.
      else if ((engine === 'chromium' ? MAX_AGE_CHROMIUM : MAX_AGE).test(value)) a.maxAge = Number(value);
      else {
        addWarning(warnings, 'MaxAgeInvalid');
        if (engine !== 'spec') delete a.maxAge;
      }
      return;
    case 'domain':
      // A lone "." stays: both browsers reject it rather than read it as an empty Domain.
      a.domain = (value.length > 1 && value.charCodeAt(0) === 0x2e ? value.slice(1) : value).toLowerCase();
      return;
    case 'path':
      a.path = value;
      return;
    case 'secure':
      a.secure = true;
      return;
    case 'httponly':
      a.httpOnly = true;
      return;
    case 'partitioned':
      a.partitioned = true;
      return;
    case 'samesite': {
      const v = value.toLowerCase();
      if (v === 'strict' || v === 'lax' || v === 'none') a.sameSite = v;
      else {
        // §5.6.7: an unknown value yields "Default" enforcement, and the last SameSite wins.
        a.sameSite = 'unspecified';
        addWarning(warnings, 'SameSiteInvalid');
      }
      return;
    }
    case 'priority': {
      const v = value.toLowerCase();
      if (v === 'low' || v === 'medium' || v === 'high') a.priority = v;
      else addWarning(warnings, 'PriorityInvalid');
      return;
    }
  }
}
