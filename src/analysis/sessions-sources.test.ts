/** Sessions beyond cookie lifecycles: restored at browser start, session IDs in URLs, Authorization schemes. */
import { describe, expect, test } from 'vitest';
import { analyzeSessions } from './sessions';
import { change, removal, request } from './sessions.test-helpers';

const S = 'https://shop.test';
const at = (ms: number): string => new Date(ms).toISOString();

describe('analyzeSessions: restore, URLs, Authorization', () => {
  test('a session cookie alive across a browser start is restored', () => {
    const { sessions, findings } = analyzeSessions({
      changes: [change(1, 'sid', 'a')],
      observations: [],
      marks: [{ id: 9, time: 100, kind: 'startup' }],
      now: 200,
    });
    expect(sessions[0]?.summary.restored).toBe(true);
    expect(findings.map((f) => [f.id, f.details?.['at']])).toEqual([['session-restored', at(100)]]);
  });

  test('not restored when the startup comparison found it gone, or when it has an expiry', () => {
    const gone = analyzeSessions({
      changes: [change(1, 'sid', 'a'), { ...removal(150, 'sid', 'a'), reconciled: true }],
      observations: [],
      marks: [{ id: 9, time: 100, kind: 'startup' }],
      now: 200,
    });
    expect(gone.sessions[0]?.summary.restored).toBe(false);
    const persistent = analyzeSessions({
      changes: [change(1, 'sid', 'a', { session: false, expirationDate: 9e9 })],
      observations: [],
      marks: [{ id: 9, time: 100, kind: 'startup' }],
      now: 200,
    });
    expect(persistent.findings).toEqual([]);
  });

  test(';jsessionid= in a URL, matched by name and by digest', () => {
    const { sessions, findings } = analyzeSessions({
      changes: [change(1, 'JSESSIONID', '0123456789ab'), change(1, 'tok', 'ffffffffffff')],
      observations: [request(2, `${S}/app;jsessionid={32:0123456789ab}/cart`), request(3, `https://cdn.test/p?t={32:ffffffffffff}`)],
      now: 3,
    });
    expect(sessions[0]?.summary.inUrl).toBe(true);
    expect(findings.map((f) => [f.id, f.subject.kind, f.details?.['param']])).toEqual([['session-id-in-url', 'cookie', 'jsessionid']]);
  });

  test('a session-named URL parameter with no cookie is still reported, on the URL', () => {
    const { findings } = analyzeSessions({ changes: [], observations: [request(2, `${S}/x?PHPSESSID={26:aaaaaaaaaaaa}`)], now: 3 });
    expect(findings.map((f) => [f.id, f.subject])).toEqual([
      ['session-id-in-url', { kind: 'header', url: `${S}/x?PHPSESSID={26:aaaaaaaaaaaa}`, name: 'PHPSESSID' }],
    ]);
  });

  test('Authorization schemes are sessions; plain HTTP is a finding, low on loopback', () => {
    const { sessions, findings } = analyzeSessions({
      changes: [],
      observations: [
        request(1, 'https://api.test/a', { authorization: { scheme: 'Bearer' } }),
        request(2, 'http://api.test/b', { authorization: { scheme: 'Bearer' } }),
        request(3, 'http://localhost:8080/c', { authorization: { scheme: 'Basic' } }),
        request(4, 'https://secure.test/c', { authorization: { scheme: 'Basic' } }),
      ],
      now: 5,
    });
    expect(sessions.map((s) => [s.summary.kind, s.summary.scheme, s.site, s.summary.sentCount, s.summary.sentOverHttp])).toEqual([
      ['authorization', 'Bearer', 'api.test', 2, true],
      ['authorization', 'Basic', 'localhost', 1, true],
      ['authorization', 'Basic', 'secure.test', 1, false],
    ]);
    expect(findings.map((f) => [f.id, f.severity, f.subject.kind === 'header' ? f.subject.url : ''])).toEqual([
      ['authorization-over-http', 'high', 'http://api.test/b'],
      ['authorization-over-http', 'low', 'http://localhost:8080/c'],
    ]);
  });
});
