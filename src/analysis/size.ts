/**
 * Cookie sizes as browsers count them: UTF-8 bytes. Chromium (ParsedCookie::
 * kMaxCookieNamePlusValueSize) and Firefox (kMaxBytesPerCookie) both limit name + value to 4096;
 * attribute values over 1024 bytes are ignored (RFC 6265bis §5.6, kMaxCookieAttributeValueSize).
 */
import type { CookieInfo } from '../model/cookie';
import type { LimitProfile } from '../model/limits';

/** UTF-8 length without allocating; a lone surrogate counts 3 bytes, as U+FFFD once encoded. */
export function utf8Length(s: string): number {
  let bytes = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const next = s.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

export interface CookieSize {
  name: number;
  value: number;
  /** What both browsers hold against the 4096-byte limit. */
  nameValue: number;
  domain: number;
  path: number;
}

export function cookieSize(c: Pick<CookieInfo, 'name' | 'value' | 'domain' | 'path'>): CookieSize {
  const name = utf8Length(c.name);
  const value = utf8Length(c.value);
  return { name, value, nameValue: name + value, domain: utf8Length(c.domain), path: utf8Length(c.path) };
}

/**
 * Bytes counted against `profile.perCookieBytes`. The RFC profiles measure name, value and
 * attributes; a stored cookie only shows us Domain and Path, so those are what we add.
 */
export function cookieBytesFor(profile: LimitProfile, size: CookieSize): number {
  return profile.perCookieMeasure === 'name+value' ? size.nameValue : size.nameValue + size.domain + size.path;
}

export interface SetCookieAttribute {
  /** As written, trimmed. */
  name: string;
  /** Lower-cased name, for matching. */
  key: string;
  value: string;
  /** UTF-8 bytes of the value: what the 1024-byte attribute limit measures. */
  bytes: number;
}

export interface SetCookieLineParts {
  name: string;
  value: string;
  nameValueBytes: number;
  attributes: SetCookieAttribute[];
}

/**
 * Splits a raw Set-Cookie line the way RFC 6265bis §5.6 does (name=value up to the first `;`,
 * then `;`-separated attributes) — only to look at names and sizes. Deciding whether the browser
 * accepts the line is src/analysis/set-cookie.ts's job.
 */
export function splitSetCookieLine(line: string): SetCookieLineParts {
  const semi = line.indexOf(';');
  const pair = semi === -1 ? line : line.slice(0, semi);
  const eq = pair.indexOf('=');
  // §5.6: a pair without `=` is a cookie with an empty name and this string as its value.
  const name = eq === -1 ? '' : pair.slice(0, eq).trim();
  const value = (eq === -1 ? pair : pair.slice(eq + 1)).trim();
  const attributes: SetCookieAttribute[] = [];
  if (semi !== -1) {
    for (const part of line.slice(semi + 1).split(';')) {
      const i = part.indexOf('=');
      const attrName = (i === -1 ? part : part.slice(0, i)).trim();
      if (attrName === '') continue;
      const attrValue = i === -1 ? '' : part.slice(i + 1).trim();
      attributes.push({ name: attrName, key: attrName.toLowerCase(), value: attrValue, bytes: utf8Length(attrValue) });
    }
  }
  return { name, value, nameValueBytes: utf8Length(name) + utf8Length(value), attributes };
}
