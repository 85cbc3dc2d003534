import { describe, expect, test } from 'vitest';
import { analyzeSessions } from './sessions';
import { change, removal, request, response } from './sessions.test-helpers';

const S = 'https://shop.test';
const at = (ms: number): string => new Date(ms).toISOString();

describe('analyzeSessions: cookie sessions', () => {
  test('renewed at login and expired at logout: no finding', () => {
    const log = {
      changes: [
        change(1000, 'JSESSIONID', 'aaa'),
        removal(5010, 'JSESSIONID', 'aaa', 'overwrite'),
        change(5010, 'JSESSIONID', 'bbb'),
        removal(9010, 'JSESSIONID', 'bbb', 'expired_overwrite'),
      ],
      observations: [
        request(2000, `${S}/cart`, { cookieNames: ['JSESSIONID'] }),
        request(5000, `${S}/login`, { method: 'POST', cookieNames: ['JSESSIONID'] }),
        request(6000, `${S}/home`, { cookieNames: ['JSESSIONID'] }),
        request(9000, `${S}/logout`, { cookieNames: ['JSESSIONID'] }),
      ],
      now: 20_000,
    };
    const { sessions, findings } = analyzeSessions(log);
    expect(findings).toEqual([]);
    expect(sessions.map((s) => s.summary)).toEqual([
      {
        cookie: { name: 'JSESSIONID', domain: 'shop.test', path: '/' },
        kind: 'cookie',
        framework: 'Java Servlet (Tomcat, Jetty, …)',
        issuedAt: at(1000),
        login: { at: at(5000), url: `${S}/login` },
        rotatedAtLogin: true,
        logout: { at: at(9000), url: `${S}/logout` },
        endedBy: 'logout',
        sentCount: 4,
        sentOverHttp: false,
        inUrl: false,
        restored: false,
        findings: [],
      },
    ]);
    expect(sessions[0]?.timeline.map((s) => s.kind)).toEqual(['issued', 'sent', 'login', 'rotated', 'logout', 'ended']);
  });

  test('same ID across login: session-fixation naming the session and the login', () => {
    const { sessions, findings } = analyzeSessions({
      changes: [change(1000, 'PHPSESSID', 'aaa')],
      observations: [
        request(5000, `${S}/login.php`, { method: 'POST', cookieNames: ['PHPSESSID'] }),
        request(5100, `${S}/account`, { cookieNames: ['PHPSESSID'] }),
      ],
      now: 5200,
    });
    expect(sessions[0]?.summary.rotatedAtLogin).toBe(false);
    expect(sessions[0]?.summary.findings).toEqual(['session-fixation']);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      id: 'session-fixation',
      severity: 'high',
      subject: { kind: 'cookie', name: 'PHPSESSID', domain: 'shop.test' },
      details: { session: 'PHPSESSID on shop.test/', momentUrl: `${S}/login.php` },
    });
  });

  test('login not yet decidable: no verdict, no finding', () => {
    const { sessions, findings } = analyzeSessions({
      changes: [change(1000, 'sessionid', 'aaa')],
      observations: [request(5000, `${S}/accounts/login/`, { method: 'POST', cookieNames: ['sessionid'] })],
      now: 5500,
    });
    expect(sessions[0]?.summary.rotatedAtLogin).toBeNull();
    expect(findings).toEqual([]);
  });

  test('a GET of the login form is not a login', () => {
    const { sessions } = analyzeSessions({
      changes: [change(1000, 'sessionid', 'aaa')],
      observations: [request(5000, `${S}/login`, { cookieNames: ['sessionid'] })],
      now: 50_000,
    });
    expect(sessions[0]?.summary.login).toBeNull();
  });

  test('a session issued by the login response counts as renewed', () => {
    const { sessions, findings } = analyzeSessions({
      changes: [change(5010, 'connect.sid', 'bbb')],
      observations: [response(5005, `${S}/api/login`, [{ name: 'connect.sid' }], { method: 'POST' })],
      now: 50_000,
    });
    expect(sessions[0]?.summary.rotatedAtLogin).toBe(true);
    expect(findings).toEqual([]);
  });

  test('logout that leaves the cookie: session-not-cleared-on-logout', () => {
    const { sessions, findings } = analyzeSessions({
      changes: [change(1000, 'JSESSIONID', 'aaa')],
      observations: [request(9000, `${S}/logout`, { cookieNames: ['JSESSIONID'] })],
      now: 60_000,
    });
    expect(sessions[0]?.summary).toMatchObject({ endedBy: null, logout: { at: at(9000), url: `${S}/logout` } });
    expect(findings.map((f) => [f.id, f.details?.['momentUrl']])).toEqual([['session-not-cleared-on-logout', `${S}/logout`]]);
  });

  test('manual marks stand in for URLs that say nothing', () => {
    const { sessions, findings } = analyzeSessions({
      changes: [change(1000, 'sid', 'aaa')],
      observations: [request(5100, `${S}/api/go`, { cookieNames: ['sid'] })],
      marks: [{ id: 1, time: 5000, kind: 'login', site: 'shop.test' }],
      now: 60_000,
    });
    expect(sessions[0]?.summary.login).toEqual({ at: at(5000), url: null });
    expect(findings.map((f) => f.id)).toEqual(['session-fixation']);
    expect(findings[0]?.message).toContain('the moment marked by hand');
  });

  describe("a mark with a known span (the audit command's --login script)", () => {
    // The script starts at 5000; its login request answers 3 s later, past a hand mark's window.
    const slowLogin = [change(1000, 'sid', 'aaa'), removal(8000, 'sid', 'aaa', 'overwrite'), change(8000, 'sid', 'bbb')];
    const traffic = [request(8000, `${S}/api/go`, { method: 'POST', cookieNames: ['sid'] })];

    test('a rotation anywhere inside the span is a renewal: no fixation', () => {
      const { sessions, findings } = analyzeSessions({
        changes: slowLogin,
        observations: traffic,
        marks: [{ id: 1, time: 5000, until: 9000, kind: 'login', site: 'shop.test' }],
        now: 60_000,
      });
      expect(findings).toEqual([]);
      expect(sessions[0]?.summary).toMatchObject({ login: { at: at(5000), url: null }, rotatedAtLogin: true });
    });

    test('the same log with a hand mark at the start: the window is too short to see the rotation', () => {
      const { findings } = analyzeSessions({
        changes: slowLogin,
        observations: traffic,
        marks: [{ id: 1, time: 5000, kind: 'login', site: 'shop.test' }],
        now: 60_000,
      });
      expect(findings.map((f) => f.id)).toEqual(['session-fixation']);
    });

    test("no change inside the span: fixation; a change after the span is not the login's", () => {
      const { findings } = analyzeSessions({
        changes: [change(1000, 'sid', 'aaa'), removal(9500, 'sid', 'aaa', 'overwrite'), change(9500, 'sid', 'bbb')],
        observations: traffic,
        marks: [{ id: 1, time: 5000, until: 9000, kind: 'login', site: 'shop.test' }],
        now: 60_000,
      });
      expect(findings.map((f) => f.id)).toEqual(['session-fixation']);
    });

    test('a session issued inside the login span is issued by it; a logout span that expires it clears it', () => {
      const { sessions, findings } = analyzeSessions({
        changes: [change(6000, 'sid', 'aaa'), removal(12_500, 'sid', 'aaa', 'expired_overwrite')],
        observations: [],
        marks: [
          { id: 1, time: 5000, until: 9000, kind: 'login', site: 'shop.test' },
          { id: 2, time: 12_000, until: 13_000, kind: 'logout', site: 'shop.test' },
        ],
        now: 60_000,
      });
      expect(findings).toEqual([]);
      expect(sessions[0]?.summary).toMatchObject({ rotatedAtLogin: true, endedBy: 'logout', logout: { at: at(12_000), url: null } });
    });

    test('a logout span that leaves the cookie: not cleared', () => {
      const { findings } = analyzeSessions({
        changes: [change(1000, 'sid', 'aaa')],
        observations: [],
        marks: [{ id: 2, time: 12_000, until: 13_000, kind: 'logout', site: 'shop.test' }],
        now: 60_000,
      });
      expect(findings.map((f) => f.id)).toEqual(['session-not-cleared-on-logout']);
    });

    test('before the span ends nothing is concluded', () => {
      const { findings, sessions } = analyzeSessions({
        changes: [change(1000, 'sid', 'aaa')],
        observations: [],
        marks: [{ id: 1, time: 5000, until: 9000, kind: 'login', site: 'shop.test' }],
        now: 8000,
      });
      expect(findings).toEqual([]);
      expect(sessions[0]?.summary.rotatedAtLogin).toBeNull();
    });

    test('a login-like request inside the span joins the mark: one moment, with its URL', () => {
      const { moments, sessions, findings } = analyzeSessions({
        changes: [change(1000, 'sid', 'aaa'), removal(8000, 'sid', 'aaa', 'overwrite'), change(8000, 'sid', 'bbb')],
        observations: [request(7990, `${S}/login`, { method: 'POST', cookieNames: ['sid'] })],
        marks: [{ id: 1, time: 5000, until: 9000, kind: 'login', site: 'shop.test' }],
        now: 60_000,
      });
      expect(moments.map((m) => [m.kind, m.time, m.until, m.url])).toEqual([['login', 5000, 9000, `${S}/login`]]);
      expect(sessions[0]?.summary.login).toEqual({ at: at(5000), url: `${S}/login` });
      expect(findings).toEqual([]);
    });
  });

  test.each([
    ['expired', 'expired'],
    ['evicted', 'evicted'],
    ['explicit', 'deleted'],
  ] as const)('removed with cause %s ends it as %s', (cause, endedBy) => {
    const { sessions } = analyzeSessions({ changes: [change(1, 'sid', 'a'), removal(2, 'sid', 'a', cause)], observations: [], now: 3 });
    expect(sessions[0]?.summary.endedBy).toBe(endedBy);
  });

  test('set again after it ended: a new session', () => {
    const { sessions } = analyzeSessions({
      changes: [change(1, 'sid', 'a'), removal(2, 'sid', 'a'), change(3, 'sid', 'b')],
      observations: [],
      now: 4,
    });
    expect(sessions.map((s) => [s.summary.issuedAt, s.summary.endedBy])).toEqual([
      [at(1), 'deleted'],
      [at(3), null],
    ]);
  });

  test('ordinary cookies are not sessions', () => {
    expect(analyzeSessions({ changes: [change(1, 'theme', 'a'), change(1, 'csrftoken', 'b')], observations: [], now: 2 }).sessions).toEqual(
      [],
    );
  });

  test('a JWT value (when values are recorded) makes a jwt-cookie session', () => {
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJlLXNpZ25hdHVyZQ';
    const { sessions } = analyzeSessions({ changes: [change(1, 'access', 'a', { value: jwt })], observations: [], now: 2 });
    expect(sessions[0]?.summary.kind).toBe('jwt-cookie');
  });

  test('sent over http and to a third party', () => {
    const { sessions } = analyzeSessions({
      changes: [change(1, 'sid', 'a')],
      observations: [request(2, 'http://shop.test/x', { cookieNames: ['sid'], topLevelSite: 'other.test' })],
      now: 3,
    });
    expect(sessions[0]).toMatchObject({ summary: { sentCount: 1, sentOverHttp: true }, thirdParty: true, firstSent: 2, lastSent: 2 });
  });
});

