import { describe, expect, test } from 'vitest';
import { cookieFromSnapshot, type CookieInfo, type CookieSnapshot } from '../model/cookie';
import { CHROMIUM_PROFILE, FIREFOX_PROFILE, RFC2109_PROFILE, RFC6265_PROFILE, type LimitProfile } from '../model/limits';
import { domainUsage, nextEvictions, usageStatus } from './limits';

const NOW = 1_000_000_000_000;

function cookie(i: number, over: Partial<CookieSnapshot> = {}, extra: Partial<CookieInfo> = {}): CookieInfo {
  const snap: CookieSnapshot = {
    name: `c${String(i).padStart(4, '0')}`,
    value: 'v',
    domain: 'www.example.com',
    hostOnly: true,
    path: '/',
    secure: false,
    httpOnly: true,
    sameSite: 'lax',
    session: true,
    storeId: '0',
    ...over,
  };
  // createdAt = i: cookie 0 is the oldest.
  return { ...cookieFromSnapshot(snap, { createdAt: i }), ...extra };
}

const many = (n: number, f: (i: number) => CookieInfo = (i) => cookie(i)): CookieInfo[] => Array.from({ length: n }, (_, i) => f(i));

describe('usageStatus', () => {
  test.each([
    [143, 180, 'ok'],
    [144, 180, 'near'],
    [180, 180, 'near'],
    [181, 180, 'over'],
    [15, 20, 'ok'],
    [16, 20, 'near'],
    [5, null, 'ok'],
  ] as const)('%i of %s is %s', (value, limit, status) => {
    expect(usageStatus(value, limit)).toBe(status);
  });
});

describe('domainUsage', () => {
  test('buckets by registrable domain, store, partition and first-party domain', () => {
    const cookies = [
      cookie(1, { domain: 'a.example.com' }),
      cookie(2, { domain: '.example.com', hostOnly: false }),
      cookie(3, { domain: 'other.test' }),
      cookie(4, { domain: 'a.example.com', storeId: '1' }),
      cookie(5, { domain: 'a.example.com', partitionKey: { topLevelSite: 'https://top.test' } }),
      cookie(6, { domain: 'a.example.com', firstPartyDomain: 'fp.test' }),
    ];
    const { domains, total } = domainUsage(cookies, CHROMIUM_PROFILE);
    const summary = domains.map((d) => [d.domain, d.storeId, d.partition, d.firstPartyDomain, d.count]);
    expect(summary).toEqual([
      ['example.com', '0', null, '', 2],
      ['example.com', '0', null, 'fp.test', 1],
      ['example.com', '0', 'https://top.test', '', 1],
      ['example.com', '1', null, '', 1],
      ['other.test', '0', null, '', 1],
    ]);
    // Chromium keeps partitioned cookies out of its global count.
    expect(total).toMatchObject({ count: 5, limit: 3300, status: 'ok' });
    expect(domainUsage(cookies, FIREFOX_PROFILE).total.count).toBe(6);
  });

  test.each([
    { profile: RFC2109_PROFILE, n: 15, status: 'ok' },
    { profile: RFC2109_PROFILE, n: 16, status: 'near' },
    { profile: RFC2109_PROFILE, n: 21, status: 'over' },
    { profile: RFC6265_PROFILE, n: 40, status: 'near' },
    { profile: RFC6265_PROFILE, n: 51, status: 'over' },
    { profile: CHROMIUM_PROFILE, n: 150, status: 'near' },
    { profile: FIREFOX_PROFILE, n: 181, status: 'over' },
  ] as const)('$profile.id: $n cookies is $status', ({ profile, n, status }) => {
    const [row] = domainUsage(many(n), profile).domains;
    expect(row).toMatchObject({ count: n, status, limit: profile.perDomain, headroom: profile.perDomain - n });
  });

  test('bytes follow the profile measure', () => {
    const c = cookie(1, { name: 'n', value: 'vv', domain: 'example.com', path: '/p' });
    expect(domainUsage([c], CHROMIUM_PROFILE).domains[0]?.bytes).toBe(3);
    expect(domainUsage([c], RFC6265_PROFILE).domains[0]?.bytes).toBe(3 + 11 + 2);
  });

  test('CHIPS partitions have a byte limit', () => {
    const big = 'x'.repeat(2995); // 3000 bytes with the name
    const cookies = many(4, (i) => cookie(i, { value: big, partitionKey: { topLevelSite: 'https://top.test' } }));
    const [row] = domainUsage(cookies, CHROMIUM_PROFILE).domains;
    expect(row).toMatchObject({ bytes: 12000, byteLimit: 10240, status: 'over', purgeTo: null });
    expect(domainUsage(cookies.slice(0, 3), CHROMIUM_PROFILE).domains[0]?.status).toBe('near');
    expect(domainUsage(cookies.slice(0, 2), CHROMIUM_PROFILE).domains[0]?.status).toBe('ok');
  });

  test('sorted by status, then count, deterministic', () => {
    const cookies = [...many(3, (i) => cookie(i, { domain: 'small.test' })), ...many(170, (i) => cookie(i, { domain: 'big.test' }))];
    const a = domainUsage(cookies, CHROMIUM_PROFILE);
    const b = domainUsage([...cookies].reverse(), CHROMIUM_PROFILE);
    expect(a.domains.map((d) => d.domain)).toEqual(['big.test', 'small.test']);
    expect(b).toEqual(a);
  });

  test('total status', () => {
    const cookies = many(300, (i) => cookie(i, { domain: `d${i}.test` }));
    expect(domainUsage(cookies, RFC2109_PROFILE).total).toMatchObject({ count: 300, status: 'near', headroom: 0 });
    expect(domainUsage([...cookies, cookie(999, { domain: 'x.test' })], RFC2109_PROFILE).total.status).toBe('over');
  });
});

