/**
 * Is a request URL a login or a logout? Only the URL's path (and the query's parameter names) are
 * looked at: request bodies are never read (they hold passwords). The lists are the paths common
 * frameworks and identity providers use by default; docs/SESSIONS.md repeats them for users.
 */

export type AuthMoment = 'login' | 'logout';

/** Path segments (lower-cased, without extension) that name a login endpoint. */
export const LOGIN_SEGMENTS: readonly string[] = [
  'login',
  'log-in',
  'log_in',
  'signin',
  'sign-in',
  'sign_in',
  'logon',
  'auth',
  'authenticate',
  'j_security_check',
  'wp-login',
  'session',
  'sessions',
];

/** Path segments that name a logout endpoint. */
export const LOGOUT_SEGMENTS: readonly string[] = [
  'logout',
  'log-out',
  'log_out',
  'signout',
  'sign-out',
  'sign_out',
  'logoff',
  'log-off',
  'end_session',
];

const LOGIN = new Set(LOGIN_SEGMENTS);
const LOGOUT = new Set(LOGOUT_SEGMENTS);

/** `oauth2/callback`, `oauth/authorize/callback`, `auth/google/callback`: an OAuth/OIDC redirect back. */
function isOAuthCallback(segments: readonly string[]): boolean {
  const last = segments[segments.length - 1];
  if (last !== 'callback' && last !== 'cb' && last !== 'redirect') return false;
  return segments.some((s) => s.startsWith('oauth') || s === 'auth' || s === 'oidc' || s === 'sso');
}

function segmentsOf(url: string): string[] | undefined {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return undefined;
  }
  return path
    .split('/')
    .map((s) => {
      // `;jsessionid=…` path parameters and `.php`/`.do` extensions do not change what the endpoint is.
      const bare = s.split(';', 1)[0] ?? '';
      let decoded = bare;
      try {
        decoded = decodeURIComponent(bare);
      } catch {
        /* keep the raw segment */
      }
      return decoded.toLowerCase().replace(/\.(php|do|action|aspx?|jsp|html?|cgi)$/, '');
    })
    .filter((s) => s !== '');
}

/** Which authentication moment a request URL names, if any. Logout wins over login (`/auth/logout`). */
export function authMomentOf(url: string): AuthMoment | undefined {
  const segments = segmentsOf(url);
  if (!segments) return undefined;
  if (segments.some((s) => LOGOUT.has(s))) return 'logout';
  if (segments.some((s) => LOGIN.has(s))) return 'login';
  // `accounts/login` and `users/sign_in` are covered by the segments; a callback needs the pair.
  if (isOAuthCallback(segments)) return 'login';
  return undefined;
}
