/**
 * Cookie types: the snapshot the WebExtension `cookies` API reports (Chrome and Firefox), the
 * normalised `CookieInfo` every analysis works on, and the converters between them.
 * Imports only its sibling model module: pure data shapes plus small total functions.
 */
import { cookieKey as identityKey, partitionKeyString, type CookieIdentity } from './events';

/** `cookies.SameSiteStatus` as both browsers report it. */
export type ApiSameSite = 'no_restriction' | 'lax' | 'strict' | 'unspecified';

/** `cookies.CookiePartitionKey`: Chrome (CHIPS) and Firefox (state partitioning) both use it. */
export interface ApiPartitionKey {
  topLevelSite?: string;
  hasCrossSiteAncestor?: boolean;
}

/** A cookie exactly as `cookies.getAll` / `cookies.onChanged` hand it over. */
export interface CookieSnapshot {
  name: string;
  value: string;
  /** Leading dot for domain cookies, as the API reports it (`.example.com`). */
  domain: string;
  hostOnly: boolean;
  path: string;
  secure: boolean;
  httpOnly: boolean;
  sameSite: ApiSameSite;
  session: boolean;
  /** Seconds since the epoch (may be fractional); absent for session cookies. */
  expirationDate?: number;
  storeId: string;
  partitionKey?: ApiPartitionKey | null;
  /** Firefox only: first-party isolation key, '' when FPI is off. */
  firstPartyDomain?: string;
}

export type CookieSameSite = 'none' | 'lax' | 'strict' | 'unspecified';

/** Chromium's `Priority` attribute; the cookies API does not report it, Set-Cookie lines do. */
export type CookiePriority = 'low' | 'medium' | 'high';

export interface CookiePartition {
  /** Top-level site of the partition, as the browser spells it (e.g. `https://example.com`). */
  topLevelSite: string;
  hasCrossSiteAncestor: boolean;
}

/** The normalised cookie analysis works on. */
export interface CookieInfo {
  /** Identity (see `cookieKey`). */
  key: string;
  name: string;
  value: string;
  /** Lower-case, without the leading dot; `hostOnly` tells host cookies from domain cookies. */
  domain: string;
  hostOnly: boolean;
  path: string;
  secure: boolean;
  httpOnly: boolean;
  sameSite: CookieSameSite;
  /** Expiry in ms since the epoch as stored (after any clamping); null for session cookies. */
  expires: number | null;
  storeId: string;
  partition: CookiePartition | null;
  /** Firefox first-party isolation key; '' when none. */
  firstPartyDomain: string;
  /** Where the data came from: the cookie store, or a Set-Cookie line we evaluated. */
  source: 'api' | 'set-cookie';
  /** Chromium priority when known; eviction treats unknown as `medium`, Chromium's default. */
  priority?: CookiePriority;
  /**
   * When the cookie was created or first seen (ms). Extensions cannot read the browser's creation
   * or last-access time, so this is our best proxy for eviction order.
   */
  createdAt?: number;
  /** Expiry the server asked for before the browser clamped it (ms), when known. */
  requestedExpires?: number | null;
  /** URL of the response that set it, when known (Set-Cookie observations). */
  sourceUrl?: string;
}

/**
 * The accepted cookie of a Set-Cookie evaluation (src/analysis/set-cookie.ts), described
 * structurally so this model does not depend on that module.
 */
export interface EvaluatedCookie {
  name: string;
  value: string;
  domain: string;
  hostOnly: boolean;
  path: string;
  secure: boolean;
  httpOnly: boolean;
  sameSite: CookieSameSite;
  /** ms since the epoch, null for a session cookie. */
  expires: number | null;
  partitioned: boolean;
}

function normaliseDomain(domain: string): string {
  const d = domain.trim().toLowerCase();
  return d.startsWith('.') ? d.slice(1) : d;
}

function partitionOf(key: ApiPartitionKey | null | undefined): CookiePartition | null {
  if (!key || typeof key.topLevelSite !== 'string' || key.topLevelSite === '') return null;
  return { topLevelSite: key.topLevelSite, hasCrossSiteAncestor: key.hasCrossSiteAncestor === true };
}

