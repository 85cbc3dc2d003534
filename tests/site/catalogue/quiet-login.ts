/**
 * Logins whose URLs say nothing (`/quiet/…/enter`, `/quiet/…/leave`): the session audit only knows
 * the moment from a mark — the audit command's --login script marks its span. `renew` answers its
 * login slowly (longer than a hand mark's window) and renews the id; `keep` signs in without renewing.
 * Vars: `id` (the session id this response sets). tests/e2e/cli-login.e2e.ts walks both.
 */
import type { CookieCase, FindingId, RenderContext, RouteSpec } from '../types';
import { cookie, deleted, stored, v } from './helpers';

const GROUP = 'Session lifecycle';
/** How long /quiet/renew/enter takes to answer: past the session model's 2 s window after a hand mark. */
export const QUIET_LOGIN_DELAY_MS = 2_500;

function issue(ctx: RenderContext, name: string, path: string, when: string): CookieCase[] {
  const id = v(ctx, 'id', `<${name}>`);
  return [
    cookie(`quiet${path}/${when}`, name, `${name}=${id}; Path=${path}; HttpOnly`, {
      browsers: stored({ value: id, path, httpOnly: true, secure: false, sameSite: 'unspecified', expires: 'session' }),
      findings: ['missing-secure', 'samesite-missing', 'session-id-not-secure', 'session-id-default-name'],
      note: `${name} ${when}, scoped to ${path}.`,
    }),
  ];
}

const expire = (name: string, path: string): CookieCase[] => [
  cookie(`quiet${path}/leave`, name, `${name}=; Path=${path}; Max-Age=0; HttpOnly`, { browsers: deleted() }),
];

/** The session findings each quiet app's session must end with after its marked login and logout. */
export const QUIET_APP_FINDINGS: Record<string, FindingId[]> = { _session_id: [], 'rack.session': ['session-fixation'] };

export const quietLoginRoutes: RouteSpec[] = [
  {
    path: '/quiet/renew/start',
    scenario: 'quiet-renew-start',
    title: 'Login with URLs that say nothing: renews the id',
    group: GROUP,
    summary: 'Issues _session_id (Path=/quiet/renew); /quiet/renew/enter signs in slowly and renews it, /quiet/renew/leave expires it.',
    notes: ['Only a mark (by hand, or the --login script of the audit command) tells the session audit these are a login and a logout.'],
    cookies: (ctx) => issue(ctx, '_session_id', '/quiet/renew', 'issued before login'),
  },
  {
    path: '/quiet/renew/enter',
    scenario: 'quiet-renew-enter',
    title: 'Quiet login: renews the id, slowly',
    group: GROUP,
    hidden: true,
    summary: 'Answers after a delay with a fresh _session_id.',
    cookies: (ctx) => issue(ctx, '_session_id', '/quiet/renew', 'renewed at login'),
  },
  {
    path: '/quiet/renew/leave',
    scenario: 'quiet-renew-leave',
    title: 'Quiet logout: expires the id',
    group: GROUP,
    hidden: true,
    summary: '_session_id with Max-Age=0.',
    cookies: () => expire('_session_id', '/quiet/renew'),
  },
  {
    path: '/quiet/keep/start',
    scenario: 'quiet-keep-start',
    title: 'Login with URLs that say nothing: keeps the id',
    group: GROUP,
    summary: 'Issues rack.session (Path=/quiet/keep); /quiet/keep/enter signs in without renewing it, /quiet/keep/leave expires it.',
    notes: ['Expected, once the login is marked: session-fixation on rack.session.'],
    cookies: (ctx) => issue(ctx, 'rack.session', '/quiet/keep', 'issued before login'),
  },
  {
    path: '/quiet/keep/enter',
    scenario: 'quiet-keep-enter',
    title: 'Quiet login: keeps the id',
    group: GROUP,
    hidden: true,
    summary: 'Signs in and sets no cookie.',
    cookies: () => [],
  },
  {
    path: '/quiet/keep/leave',
    scenario: 'quiet-keep-leave',
    title: 'Quiet logout: expires the id',
    group: GROUP,
    hidden: true,
    summary: 'rack.session with Max-Age=0.',
    cookies: () => expire('rack.session', '/quiet/keep'),
  },
];
