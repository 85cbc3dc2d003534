/**
 * Session apps (issue 15): each app keeps its session cookie under its own Path so their logins
 * and logouts concern only their own session. Vars: `id` (the session id this response sets).
 * `sessionFindings` is what the extension's session model must conclude about the app's session
 * after the flow the notes describe (tests/e2e/sessions.e2e.ts walks it).
 */
import type { CookieCase, FindingId, RenderContext, RouteSpec } from '../types';
import { cookie, deleted, stored, v } from './helpers';

const GROUP = 'Session lifecycle';

/** Cookie-level findings of an HttpOnly, non-Secure, SameSite-less framework session cookie. */
const PLAIN_SESSION_COOKIE: FindingId[] = ['missing-secure', 'samesite-missing', 'session-id-not-secure', 'session-id-default-name'];

function issue(ctx: RenderContext, app: string, name: string, path: string, when: string): CookieCase[] {
  const id = v(ctx, 'id', `<${name}>`);
  return [
    cookie(`${app}/${when}`, name, `${name}=${id}; Path=${path}; HttpOnly`, {
      browsers: stored({ value: id, path, httpOnly: true, secure: false, sameSite: 'unspecified', expires: 'session' }),
      findings: PLAIN_SESSION_COOKIE,
      note: `${name} ${when}, scoped to ${path}.`,
    }),
  ];
}

function expire(app: string, name: string, path: string): CookieCase[] {
  return [cookie(`${app}/logout`, name, `${name}=; Path=${path}; Max-Age=0; HttpOnly`, { browsers: deleted() })];
}

/** What each app's session must end up with; keyed by cookie name. */
export const SESSION_APP_FINDINGS: Record<string, FindingId[]> = {
  connect_sid_fetch: [],
  ci_session: ['session-fixation'],
  laravel_session: ['session-not-cleared-on-logout'],
  JSESSIONID_url: ['session-id-in-url'],
};

export const sessionRoutes: RouteSpec[] = [
  {
    path: '/fetchapp/start',
    scenario: 'fetchapp-start',
    title: 'fetch login: pre-login session',
    group: GROUP,
    summary: 'Issues a pre-login connect.sid (Path=/fetchapp); the page then logs in and out with fetch().',
    notes: ['POST /fetchapp/api/login renews connect.sid; POST /fetchapp/api/logout expires it. No session finding.'],
    cookies: (ctx) => issue(ctx, 'fetchapp', 'connect.sid', '/fetchapp', 'issued before login'),
  },
  {
    path: '/fetchapp/api/login',
    scenario: 'fetchapp-login',
    title: 'fetch login: renews the id',
    group: GROUP,
    hidden: true,
    summary: 'POST: a fresh connect.sid.',
    cookies: (ctx) => issue(ctx, 'fetchapp', 'connect.sid', '/fetchapp', 'renewed at login'),
  },
  {
    path: '/fetchapp/api/logout',
    scenario: 'fetchapp-logout',
    title: 'fetch logout: expires the id',
    group: GROUP,
    hidden: true,
    summary: 'POST: connect.sid with Max-Age=0.',
    cookies: () => expire('fetchapp', 'connect.sid', '/fetchapp'),
  },
  {
    path: '/fixation/start',
    scenario: 'fixation-start',
    title: 'Session fixation: same id before and after login',
    group: GROUP,
    summary: 'Issues ci_session (Path=/fixation); POST /fixation/login signs in without renewing it.',
    notes: ['Expected: session-fixation on ci_session.'],
    cookies: (ctx) => issue(ctx, 'fixation', 'ci_session', '/fixation', 'issued before login'),
  },
  {
    path: '/fixation/login',
    scenario: 'fixation-login',
    title: 'Session fixation: login keeps the id',
    group: GROUP,
    hidden: true,
    summary: 'POST: signs in and sets no cookie.',
    cookies: () => [],
  },
  {
    path: '/sticky/login',
    scenario: 'sticky-login',
    title: 'Logout that leaves the session cookie',
    group: GROUP,
    summary: 'POST /sticky/login issues laravel_session (Path=/sticky); GET /sticky/logout answers without expiring it.',
    notes: ['Expected: session-not-cleared-on-logout on laravel_session.'],
    cookies: (ctx) => issue(ctx, 'sticky', 'laravel_session', '/sticky', 'issued at login'),
  },
  {
    path: '/sticky/logout',
    scenario: 'sticky-logout',
    title: 'Logout that leaves the session cookie: logout',
    group: GROUP,
    hidden: true,
    summary: 'Says "signed out" and sets no cookie.',
    cookies: () => [],
  },
  {
    path: '/jsess/start',
    scenario: 'jsess-start',
    title: 'URL rewriting with ;jsessionid=',
    group: GROUP,
    summary: 'Issues JSESSIONID (Path=/jsess) and links to /jsess/cart;jsessionid=<id>, as servlet URL rewriting does.',
    notes: ['Expected: session-id-in-url on JSESSIONID (its digest matches the URL parameter).'],
    cookies: (ctx) => issue(ctx, 'jsess', 'JSESSIONID', '/jsess', 'issued'),
  },
  {
    path: '/jsess/cart',
    scenario: 'jsess-cart',
    title: 'URL rewriting: the cart',
    group: GROUP,
    hidden: true,
    summary: 'Reached with ;jsessionid= in its path.',
    cookies: () => [],
  },
  {
    path: '/authz',
    scenario: 'authz',
    title: 'Authorization: Bearer and Basic over fetch',
    group: GROUP,
    summary: 'The page calls /authz/api with Authorization: Bearer and Basic; over http that is authorization-over-http (low on loopback).',
    cookies: () => [],
  },
  {
    path: '/authz/api',
    scenario: 'authz-api',
    title: 'Authorization API',
    group: GROUP,
    hidden: true,
    summary: 'Answers any request with {"ok":true}.',
    cookies: () => [],
  },
];