const names = (list: { name: string }[]): string[] => list.map((c) => c.name);
const range = (from: number, to: number): string[] => Array.from({ length: to - from }, (_, i) => `c${String(from + i).padStart(4, '0')}`);

describe('nextEvictions: Chromium', () => {
  test('over the limit: purge to 150, oldest non-secure first', () => {
    const cookies = many(181, (i) => cookie(i, { secure: i < 100 }));
    const plan = nextEvictions(cookies, CHROMIUM_PROFILE, 'example.com', NOW);
    expect(plan.rule).toBe('chromium');
    expect(names(plan.next)).toEqual(range(100, 131));
  });

  test('secure cookies go only once non-secure ones run out', () => {
    const cookies = many(181, (i) => cookie(i, { secure: i >= 10 }));
    const plan = nextEvictions(cookies, CHROMIUM_PROFILE, 'example.com', NOW);
    expect(names(plan.next)).toEqual([...range(0, 10), ...range(10, 31)]);
    expect(plan.next[10]?.reason).toBe('least-recently-used-secure');
  });

  test('priority quotas: low goes first but 30 low cookies are protected', () => {
    const cookies = many(181, (i) => cookie(i, {}, { priority: i < 40 ? 'low' : 'medium' }));
    const plan = nextEvictions(cookies, CHROMIUM_PROFILE, 'example.com', NOW);
    expect(names(plan.next)).toEqual([...range(0, 10), ...range(40, 61)]);
  });

  test('expired cookies go first', () => {
    const cookies = many(5, (i) => cookie(i, i === 3 ? { session: false, expirationDate: (NOW - 1) / 1000 } : {}));
    const plan = nextEvictions(cookies, CHROMIUM_PROFILE, 'example.com', NOW);
    expect(plan.order[0]).toMatchObject({ name: 'c0003', reason: 'expired' });
    expect(names(plan.next)).toEqual(['c0003']);
  });

  test('under the limit: predicts the 31 the next overflow removes', () => {
    const cookies = many(60, (i) => cookie(i, { secure: i % 2 === 0 }));
    const plan = nextEvictions(cookies, CHROMIUM_PROFILE, 'example.com', NOW);
    expect(plan.next).toHaveLength(31);
    expect(plan.next.slice(0, 30).every((c) => c.reason === 'least-recently-used')).toBe(true);
    expect(plan.order).toHaveLength(60);
    expect(plan.note).toMatch(/last access/);
  });

  test('cookies without a known creation time count as oldest', () => {
    const cookies = [cookie(1), { ...cookie(2) }, cookie(3)];
    delete (cookies[2] as { createdAt?: number }).createdAt;
    expect(names(nextEvictions(cookies, CHROMIUM_PROFILE, 'example.com', NOW).order)).toEqual(['c0003', 'c0001', 'c0002']);
  });

  test('partitioned buckets: least recently used, one at a time', () => {
    const cookies = many(5, (i) => cookie(i, { partitionKey: { topLevelSite: 'https://top.test' }, secure: true }));
    const usage = domainUsage(cookies, CHROMIUM_PROFILE).domains[0]!;
    expect(names(nextEvictions(cookies, CHROMIUM_PROFILE, usage, NOW).next)).toEqual(['c0000']);
  });
});

describe('nextEvictions: Firefox', () => {
  test('at the limit: expired, then non-secure oldest first, 31 of them', () => {
    const cookies = many(180, (i) => cookie(i, { secure: i < 50, ...(i === 170 ? { session: false, expirationDate: 1 } : {}) }));
    const plan = nextEvictions(cookies, FIREFOX_PROFILE, 'example.com', NOW);
    expect(plan.rule).toBe('firefox');
    expect(names(plan.next)).toEqual(['c0170', ...range(50, 80)]);
  });

  test('only secure cookies left: they go, for a secure newcomer', () => {
    const cookies = many(180, (i) => cookie(i, { secure: true }));
    const plan = nextEvictions(cookies, FIREFOX_PROFILE, 'example.com', NOW);
    expect(names(plan.next)).toEqual(range(0, 31));
    expect(plan.note).toMatch(/secure ones only for a new secure cookie/);
  });
});

describe('nextEvictions: no documented rule', () => {
  test.each([RFC2109_PROFILE, RFC6265_PROFILE])('$id', (profile: LimitProfile) => {
    expect(nextEvictions(many(30), profile, 'example.com', NOW)).toMatchObject({ rule: null, order: [], next: [] });
  });

  test('unknown domain', () => {
    expect(nextEvictions(many(3), CHROMIUM_PROFILE, 'nowhere.test', NOW)).toMatchObject({ usage: null, next: [] });
  });
});