const API_SAME_SITE: Record<ApiSameSite, CookieSameSite> = {
  no_restriction: 'none',
  lax: 'lax',
  strict: 'strict',
  unspecified: 'unspecified',
};

/**
 * Stable identity of a cookie: name + domain (with its host/domain kind, since `example.com`
 * host-only and `.example.com` are two cookies) + path + partition + first-party domain + store.
 * The string is the change log's `cookieKey` (./events.ts), so analysis results and logged changes
 * of the same cookie join on it.
 */
export function cookieKey(c: {
  name: string;
  domain: string;
  hostOnly: boolean;
  path: string;
  storeId: string;
  partition: CookiePartition | null;
  firstPartyDomain: string;
}): string {
  const identity: CookieIdentity = {
    name: c.name,
    domain: (c.hostOnly ? '' : '.') + normaliseDomain(c.domain),
    path: c.path,
    storeId: c.storeId,
  };
  const partitionKey = partitionKeyString(c.partition ?? undefined);
  if (partitionKey !== undefined) identity.partitionKey = partitionKey;
  if (c.firstPartyDomain !== '') identity.firstPartyDomain = c.firstPartyDomain;
  return identityKey(identity);
}

export interface FromSnapshotOptions {
  /** When this extension first saw the cookie (ms); the creation-order proxy for eviction. */
  createdAt?: number;
}

export function cookieFromSnapshot(s: CookieSnapshot, options: FromSnapshotOptions = {}): CookieInfo {
  const expires =
    s.session || typeof s.expirationDate !== 'number' || !Number.isFinite(s.expirationDate) ? null : Math.round(s.expirationDate * 1000);
  const base = {
    name: s.name,
    value: s.value,
    domain: normaliseDomain(s.domain),
    hostOnly: s.hostOnly,
    path: s.path,
    storeId: s.storeId,
    partition: partitionOf(s.partitionKey),
    firstPartyDomain: s.firstPartyDomain ?? '',
  };
  const info: CookieInfo = {
    key: cookieKey(base),
    ...base,
    secure: s.secure,
    httpOnly: s.httpOnly,
    sameSite: API_SAME_SITE[s.sameSite] ?? 'unspecified',
    expires,
    source: 'api',
  };
  if (options.createdAt !== undefined) info.createdAt = options.createdAt;
  return info;
}

export interface FromEvaluatedOptions {
  storeId: string;
  /** Top-level site the response was loaded under; becomes the partition of a Partitioned cookie. */
  topLevelSite?: string;
  hasCrossSiteAncestor?: boolean;
  firstPartyDomain?: string;
  /** Evaluation time (ms): the cookie's creation time. */
  now: number;
  requestUrl?: string;
  requestedExpires?: number | null;
  priority?: CookiePriority;
}

export function cookieFromEvaluated(c: EvaluatedCookie, options: FromEvaluatedOptions): CookieInfo {
  const partition: CookiePartition | null =
    c.partitioned && options.topLevelSite
      ? { topLevelSite: options.topLevelSite, hasCrossSiteAncestor: options.hasCrossSiteAncestor === true }
      : null;
  const base = {
    name: c.name,
    value: c.value,
    domain: normaliseDomain(c.domain),
    hostOnly: c.hostOnly,
    path: c.path,
    storeId: options.storeId,
    partition,
    firstPartyDomain: options.firstPartyDomain ?? '',
  };
  const info: CookieInfo = {
    key: cookieKey(base),
    ...base,
    secure: c.secure,
    httpOnly: c.httpOnly,
    sameSite: c.sameSite,
    expires: c.expires,
    source: 'set-cookie',
    createdAt: options.now,
  };
  if (options.requestUrl !== undefined) info.sourceUrl = options.requestUrl;
  if (options.requestedExpires !== undefined) info.requestedExpires = options.requestedExpires;
  if (options.priority !== undefined) info.priority = options.priority;
  return info;
}
