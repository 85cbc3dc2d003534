/**
 * Per-domain usage against a limit profile, and which cookies a browser would evict next.
 * Buckets follow the browsers: one per (store, partition, first-party domain, registrable domain).
 */
import type { CookieInfo, CookiePriority } from '../model/cookie';
import { type LimitProfile, usageStatus, type UsageStatus } from '../model/limits';
import { siteOf } from './classify';
import { cookieBytesFor, utf8Length, type CookieSize } from './size';

export type { UsageStatus };

export interface DomainUsage {
  /** Stable id of the bucket; pass the row to `nextEvictions`. */
  bucket: string;
  domain: string;
  storeId: string;
  /** Partition top-level site, null for unpartitioned cookies. */
  partition: string | null;
  firstPartyDomain: string;
  count: number;
  /** Bytes as the profile measures a cookie (`perCookieMeasure`), summed. */
  bytes: number;
  limit: number;
  /** Per-bucket byte limit (CHIPS partitions only), else null. */
  byteLimit: number | null;
  purgeTo: number | null;
  /** limit − count: 0 means the next new cookie triggers an eviction in an evicting browser. */
  headroom: number;
  /** `near` from NEAR_LIMIT_RATIO (80 %) of the count or byte limit; `over` beyond either. */
  status: UsageStatus;
}

export interface TotalUsage {
  count: number;
  limit: number;
  purgeTo: number | null;
  headroom: number;
  status: UsageStatus;
}

export interface UsageReport {
  /** Sorted by status (over, near, ok), then count descending, then domain, then bucket. */
  domains: DomainUsage[];
  /** Over every cookie passed in: pass one store's cookies for the browser's real total. */
  total: TotalUsage;
}

interface Bucket {
  bucket: string;
  domain: string;
  storeId: string;
  partition: string | null;
  firstPartyDomain: string;
}

/** Cheap map key of a cookie's bucket; `bucketOf` builds the public, unambiguous id from it. */
function bucketKey(c: CookieInfo, domain: string): string {
  return `${c.storeId}\u0000${c.partition ? c.partition.topLevelSite : ''}\u0000${c.firstPartyDomain}\u0000${domain}`;
}

export function bucketOf(c: CookieInfo, domain = siteOf(c.domain)): Bucket {
  const partition = c.partition ? c.partition.topLevelSite : null;
  return {
    bucket: JSON.stringify([c.storeId, partition ?? '', c.firstPartyDomain, domain]),
    domain,
    storeId: c.storeId,
    partition,
    firstPartyDomain: c.firstPartyDomain,
  };
}

/** Bytes of one cookie as the profile counts them, without building a full CookieSize. */
function bytesFor(profile: LimitProfile, c: CookieInfo): number {
  const nameValue = utf8Length(c.name) + utf8Length(c.value);
  return profile.perCookieMeasure === 'name+value' ? nameValue : nameValue + utf8Length(c.domain) + utf8Length(c.path);
}

export { usageStatus };

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const STATUS_RANK: Record<UsageStatus, number> = { over: 0, near: 1, ok: 2 };

function worst(a: UsageStatus, b: UsageStatus): UsageStatus {
  return STATUS_RANK[a] <= STATUS_RANK[b] ? a : b;
}

/**
 * `known`: the cookies' registrable domains and sizes when already worked out (a classification
 * per cookie, in input order), so they are not measured again.
 */
