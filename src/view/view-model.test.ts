import { describe, expect, test } from 'vitest';
import { cookieKey, type CookieInfo } from '../model/cookie';
import { CHROMIUM_PROFILE, RFC2109_PROFILE } from '../model/limits';
import { buildViewModel } from './view-model';

const NOW = Date.UTC(2026, 10, 21, 12);
const DAY = 86_400_000;

function cookie(over: Partial<CookieInfo> & { name: string }): CookieInfo {
  const base = {
    name: over.name,
    domain: over.domain ?? 'example.com',
    hostOnly: over.hostOnly ?? true,
    path: over.path ?? '/',
    storeId: over.storeId ?? '0',
    partition: over.partition ?? null,
    firstPartyDomain: '',
  };
  return {
    key: cookieKey(base),
    ...base,
    value: 'v',
    secure: true,
    httpOnly: true,
    sameSite: 'lax',
    expires: null,
    source: 'api',
    ...over,
  };
}

const site = 'example.com';

describe('buildViewModel', () => {
  test.each([
    { what: 'session cookie', c: cookie({ name: 'a' }), section: 'session', flags: [] },
    { what: 'persistent cookie', c: cookie({ name: 'b', expires: NOW + 13 * DAY }), section: 'persistent', flags: [] },
    { what: 'no HttpOnly', c: cookie({ name: 'c', httpOnly: false }), section: 'session', flags: ['no-httponly'] },
    { what: 'no Secure', c: cookie({ name: 'd', secure: false }), section: 'session', flags: ['no-secure'] },
    {
      what: 'neither',
      c: cookie({ name: 'e', secure: false, httpOnly: false, expires: NOW + DAY }),
      section: 'persistent',
      flags: ['no-httponly', 'no-secure'],
    },
  ])('$what → $section, flags $flags', ({ c, section, flags }) => {
    const vm = buildViewModel({ cookies: [c], topLevelSite: site, now: NOW, profile: CHROMIUM_PROFILE });
    expect(vm.rows).toHaveLength(1);
    expect(vm.rows[0]?.section).toBe(section);
    expect(vm.rows[0]?.flags).toEqual(flags);
    for (const flag of flags) expect(vm.rows[0]?.flagFindings[flag as 'no-secure']).toBeDefined();
  });

  test('a flag on a session ID cites the session-ID finding that refines the generic one', () => {
    const c = cookie({ name: 'PHPSESSID', value: 'a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6', httpOnly: false, secure: false });
    const [row] = buildViewModel({ cookies: [c], topLevelSite: site, now: NOW, profile: CHROMIUM_PROFILE }).rows;
    expect(row?.sessionId).toBe(true);
    expect(row?.flagFindings['no-httponly']?.id).toBe('session-id-script-readable');
    expect(row?.flagFindings['no-secure']?.id).toBe('session-id-not-secure');
    expect(row?.topFinding?.severity).toBe('high');
  });

  test('counts, third party, clamped expiry, partition and JWT', () => {
    const jwt = 'eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0.';
    const cookies = [
      cookie({ name: 's' }),
      cookie({ name: 'p', expires: NOW + 10 * DAY }),
      cookie({ name: 'long', expires: NOW + 500 * DAY, requestedExpires: NOW + 500 * DAY }),
      cookie({ name: 'tp', domain: 'tracker.net', partition: { topLevelSite: 'https://example.com', hasCrossSiteAncestor: false } }),
      cookie({ name: 'tok', value: jwt }),
    ];
    const vm = buildViewModel({ cookies, topLevelSite: site, now: NOW, profile: CHROMIUM_PROFILE });
    expect(vm.counts).toEqual({ all: 5, session: 3, persistent: 2, thirdParty: 1 });
    expect(vm.session.map((r) => r.cookie.name)).toEqual(['s', 'tp', 'tok']);
    expect(vm.persistent.map((r) => r.cookie.name)).toEqual(['p', 'long']);
    const byName = new Map(vm.rows.map((r) => [r.cookie.name, r]));
    expect(byName.get('long')?.clamped).toBe(true);
    expect(byName.get('long')?.expires).toBe(NOW + 400 * DAY);
    expect(byName.get('p')?.clamped).toBe(false);
    // From the cookies API only the stored expiry is known: at the cap counts as clamped.
    const api = buildViewModel({ cookies: [cookie({ name: 'x', expires: NOW + 400 * DAY - 5000 })], now: NOW, profile: CHROMIUM_PROFILE });
    expect(api.rows[0]?.clamped).toBe(true);
    expect(byName.get('tp')?.thirdParty).toBe(true);
    expect(byName.get('tp')?.partitioned).toBe(true);
    expect(byName.get('tp')?.registrableDomain).toBe('tracker.net');
    expect(byName.get('tok')?.jwt).toBe(true);
    expect(byName.get('tok')?.findingIds).toContain('jwt-alg-none');
    expect(byName.get('s')?.size).toBe(2);
  });

  test('findings by severity add up to the findings list, which is sorted high first', () => {
    const cookies = Array.from({ length: 25 }, (_, i) => cookie({ name: `c${i}`, secure: i % 2 === 0 }));
    const vm = buildViewModel({ cookies, topLevelSite: site, now: NOW, profile: RFC2109_PROFILE });
    const total = Object.values(vm.bySeverity).reduce((a, b) => a + b, 0);
    expect(total).toBe(vm.findings.length);
    expect(vm.findings.some((f) => f.id === 'domain-over-limit')).toBe(true);
    const ranks = vm.findings.map((f) => ['high', 'medium', 'low', 'info'].indexOf(f.severity));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(vm.usage.domains[0]).toMatchObject({ domain: 'example.com', count: 25, limit: 20, status: 'over' });
  });

  test('no cookies: empty lists, zero counts', () => {
    const vm = buildViewModel({ cookies: [], now: NOW, profile: CHROMIUM_PROFILE });
    expect(vm.counts).toEqual({ all: 0, session: 0, persistent: 0, thirdParty: 0 });
    expect(vm.bySeverity).toEqual({ high: 0, medium: 0, low: 0, info: 0 });
    expect(vm.usage.domains).toEqual([]);
  });
});

describe('purposes in the view', () => {
  const cookies = [
    cookie({ name: '_ga', expires: NOW + 300 * DAY }),
    cookie({ name: 'PHPSESSID' }),
    cookie({ name: 'lang' }),
    cookie({ name: '_fbp', domain: 'facebook.com', expires: NOW + 90 * DAY }),
    cookie({ name: 'zz-unheard-of' }),
  ];
  const vm = buildViewModel({ cookies, topLevelSite: site, now: NOW, profile: CHROMIUM_PROFILE });

  test('each row carries its purpose with its source, without the database description', () => {
    const byName = new Map(vm.rows.map((r) => [r.cookie.name, r.purpose]));
    expect(byName.get('_ga')).toMatchObject({ category: 'analytics', source: 'open-cookie-database', platform: 'Google Analytics' });
    expect(byName.get('PHPSESSID')).toMatchObject({ category: 'necessary', source: 'rule', rule: 'session identifier' });
    expect(byName.get('lang')).toMatchObject({ category: 'personalization', source: 'rule' });
    expect(byName.get('zz-unheard-of')).toEqual({ category: 'unknown', source: 'unknown' });
    expect(vm.rows.every((r) => r.purpose.description === undefined)).toBe(true);
  });

  test('counts cover every row, and only third-party tracking platforms are named', () => {
    expect(vm.purposes).toEqual({ necessary: 1, personalization: 1, analytics: 1, marketing: 1, unknown: 1 });
    expect(vm.trackingPlatforms).toEqual(['Facebook']);
  });
});
