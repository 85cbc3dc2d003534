/**
 * Rules over what was observed on the wire: raw Set-Cookie lines (what the browser drops or
 * changes is only visible there) and Cookie headers actually sent.
 */
import type { CookieInfo } from '../../model/cookie';
import type { Finding, HeaderSubject, Severity } from '../../model/finding';
import type { LimitProfile } from '../../model/limits';
import type { CookieSentObservation, SetCookieObservation } from '../../model/observation';
import { namePrefix, siteHost, siteOf } from '../classify';
import { parseCookieDate } from '../cookie-date';
import { defaultPath } from '../cookie-match';
import { domainMatch, isLoopback, isPotentiallyTrustworthy } from '../domain';
import { detectSessionId } from '../session-id';
import { splitSetCookieLine, utf8Length, type SetCookieAttribute } from '../size';
import { cookieSubject, makeFinding } from './build';
import { prefixProblemVars, type PrefixProblem } from './cookie-rules';

const DAY_MS = 24 * 60 * 60 * 1000;
const LIFETIME_CAP_S = 400 * 24 * 60 * 60;
const ATTRIBUTE_LIMIT = 1024;

function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

function last(attributes: readonly SetCookieAttribute[], key: string): SetCookieAttribute | undefined {
  for (let i = attributes.length - 1; i >= 0; i--) if (attributes[i]?.key === key) return attributes[i];
  return undefined;
}

function thirdParty(host: string, topLevelSite: string | undefined): boolean {
  if (topLevelSite === undefined) return false;
  const top = siteHost(topLevelSite);
  return top !== '' && host !== '' && siteOf(host) !== siteOf(top);
}

export function setCookieFindings(obs: SetCookieObservation, profile: LimitProfile): Finding[] {
  const out: Finding[] = [];
  const parts = splitSetCookieLine(obs.line);
  const subject: HeaderSubject = { kind: 'header', url: obs.url, name: parts.name };
  if (obs.lineIndex !== undefined) subject.line = obs.lineIndex;
  const add = (id: Finding['id'], vars: Record<string, string | number | boolean | null | undefined> = {}): void => {
    out.push(makeFinding(id, subject, vars));
  };
  const url = parseUrl(obs.url);
  const attrs = parts.attributes;
  const secure = attrs.some((a) => a.key === 'secure');

  if (!obs.outcome.accepted) add('rejected', { reason: obs.outcome.reason, detail: obs.outcome.detail });

  const sameSite = last(attrs, 'samesite');
  if (sameSite) {
    const v = sameSite.value.toLowerCase();
    if (v !== 'strict' && v !== 'lax' && v !== 'none') add('samesite-invalid', { value: sameSite.value });
    if (v === 'none' && !secure) add('samesite-none-insecure');
  }

  for (const a of attrs) {
    if (a.bytes > ATTRIBUTE_LIMIT) add('attribute-oversize', { attribute: a.name, bytes: a.bytes, limit: ATTRIBUTE_LIMIT });
  }

  const nameValue = obs.nameValueBytes ?? parts.nameValueBytes;
  const bytes = profile.perCookieMeasure === 'name+value' ? nameValue : nameValue + utf8Length(obs.line) - parts.nameValueBytes;
  if (bytes > profile.perCookieBytes) add('oversize', { bytes, limit: profile.perCookieBytes, measure: profile.perCookieMeasure });

  const prefix = namePrefix(parts.name);
  if (prefix !== null && url) {
    const problems: PrefixProblem[] = [];
    if (!secure) problems.push('no-secure');
    if (!isPotentiallyTrustworthy(url)) problems.push('insecure-origin');
    let effective = '/';
    if (prefix === '__Host-') {
      if (attrs.some((a) => a.key === 'domain')) problems.push('domain');
      const path = last(attrs, 'path');
      effective = path && path.value.startsWith('/') ? path.value : defaultPath(url.pathname);
      if (effective !== '/') problems.push('path');
    }
    if (problems.length > 0) add('prefix-violation', { prefix, ...prefixProblemVars(problems, effective) });
  }

  // Max-Age wins over Expires (RFC 6265bis §5.7); Expires is read with the §5.1.1 date algorithm.
  const maxAge = last(attrs, 'max-age');
  if (maxAge && /^-?\d+$/.test(maxAge.value)) {
    const seconds = Number(maxAge.value);
    if (seconds > LIFETIME_CAP_S) add('expiry-over-400-days', { days: Math.round(seconds / 86_400) });
  } else {
    const expires = last(attrs, 'expires');
    const at = expires ? parseCookieDate(expires.value) : null;
    if (at !== null && at - obs.time > LIFETIME_CAP_S * 1000) {
      add('expiry-over-400-days', { days: Math.round((at - obs.time) / DAY_MS) });
    }
  }

  if (url && thirdParty(url.hostname, obs.topLevelSite)) {
    add('third-party', { topLevelSite: obs.topLevelSite, domain: url.hostname.toLowerCase() });
  }
  return out;
}

/** Cookies named `name` that would have been sent to `host`, in key order. */
function matching(byName: ReadonlyMap<string, readonly CookieInfo[]>, name: string, host: string): CookieInfo[] {
  return (byName.get(name) ?? []).filter((c) => (c.hostOnly ? c.domain === host : domainMatch(host, c.domain)));
}

export function cookieSentFindings(obs: CookieSentObservation, byName: ReadonlyMap<string, readonly CookieInfo[]>): Finding[] {
  const url = parseUrl(obs.url);
  if (!url) return [];
  const host = url.hostname.toLowerCase();
  const cleartext = url.protocol === 'http:' || url.protocol === 'ws:';
  const third = thirdParty(host, obs.topLevelSite);
  if (!cleartext && !third) return [];
  const out: Finding[] = [];
  const origin: HeaderSubject = { kind: 'header', url: `${url.protocol}//${url.host}/` };
  for (const name of [...new Set(obs.cookieNames)].sort()) {
    const cookies = matching(byName, name, host);
    const subjects = cookies.length > 0 ? cookies.map(cookieSubject) : [{ ...origin, name }];
    const value = cookies[0]?.value;
    for (const subject of subjects) {
      if (cleartext) {
        const sid = detectSessionId(name, value)?.isSessionId === true;
        const severity: Severity | undefined = isLoopback(host) ? 'info' : sid ? 'high' : undefined;
        out.push(makeFinding('sent-over-http', subject, { url: origin.url, sessionId: sid || undefined }, severity));
      }
      if (third) {
        const domain = subject.kind === 'header' ? host : undefined;
        out.push(makeFinding('third-party', subject, { topLevelSite: obs.topLevelSite, domain }));
      }
    }
  }
  return out;
}