describe('analyzeSessions: which sessions a login concerns', () => {
  test('a login under one path does not judge a cookie scoped to another', () => {
    const { findings, sessions } = analyzeSessions({
      changes: [change(1000, 'sid', 'a', { path: '/admin', cookieKey: 'sid|shop.test|/admin||0' })],
      observations: [request(5000, `${S}/shop/login`, { method: 'POST' })],
      now: 1e6,
    });
    expect(findings).toEqual([]);
    expect(sessions[0]?.summary.login).toBeNull();
  });
});

describe('analyzeSessions: events delivered out of order (Firefox)', () => {
  test('a removal linked to the logout response counts even when logged before the request', () => {
    const logoutRes = response(9100, `${S}/api/logout`, [{ name: 'sid', outcome: 'deleted' }], { method: 'POST', requestId: 'r9' });
    const { sessions, findings } = analyzeSessions({
      changes: [change(1000, 'sid', 'a'), { ...removal(8990, 'sid', 'a'), linkedObservationId: logoutRes.id }],
      observations: [request(9000, `${S}/api/logout`, { method: 'POST', requestId: 'r9', cookieNames: ['sid'] }), logoutRes],
      now: 1e6,
    });
    expect(findings).toEqual([]);
    expect(sessions[0]?.summary.endedBy).toBe('logout');
  });
});