export function domainUsage(
  cookies: readonly CookieInfo[],
  profile: LimitProfile,
  known?: ReadonlyArray<{ registrableDomain: string; size: CookieSize }>,
): UsageReport {
  const rows = new Map<string, DomainUsage>();
  let total = 0;
  for (let i = 0; i < cookies.length; i++) {
    const c = cookies[i] as CookieInfo;
    const k = known?.[i];
    const domain = k ? k.registrableDomain : siteOf(c.domain);
    const key = bucketKey(c, domain);
    let row = rows.get(key);
    if (!row) {
      const b = bucketOf(c, domain);
      const partitioned = b.partition !== null;
      const limit = partitioned && profile.perPartitionDomainCookies !== null ? profile.perPartitionDomainCookies : profile.perDomain;
      row = {
        ...b,
        count: 0,
        bytes: 0,
        limit,
        byteLimit: partitioned ? profile.perPartitionDomainBytes : null,
        purgeTo: partitioned ? null : profile.domainPurgeTo,
        headroom: limit,
        status: 'ok',
      };
      rows.set(key, row);
    }
    row.count++;
    row.bytes += k ? cookieBytesFor(profile, k.size) : bytesFor(profile, c);
    if (profile.totalCountsPartitioned || c.partition === null) total++;
  }
  const list = [...rows.values()];
  for (const row of list) {
    row.headroom = row.limit - row.count;
    row.status = worst(usageStatus(row.count, row.limit), usageStatus(row.bytes, row.byteLimit));
  }
  list.sort(
    (a, b) =>
      STATUS_RANK[a.status] - STATUS_RANK[b.status] || b.count - a.count || compare(a.domain, b.domain) || compare(a.bucket, b.bucket),
  );
  return {
    domains: list,
    total: {
      count: total,
      limit: profile.total,
      purgeTo: profile.totalPurgeTo,
      headroom: profile.total - total,
      status: usageStatus(total, profile.total),
    },
  };
}

// Chromium net/cookies/cookie_monster.cc: per-priority quotas protected from domain purges.
// kDomainCookiesQuotaHigh = kDomainMaxCookies − kDomainPurgeCookies − Low − Medium = 70.
const CHROMIUM_QUOTA: Record<CookiePriority, number> = { low: 30, medium: 50, high: 70 };
// CookieMonster::GarbageCollect purge rounds: {priority, protect secure cookies}.
const CHROMIUM_ROUNDS: ReadonlyArray<readonly [CookiePriority, boolean]> = [
  ['low', true],
  ['low', false],
  ['medium', true],
  ['high', true],
  ['medium', false],
  ['high', false],
];

export type EvictionReason = 'expired' | 'least-recently-used' | 'least-recently-used-secure';

export interface EvictionCandidate {
  key: string;
  name: string;
  reason: EvictionReason;
}

export interface EvictionPlan {
  rule: 'chromium' | 'firefox' | null;
  usage: DomainUsage | null;
  /** Every cookie of the bucket in the order the browser's rule picks victims (quotas aside). */
  order: EvictionCandidate[];
  /** The cookies the next purge removes: exact when already over the limit, else predicted. */
  next: EvictionCandidate[];
  /** Why the prediction is only a prediction. */
  note: string;
}

/**
 * Extensions cannot read creation or last-access times, so `createdAt` (when we first saw the
 * cookie) stands in for both; cookies we never saw being created count as the oldest.
 */
function age(c: CookieInfo): number {
  return c.createdAt ?? Number.NEGATIVE_INFINITY;
}

function byAge(a: CookieInfo, b: CookieInfo): number {
  return age(a) - age(b) || compare(a.key, b.key);
}

const PROXY_NOTE =
  'Browsers evict by last access, which extensions cannot read; the time this extension first saw each cookie stands in for it, and cookies that predate it count as oldest.';

function candidate(c: CookieInfo, reason: EvictionReason): EvictionCandidate {
  return { key: c.key, name: c.name, reason };
}

function chromiumRound(c: CookieInfo): number {
  const p = c.priority ?? 'medium';
  return CHROMIUM_ROUNDS.findIndex(([priority, protectSecure]) => priority === p && (!protectSecure || !c.secure));
}

/** CookieMonster::PurgeLeastRecentMatches over the rounds, for a bucket already over the limit. */
function chromiumPurge(live: CookieInfo[], goal: number): EvictionCandidate[] {
  const remaining = [...live];
  const out: EvictionCandidate[] = [];
  for (const [priority, protectSecure] of CHROMIUM_ROUNDS) {
    if (goal <= 0) break;
    const atPriority = remaining.filter((c) => (c.priority ?? 'medium') === priority);
    const quota = CHROMIUM_QUOTA[priority];
    if (atPriority.length <= quota) continue;
    const secure = protectSecure ? atPriority.filter((c) => c.secure).length : 0;
    let deletable = atPriority.length - Math.max(secure, quota);
    for (let i = 0; i < remaining.length && goal > 0 && deletable > 0;) {
      const c = remaining[i] as CookieInfo;
      if ((c.priority ?? 'medium') === priority && (!protectSecure || !c.secure)) {
        out.push(candidate(c, c.secure ? 'least-recently-used-secure' : 'least-recently-used'));
        remaining.splice(i, 1);
        goal--;
        deletable--;
      } else i++;
    }
  }
  return out;
}

