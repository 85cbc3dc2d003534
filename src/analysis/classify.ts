/**
 * Per-cookie classification: session vs persistent (with the 400-day cap browsers apply),
 * first- vs third-party, registrable domain, size, session-ID and JWT detection, name prefix.
 * Everything a table row or a finding rule needs, computed once per cookie.
 */
import type { CookieInfo } from '../model/cookie';
import { isLoopback, registrableDomain } from './domain';
import { detectJwt, type JwtInfo } from './jwt';
import { detectSessionId, type SessionIdMatch } from './session-id';
import { cookieSize, type CookieSize } from './size';

const DAY_MS = 24 * 60 * 60 * 1000;
/** RFC 6265bis §5.5: user agents cap expiry at 400 days from creation (Chromium M104+, Firefox). */
export const DEFAULT_MAX_AGE_DAYS = 400;

export interface ExpiryInfo {
  persistence: 'session' | 'persistent';
  /** Stored expiry (ms), null for a session cookie. */
  expires: number | null;
  /** What the server asked for, when known; else the stored expiry. */
  requested: number | null;
  /** Expiry after the cap, counted from creation (or from `now` when creation is unknown). */
  effective: number | null;
  /** The requested expiry is beyond the cap, so the browser clamps (or should have clamped) it. */
  exceedsCap: boolean;
  expired: boolean;
  /** effective − now; null for session cookies. */
  remainingMs: number | null;
}

export function expiryOf(c: CookieInfo, now: number, maxAgeDays: number | null = DEFAULT_MAX_AGE_DAYS): ExpiryInfo {
  const expires = c.expires;
  const requested = c.requestedExpires !== undefined ? c.requestedExpires : expires;
  if (expires === null && requested === null) {
    return {
      persistence: 'session',
      expires: null,
      requested: null,
      effective: null,
      exceedsCap: false,
      expired: false,
      remainingMs: null,
    };
  }
  const base = c.createdAt ?? now;
  const cap = maxAgeDays === null ? Infinity : base + maxAgeDays * DAY_MS;
  const exceedsCap = requested !== null && requested > cap;
  const stored = expires ?? requested;
  const effective = stored === null ? null : Math.min(stored, cap);
  return {
    persistence: expires === null ? 'session' : 'persistent',
    expires,
    requested,
    effective,
    exceedsCap,
    expired: effective !== null && effective <= now,
    remainingMs: effective === null ? null : effective - now,
  };
}

const SITES = new Map<string, string>();

/**
 * `registrableDomain`, memoised. The Public Suffix List lookup is the costliest step per cookie
 * (see `npm run bench:analysis`) and a profile reuses a few hundred hosts across classification,
 * limits and observations. The function is pure, so a cache cannot change results; it is bounded.
 */
export function siteOf(host: string): string {
  let site = SITES.get(host);
  if (site === undefined) {
    if (SITES.size >= 10_000) SITES.clear();
    site = registrableDomain(host);
    SITES.set(host, site);
  }
  return site;
}

export type Party = 'first' | 'third' | 'unknown';

/**
 * Host of a top-level site given as an origin (`https://example.com`), a URL or a bare host.
 * Returns '' when nothing host-like can be found.
 */
export function siteHost(site: string): string {
  const s = site.trim();
  if (s === '') return '';
  try {
    return new URL(s.includes('://') ? s : `http://${s}`).hostname.toLowerCase();
  } catch {
    return '';
  }
}

/**
 * Third-party = the cookie's registrable domain differs from the top-level site's. Without a
 * top-level site, a partitioned cookie is judged against its partition; otherwise `unknown`.
 */
export function partyOf(c: CookieInfo, topLevelHost?: string, site: (host: string) => string = siteOf): Party {
  const host = topLevelHost !== undefined && topLevelHost !== '' ? topLevelHost : c.partition ? siteHost(c.partition.topLevelSite) : '';
  if (host === '') return 'unknown';
  return site(c.domain) === site(host) ? 'first' : 'third';
}

export type NamePrefix = '__Secure-' | '__Host-';

/** RFC 6265bis §4.1.3 prefixes, matched case-insensitively as the draft now requires. */
export function namePrefix(name: string): NamePrefix | null {
  const lower = name.slice(0, 9).toLowerCase();
  if (lower.startsWith('__host-')) return '__Host-';
  if (lower === '__secure-') return '__Secure-';
  return null;
}

export interface CookieClassification {
  key: string;
  registrableDomain: string;
  loopback: boolean;
  expiry: ExpiryInfo;
  party: Party;
  size: CookieSize;
  sessionId: SessionIdMatch | null;
  jwt: JwtInfo | null;
  prefix: NamePrefix | null;
}

export interface ClassifyContext {
  now: number;
  /** Origin, URL or host of the page the user is looking at. */
  topLevelSite?: string;
  /** Expiry cap in days (the profile's `maxAgeDays`); default 400, null for none. */
  maxAgeDays?: number | null;
}

/** Returns a classifier with the context parsed once; use it for many cookies. */
export function classifier(ctx: ClassifyContext): (c: CookieInfo) => CookieClassification {
  const topHost = ctx.topLevelSite === undefined ? undefined : siteHost(ctx.topLevelSite);
  const maxAgeDays = ctx.maxAgeDays === undefined ? DEFAULT_MAX_AGE_DAYS : ctx.maxAgeDays;
  const loopbacks = new Map<string, boolean>();
  const loopback = (domain: string): boolean => {
    let l = loopbacks.get(domain);
    if (l === undefined) loopbacks.set(domain, (l = isLoopback(domain)));
    return l;
  };
  return (c) => ({
    key: c.key,
    registrableDomain: siteOf(c.domain),
    loopback: loopback(c.domain),
    expiry: expiryOf(c, ctx.now, maxAgeDays),
    party: partyOf(c, topHost),
    size: cookieSize(c),
    sessionId: detectSessionId(c.name, c.value),
    jwt: detectJwt(c.value),
    prefix: namePrefix(c.name),
  });
}

export function classifyCookie(c: CookieInfo, ctx: ClassifyContext): CookieClassification {
  return classifier(ctx)(c);
}

export function classifyCookies(cookies: readonly CookieInfo[], ctx: ClassifyContext): CookieClassification[] {
  return cookies.map(classifier(ctx));
}
