/** Properties of analyzeSessions over generated logs: verdicts that must hold whatever the order or the data. */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { analyzeSessions } from './sessions';
import { change, removal, request } from './sessions.test-helpers';

const S = 'https://shop.test';

describe('analyzeSessions: properties', () => {
  const digest = fc.stringMatching(/^[0-9a-f]{12}$/);
  test('a login with a rotation never yields session-fixation', () => {
    fc.assert(
      fc.property(digest, digest, fc.integer({ min: 1, max: 1999 }), fc.integer({ min: 0, max: 1e6 }), (a, b, delay, later) => {
        fc.pre(a !== b);
        const { findings, sessions } = analyzeSessions({
          changes: [change(1000, 'JSESSIONID', a), change(5000 + delay, 'JSESSIONID', b)],
          observations: [request(5000, `${S}/login`, { method: 'POST' })],
          now: 5000 + delay + later,
        });
        return !findings.some((f) => f.id === 'session-fixation') && sessions[0]?.summary.rotatedAtLogin === true;
      }),
    );
  });

  test('a logout that deletes the cookie never yields session-not-cleared-on-logout', () => {
    fc.assert(
      fc.property(digest, fc.integer({ min: 0, max: 1999 }), fc.constantFrom('explicit', 'expired_overwrite'), (a, delay, cause) => {
        const { findings, sessions } = analyzeSessions({
          changes: [change(1000, 'sid', a), removal(9000 + delay, 'sid', a, cause)],
          observations: [request(9000, `${S}/logout`)],
          now: 1e7,
        });
        return findings.length === 0 && sessions[0]?.summary.endedBy === 'logout';
      }),
    );
  });

  test('the same log gives the same answer whatever its order', () => {
    const changes = [change(1000, 'sid', 'a'), change(5010, 'sid', 'b'), removal(9010, 'sid', 'b')];
    const observations = [
      request(5000, `${S}/login`, { method: 'POST' }),
      request(9000, `${S}/logout`),
      request(9500, 'https://shop.test/api', { authorization: { scheme: 'Bearer' } }),
      request(9600, 'http://shop.test/api', { authorization: { scheme: 'Bearer' } }),
    ];
    const expected = analyzeSessions({ changes, observations, now: 1e6 });
    expect(expected.sessions.find((s) => s.summary.kind === 'authorization')?.summary).toMatchObject({ sentCount: 2, sentOverHttp: true });
    fc.assert(
      fc.property(fc.shuffledSubarray(changes, { minLength: 3 }), fc.shuffledSubarray(observations, { minLength: 4 }), (c, o) => {
        expect(analyzeSessions({ changes: c, observations: o, now: 1e6 })).toEqual(expected);
      }),
    );
  });
});
