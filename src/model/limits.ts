/**
 * Cookie storage limits per profile. "Per domain" is per registrable domain (eTLD+1, PSL with
 * private sections), which is how both Chromium (CookieMonster key) and Firefox (base domain)
 * bucket cookies; each store and each partition is a separate bucket.
 */

export type LimitProfileId = 'rfc2109' | 'rfc6265' | 'chromium' | 'firefox';

/** Whose documented eviction order `nextEvictions` can reproduce. */
export type EvictionRule = 'chromium' | 'firefox' | null;

export interface LimitProfile {
  id: LimitProfileId;
  label: string;
  /** Cookies per registrable domain before the browser evicts (or the RFC minimum guarantee). */
  perDomain: number;
  /** What the browser prunes a domain down to once it goes over; null when not specified. */
  domainPurgeTo: number | null;
  total: number;
  totalPurgeTo: number | null;
  perCookieBytes: number;
  /** What `perCookieBytes` measures. */
  perCookieMeasure: 'name+value' | 'name+value+attributes';
  /** Longest attribute value before it is ignored; null when not specified. */
  perAttributeBytes: number | null;
  /** CHIPS: byte and count limits per (partition, registrable domain). */
  perPartitionDomainBytes: number | null;
  perPartitionDomainCookies: number | null;
  /** Whether partitioned cookies count towards `total` (Chromium keeps them out of kMaxCookies). */
  totalCountsPartitioned: boolean;
  /** Expiry cap from creation, in days; null when none. */
  maxAgeDays: number | null;
  /** How a cookie without SameSite behaves. */
  sameSiteDefault: 'lax' | 'none';
  eviction: EvictionRule;
  /** Where every number comes from. */
  sources: readonly string[];
}

/** `near` starts at 80 % of a limit: early enough to act before the first eviction. */
export const NEAR_LIMIT_RATIO = 0.8;

export const RFC2109_PROFILE: LimitProfile = {
  id: 'rfc2109',
  label: 'RFC 2109 (300 / 20 / 4 KB)',
  perDomain: 20,
  domainPurgeTo: null,
  total: 300,
  totalPurgeTo: null,
  perCookieBytes: 4096,
  perCookieMeasure: 'name+value+attributes',
  perAttributeBytes: null,
  perPartitionDomainBytes: null,
  perPartitionDomainCookies: null,
  totalCountsPartitioned: true,
  maxAgeDays: null,
  sameSiteDefault: 'none',
  eviction: null,
  sources: ['RFC 2109 §6.3 Implementation Limits: at least 300 cookies, 4096 bytes each, 20 per host or domain'],
};

export const RFC6265_PROFILE: LimitProfile = {
  id: 'rfc6265',
  label: 'RFC 6265 §6.1 minimums',
  perDomain: 50,
  domainPurgeTo: null,
  total: 3000,
  totalPurgeTo: null,
  perCookieBytes: 4096,
  perCookieMeasure: 'name+value+attributes',
  perAttributeBytes: null,
  perPartitionDomainBytes: null,
  perPartitionDomainCookies: null,
  totalCountsPartitioned: true,
  maxAgeDays: null,
  sameSiteDefault: 'none',
  eviction: null,
  sources: ['RFC 6265 §6.1 Limits: at least 4096 bytes per cookie (name, value and attributes), 50 per domain, 3000 in total'],
};

export const CHROMIUM_PROFILE: LimitProfile = {
  id: 'chromium',
  label: 'Chromium',
  perDomain: 180,
  domainPurgeTo: 150,
  total: 3300,
  totalPurgeTo: 3000,
  perCookieBytes: 4096,
  perCookieMeasure: 'name+value',
  perAttributeBytes: 1024,
  perPartitionDomainBytes: 10240,
  perPartitionDomainCookies: 180,
  totalCountsPartitioned: false,
  maxAgeDays: 400,
  sameSiteDefault: 'lax',
  eviction: 'chromium',
  sources: [
    'net/cookies/cookie_monster.cc: kDomainMaxCookies = 180, kDomainPurgeCookies = 30 (purge to 150), kMaxCookies = 3300, kPurgeCookies = 300',
    'net/cookies/cookie_monster.cc: kPerPartitionDomainMaxCookies = 180, kPerPartitionDomainMaxCookieBytes = 10240 (CHIPS); no global limit on partitioned cookies yet (crbug.com/40188414)',
    'net/cookies/parsed_cookie.h: kMaxCookieNamePlusValueSize = 4096, kMaxCookieAttributeValueSize = 1024',
    'RFC 6265bis §5.5 / §5.6: 400-day expiry cap, 4096-octet name+value, 1024-octet attribute values (Chromium M104+)',
    'Lax-by-default for cookies without SameSite (Chromium M80+)',
  ],
};

export const FIREFOX_PROFILE: LimitProfile = {
  id: 'firefox',
  label: 'Firefox',
  perDomain: 180,
  domainPurgeTo: 150,
  total: 3000,
  totalPurgeTo: 3000,
  perCookieBytes: 4096,
  perCookieMeasure: 'name+value',
  perAttributeBytes: 1024,
  perPartitionDomainBytes: 10240,
  perPartitionDomainCookies: null,
  totalCountsPartitioned: true,
  maxAgeDays: 400,
  sameSiteDefault: 'none',
  eviction: 'firefox',
  sources: [
    'netwerk/cookie/CookieCommons.h: kMaxCookiesPerHost = 180 (pref network.cookie.maxPerHost), kCookieQuotaPerHost = 150 (network.cookie.quotaPerHost), kMaxNumberOfCookies = 3000 (network.cookie.maxNumber)',
    'netwerk/cookie/CookieStorage.cpp: the store is purged back to kMaxNumberOfCookies once 10 % over it (3300), oldest last access first, sparing cookies used in the last 30 days (network.cookie.purgeAge)',
    'netwerk/cookie/CookieCommons.h: kMaxBytesPerCookie = 4096 (name + value), kMaxBytesPerPath = 1024',
    'netwerk/cookie/CookieStorage.cpp: kChipsPartitionByteCapacityDefault = 10240 (pref network.cookie.chips.partitionLimitByteCapacity; purge once 1.2x over)',
    'pref network.cookie.maxageCap: 400-day expiry cap (RFC 6265bis §5.5)',
    'Firefox treats cookies without SameSite as None (Lax-by-default is off)',
  ],
};

export const LIMIT_PROFILES: Readonly<Record<LimitProfileId, LimitProfile>> = {
  rfc2109: RFC2109_PROFILE,
  rfc6265: RFC6265_PROFILE,
  chromium: CHROMIUM_PROFILE,
  firefox: FIREFOX_PROFILE,
};

export type UsageStatus = 'ok' | 'near' | 'over';

/** ok / near (≥ NEAR_LIMIT_RATIO of the limit) / over, for a count or a byte total; no limit is ok. */
export function usageStatus(value: number, limit: number | null): UsageStatus {
  if (limit === null || limit <= 0) return 'ok';
  if (value > limit) return 'over';
  return value >= limit * NEAR_LIMIT_RATIO ? 'near' : 'ok';
}
