/**
 * Login flow with session identifiers (Tomcat JSESSIONID, Django sessionid, PHP PHPSESSID).
 * Vars: `stage` (/login: first-visit | returning | signed-in | failed), `jsid`, `dsid` (the ids set
 * by this response), `user`; `psid` for /login-insecure.
 */
import type { CookieCase, RenderContext, RouteSpec } from '../types';
import { cookie, deleted, DAY, netscapeDate, secureOnHttps, stored, v, whenHttp } from './helpers';

const GROUP = 'Sessions and login';

function sessionPair(ctx: RenderContext, prefix: string, when: string): CookieCase[] {
  const jsid = v(ctx, 'jsid', '<jsessionid>');
  const dsid = v(ctx, 'dsid', '<sessionid>');
  const https = ctx.scheme === 'https';
  return [
    cookie(`login/${prefix}jsessionid`, 'JSESSIONID', `JSESSIONID=${jsid}; Path=/; HttpOnly`, {
      browsers: stored({ value: jsid, path: '/', httpOnly: true, secure: false, sameSite: 'unspecified', expires: 'session' }),
      findings: ['missing-secure', 'samesite-missing', 'session-id-not-secure', 'session-id-default-name'],
      note: `Tomcat-style session id ${when}; never Secure, even on https.`,
    }),
    cookie(`login/${prefix}sessionid`, 'sessionid', `sessionid=${dsid}; HttpOnly; Path=/; SameSite=Lax${secureOnHttps(ctx)}`, {
      browsers: stored({ value: dsid, path: '/', httpOnly: true, secure: https, sameSite: 'lax', expires: 'session' }),
      findings: ['session-id-default-name', ...whenHttp(ctx, 'missing-secure', 'session-id-not-secure')],
      note: `Django-style session id ${when}; Secure only on https.`,
    }),
  ];
}

export const authRoutes: RouteSpec[] = [
  {
    path: '/login',
    scenario: 'login',
    title: 'Login (session id rotated at sign-in)',
    group: GROUP,
    summary: 'First visit issues pre-login JSESSIONID and sessionid; signing in (POST, or GET ?user=alice) replaces both with new ids.',
    example: '/login',
    notes: [
      'GET /login without a session cookie: sets the pre-login pair (stage first-visit).',
      'GET /login with a JSESSIONID already present: sets nothing (stage returning).',
      'POST /login (user=alice) or GET /login?user=alice: sets a fresh pair (stage signed-in); the old ids stop working.',
    ],
    cookies: (ctx) => {
      const stage = v(ctx, 'stage', 'first-visit');
      if (stage === 'first-visit') return sessionPair(ctx, 'pre-', 'issued before login');
      if (stage === 'signed-in') return sessionPair(ctx, '', 'rotated at login');
      return [];
    },
  },
  {
    path: '/account',
    scenario: 'account',
    title: 'Account (needs a signed-in session)',
    group: GROUP,
    summary: 'Shows "Signed in as alice" when the JSESSIONID or sessionid cookie belongs to a signed-in session; 401 otherwise.',
    cookies: () => [],
  },
  {
    path: '/logout',
    scenario: 'logout',
    title: 'Logout (deletes the session cookies)',
    group: GROUP,
    summary: 'Deletes JSESSIONID with Max-Age=0 and sessionid with an Expires date in 1970.',
    cookies: (ctx) => [
      cookie('logout/jsessionid', 'JSESSIONID', 'JSESSIONID=; Path=/; Max-Age=0; HttpOnly', { browsers: deleted() }),
      cookie(
        'logout/sessionid',
        'sessionid',
        `sessionid=""; expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; Path=/; SameSite=Lax${secureOnHttps(ctx)}`,
        { browsers: deleted() },
      ),
    ],
  },
  {
    path: '/login-insecure',
    scenario: 'login-insecure',
    title: 'Insecure login (worst case)',
    group: GROUP,
    summary: 'Sets PHPSESSID readable by script, without Secure, persistent for 30 days.',
    cookies: (ctx) => {
      const psid = v(ctx, 'psid', '<phpsessid>');
      const max = 30 * DAY;
      return [
        cookie(
          'login-insecure/phpsessid',
          'PHPSESSID',
          `PHPSESSID=${psid}; expires=${netscapeDate(ctx.now + max * 1000)}; Max-Age=${max}; path=/`,
          {
            browsers: stored({ value: psid, path: '/', httpOnly: false, secure: false, sameSite: 'unspecified', expires: max }),
            findings: [
              'missing-httponly',
              'missing-secure',
              'samesite-missing',
              'session-id-persistent',
              'session-id-script-readable',
              'session-id-not-secure',
              'session-id-default-name',
            ],
            note: 'PHP writes Expires in the dashed Netscape form next to Max-Age.',
          },
        ),
      ];
    },
  },
];
