/**
 * Property tests: whatever the browser, a server or an attacker puts in a cookie, analysis must
 * not throw and must give the same answer for the same input, in any order.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { cookieFromSnapshot, type CookieInfo } from '../model/cookie';
import { anyString, name, snapshot, value } from './arbitraries.test-helpers';
import { LIMIT_PROFILES } from '../model/limits';
import type { FindingObservation } from '../model/observation';
import { classifyCookies } from './classify';
import { computeFindings } from './findings';
import { detectJwt, parseJwt } from './jwt';
import { domainUsage, nextEvictions } from './limits';
import { detectSessionId } from './session-id';

const cookieInfo: fc.Arbitrary<CookieInfo> = fc
  .tuple(
    snapshot,
    fc.option(fc.integer({ min: -1e13, max: 1e13 }), { nil: undefined }),
    fc.option(fc.constantFrom('low', 'medium', 'high') as fc.Arbitrary<'low' | 'medium' | 'high'>, { nil: undefined }),
  )
  .map(([s, createdAt, priority]) => {
    const c = cookieFromSnapshot(s, createdAt === undefined ? {} : { createdAt });
    if (priority) c.priority = priority;
    return c;
  });

const url = fc.oneof(fc.webUrl(), fc.constantFrom('http://localhost:3000/a/b', 'http://[::1]/', 'not a url', ''), anyString);
const observation: fc.Arbitrary<FindingObservation> = fc.oneof(
  fc.record({
    kind: fc.constant('set-cookie' as const),
    url,
    time: fc.integer({ min: 0, max: 4e12 }),
    line: fc.oneof(anyString, fc.constantFrom('__Host-a=1; Secure; Path=/x; SameSite=Nope; Max-Age=99999999999')),
    lineIndex: fc.option(fc.nat(), { nil: undefined }),
    topLevelSite: fc.option(fc.oneof(fc.webUrl(), anyString), { nil: undefined }),
    outcome: fc.oneof(fc.constant({ accepted: true as const }), fc.record({ accepted: fc.constant(false as const), reason: anyString })),
  }),
  fc.record({
    kind: fc.constant('cookie-sent' as const),
    url,
    time: fc.integer({ min: 0, max: 4e12 }),
    cookieNames: fc.array(name, { maxLength: 4 }),
    topLevelSite: fc.option(fc.oneof(fc.webUrl(), anyString), { nil: undefined }),
  }),
);

const profile = fc.constantFrom(...Object.values(LIMIT_PROFILES));
const now = fc.oneof(fc.integer({ min: 0, max: 4e12 }), fc.constant(Date.UTC(2025, 0, 1)));
const topLevelSite = fc.option(fc.oneof(fc.webUrl(), fc.domain(), anyString), { nil: undefined });

describe('properties', () => {
  test('computeFindings never throws and ignores input order', () => {
    fc.assert(
      fc.property(
        fc.array(cookieInfo, { maxLength: 12 }),
        fc.array(observation, { maxLength: 6 }),
        topLevelSite,
        now,
        profile,
        (cookies, observations, top, t, p) => {
          const input = { cookies, observations, now: t, profile: p, ...(top === undefined ? {} : { topLevelSite: top }) };
          const a = computeFindings(input);
          const b = computeFindings({ ...input, cookies: [...cookies].reverse(), observations: [...observations].reverse() });
          expect(b).toEqual(a);
          expect(computeFindings(input)).toEqual(a);
        },
      ),
      { numRuns: 300 },
    );
  });

  test('classification, usage and evictions never throw', () => {
    fc.assert(
      fc.property(fc.array(cookieInfo, { maxLength: 12 }), topLevelSite, now, profile, (cookies, top, t, p) => {
        const classes = classifyCookies(cookies, { now: t, ...(top === undefined ? {} : { topLevelSite: top }) });
        expect(classes).toHaveLength(cookies.length);
        const usage = domainUsage(cookies, p);
        expect(usage.domains.reduce((n, d) => n + d.count, 0)).toBe(cookies.length);
        for (const row of usage.domains) {
          const plan = nextEvictions(cookies, p, row, t);
          expect(plan.order.length).toBe(p.eviction === null ? 0 : row.count);
          expect(plan.next.length).toBeLessThanOrEqual(plan.order.length);
        }
      }),
      { numRuns: 200 },
    );
  });

  test('JWT and session-ID detection never throw on arbitrary values', () => {
    fc.assert(
      fc.property(value, name, (v, n) => {
        const jwt = detectJwt(v);
        if (jwt) expect(typeof jwt.alg).toBe('string');
        detectSessionId(n, v);
        detectSessionId(n);
      }),
      { numRuns: 1000 },
    );
  });

  test('a JWT round-trips through detection', () => {
    const claims = fc.record(
      { exp: fc.integer(), iat: fc.integer(), sub: fc.string(), iss: fc.string(), aud: fc.oneof(fc.string(), fc.array(fc.string())) },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.option(fc.string(), { nil: undefined }), claims, (alg, kid, payload) => {
        const header = kid === undefined ? { alg } : { alg, kid };
        const enc = (o: unknown): string => Buffer.from(JSON.stringify(o)).toString('base64url');
        const token = `${enc(header)}.${enc(payload)}.sig`;
        const info = parseJwt(token);
        expect(info).toMatchObject({ alg, ...(kid === undefined ? {} : { kid }), ...payload });
        expect(detectJwt(encodeURIComponent(token))?.alg).toBe(alg);
      }),
      { numRuns: 300 },
    );
  });
});