export function nextEvictions(
  cookies: readonly CookieInfo[],
  profile: LimitProfile,
  target: string | DomainUsage,
  now: number,
): EvictionPlan {
  const usage = typeof target === 'string' ? findUsage(cookies, profile, target) : target;
  if (!usage || profile.eviction === null) {
    return { rule: profile.eviction, usage: usage ?? null, order: [], next: [], note: 'This profile documents no eviction order.' };
  }
  const members = cookies
    .filter(
      (c) =>
        c.storeId === usage.storeId &&
        c.firstPartyDomain === usage.firstPartyDomain &&
        (c.partition ? c.partition.topLevelSite : null) === usage.partition &&
        siteOf(c.domain) === usage.domain,
    )
    .sort(byAge);
  const expired = members.filter((c) => c.expires !== null && c.expires <= now);
  const live = members.filter((c) => !(c.expires !== null && c.expires <= now));
  const expiredCandidates = expired.map((c) => candidate(c, 'expired'));
  const partitioned = usage.partition !== null;
  let ranked: CookieInfo[];
  if (profile.eviction === 'chromium' && !partitioned) {
    ranked = [...live].sort((a, b) => chromiumRound(a) - chromiumRound(b) || byAge(a, b));
  } else {
    // Firefox FindStaleCookies: non-secure first, oldest first; Chromium partitions: LRU only.
    ranked = profile.eviction === 'firefox' ? [...live].sort((a, b) => Number(a.secure) - Number(b.secure) || byAge(a, b)) : live;
  }
  const order = [...expiredCandidates, ...ranked.map((c) => candidate(c, c.secure ? 'least-recently-used-secure' : 'least-recently-used'))];
  let next: EvictionCandidate[];
  let note = PROXY_NOTE;
  if (partitioned) {
    next = order.slice(0, Math.max(1, usage.count - usage.limit));
    note += ' Partitioned cookies are evicted one at a time until the partition is back under its count and byte limits.';
  } else if (profile.eviction === 'chromium') {
    const purgeTo = profile.domainPurgeTo ?? profile.perDomain;
    if (live.length > profile.perDomain) {
      next = [...expiredCandidates, ...chromiumPurge(live, live.length - purgeTo)];
    } else {
      // The purge first drops expired cookies and stops if that is enough, which it is for one new cookie.
      next = expired.length > 0 ? expiredCandidates : order.slice(0, profile.perDomain + 1 - purgeTo);
      note += ` Chromium purges when a domain passes ${profile.perDomain} cookies, down to ${purgeTo}: expired first, then by priority, non-secure before secure.`;
    }
  } else {
    // Firefox CookieStorage::AddCookie: at the limit a new cookie evicts (limit − quota + excess).
    const quota = profile.domainPurgeTo ?? profile.perDomain;
    const goal = Math.max(1, usage.count - profile.perDomain + 1) + profile.perDomain - quota;
    const nonSecure = order.filter((c) => c.reason !== 'least-recently-used-secure');
    next = (nonSecure.length > 0 ? nonSecure : order).slice(0, goal);
    note += ` Firefox evicts when a new cookie arrives at ${profile.perDomain}: expired, then non-secure cookies oldest first; secure ones only for a new secure cookie, else the new non-secure cookie is dropped.`;
  }
  return { rule: profile.eviction, usage, order, next, note };
}

function findUsage(cookies: readonly CookieInfo[], profile: LimitProfile, domain: string): DomainUsage | undefined {
  // A bare domain means its unpartitioned bucket in the first store that has one.
  const mine = cookies.filter((c) => c.partition === null && siteOf(c.domain) === domain);
  return domainUsage(mine, profile).domains.sort((a, b) => compare(a.bucket, b.bucket))[0];
}
