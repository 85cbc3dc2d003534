/**
 * Is this cookie a session identifier? First a dictionary of names frameworks use by default
 * (which also makes them fingerprintable: OWASP Session Management Cheat Sheet, "Session ID Name
 * Fingerprinting"), then name heuristics confirmed by a value that looks like a random ID.
 */
import { detectJwt } from './jwt';

export interface SessionIdMatch {
  isSessionId: boolean;
  confidence: 'known' | 'heuristic';
  framework?: string;
  /** The name is a framework default, so it reveals the technology behind the site. */
  defaultName: boolean;
  why: string;
}

interface Known {
  framework: string;
  sessionId: boolean;
  /** Framework defaults are fingerprintable; generic names such as `sid` are not. */
  defaultName: boolean;
  why: string;
}

const session = (framework: string, defaultName = true): Known => ({
  framework,
  sessionId: true,
  defaultName,
  why: `${framework} session cookie name`,
});
const notSession = (framework: string, why: string): Known => ({ framework, sessionId: false, defaultName: false, why });

/** Exact names, lower-cased, after any `__Host-` / `__Secure-` prefix is removed. */
const EXACT = new Map<string, Known>([
  ['jsessionid', session('Java Servlet (Tomcat, Jetty, …)')],
  ['jsessionidsso', session('Apache Tomcat single sign-on')],
  ['phpsessid', session('PHP')],
  ['asp.net_sessionid', session('ASP.NET')],
  ['.aspxauth', session('ASP.NET Forms authentication')],
  ['.aspnetcore.session', session('ASP.NET Core')],
  ['.aspnetcore.cookies', session('ASP.NET Core cookie authentication')],
  ['.aspnetcore.identity.application', session('ASP.NET Core Identity')],
  ['connect.sid', session('Express (express-session)')],
  ['express:sess', session('Express (cookie-session)')],
  ['sessionid', session('Django')],
  ['laravel_session', session('Laravel')],
  ['ci_session', session('CodeIgniter')],
  ['_session_id', session('Ruby on Rails')],
  ['rack.session', session('Rack')],
  ['session', session('Flask / Spring Session / cookie-session')],
  ['koa.sess', session('Koa (koa-session)')],
  ['koa:sess', session('Koa (koa-session)')],
  ['cfid', session('ColdFusion')],
  ['cftoken', session('ColdFusion')],
  ['play_session', session('Play Framework')],
  ['cakephp', session('CakePHP')],
  ['moodlesession', session('Moodle')],
  ['sails.sid', session('Sails.js')],
  ['_gitlab_session', session('GitLab')],
  ['_oauth2_proxy', session('OAuth2 Proxy')],
  ['keycloak_session', session('Keycloak')],
  ['keycloak_identity', session('Keycloak')],
  ['auth_session_id', session('Keycloak')],
  ['grafana_session', session('Grafana')],
  ['sid', { framework: 'generic', sessionId: true, defaultName: false, why: 'generic session ID cookie name' }],
  ['xsrf-token', notSession('Angular / Laravel', 'CSRF token, not a session ID')],
  ['csrftoken', notSession('Django', 'CSRF token, not a session ID')],
  ['_csrf', notSession('csurf', 'CSRF secret, not a session ID')],
  ['awsalb', notSession('AWS load balancer', 'load-balancer stickiness, not a session ID')],
  ['awsalbcors', notSession('AWS load balancer', 'load-balancer stickiness, not a session ID')],
  ['awsalbtg', notSession('AWS load balancer', 'load-balancer stickiness, not a session ID')],
  ['awsalbtgcors', notSession('AWS load balancer', 'load-balancer stickiness, not a session ID')],
  ['awselb', notSession('AWS load balancer', 'load-balancer stickiness, not a session ID')],
  ['arraffinity', notSession('Azure App Service', 'load-balancer affinity, not a session ID')],
  ['arraffinitysamesite', notSession('Azure App Service', 'load-balancer affinity, not a session ID')],
  ['serverid', notSession('HAProxy', 'load-balancer stickiness, not a session ID')],
  ['routeid', notSession('Apache mod_proxy_balancer', 'load-balancer stickiness, not a session ID')],
  ['__cf_bm', notSession('Cloudflare', 'bot-management cookie, not a session ID')],
  ['cf_clearance', notSession('Cloudflare', 'challenge clearance, not a session ID')],
  ['wordpress_test_cookie', notSession('WordPress', 'cookie-support probe, not a session ID')],
]);

const PATTERNS: ReadonlyArray<readonly [RegExp, Known]> = [
  [/^aspsessionid[a-z]{8}$/, session('Classic ASP')],
  [/^wordpress_logged_in_[0-9a-f]{32}$/, session('WordPress')],
  [/^wordpress_(sec_)?[0-9a-f]{32}$/, session('WordPress')],
  [/^s?sess[0-9a-f]{32}$/, session('Drupal')],
  [/^_shibsession_/, session('Shibboleth SP')],
  [/^(next-auth|authjs)\.session-token(\.\d+)?$/, session('NextAuth.js / Auth.js')],
  [/^(next-auth|authjs)\.(csrf-token|callback-url)$/, notSession('NextAuth.js / Auth.js', 'auth flow helper, not a session ID')],
  [/^wp-settings-(time-)?\d+$/, notSession('WordPress', 'user interface settings, not a session ID')],
  [/^bigipserver/, notSession('F5 BIG-IP', 'load-balancer persistence, not a session ID')],
  // Rails names the cookie after the app: `_myapp_session`.
  [/^_[a-z0-9_]+_session$/, session('Ruby on Rails')],
];

const PREFIX = /^__(host|secure)-/i;

/** Every pattern starts with one of these; most names start with none, so skip the regexes. */
const PATTERN_STARTS = /^(aspsess|wordpress_|s?sess|_|next-auth\.|authjs\.|wp-settings-|bigipserver)/;

function lookUp(name: string): Known | undefined {
  const bare = (name.startsWith('__') ? name.replace(PREFIX, '') : name).toLowerCase();
  const exact = EXACT.get(bare);
  if (exact) return exact;
  if (!PATTERN_STARTS.test(bare)) return undefined;
  for (const [re, known] of PATTERNS) if (re.test(bare)) return known;
  return undefined;
}

/** Names without any of these substrings cannot match a heuristic: skip splitting them. */
const HINTS = /sess|sid|auth|token|jwt|csrf|xsrf/i;

/** Splits `accessToken`, `user_sid`, `auth-session` into lower-case words. */
export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w !== '')
    .map((w) => w.toLowerCase());
}

function sessionWord(words: readonly string[]): string | undefined {
  for (const w of words) {
    if (w.includes('session') || w.startsWith('sess') || w.endsWith('sessid')) return w;
    if (w === 'sid' || w === 'ssid') return w;
    if (w === 'auth' || w === 'authn' || w === 'authentication' || w === 'jwt') return w;
    if (/^auth(token|session|cookie|id)$/.test(w)) return w;
    if (w === 'token' || /^(access|refresh|id|auth|session|api|bearer|login)token$/.test(w)) return w;
  }
  return undefined;
}

/**
 * Shannon entropy of the value times its length, in bits: a rough estimate of how random it is.
 * OWASP asks for at least 64 bits of entropy in a session ID.
 */
export function estimatedEntropyBits(value: string): number {
  if (value.length === 0) return 0;
  const counts = new Map<string, number>();
  for (let i = 0; i < value.length; i++) {
    const ch = value.charAt(i);
    counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  let perChar = 0;
  for (const n of counts.values()) {
    const p = n / value.length;
    perChar -= p * Math.log2(p);
  }
  return perChar * value.length;
}

const ID_CHARS = /^[A-Za-z0-9+/=_.%:~!*-]+$/;

/** Does the value look like a random identifier or token (≥ 16 chars, ≥ 64 bits estimated)? */
export function looksLikeRandomId(value: string): boolean {
  const v = value.length >= 2 && value.startsWith('"') && value.endsWith('"') ? value.slice(1, -1) : value;
  return v.length >= 16 && ID_CHARS.test(v) && estimatedEntropyBits(v) >= 64;
}

/**
 * Classifies a cookie name (and, when known, its value). Null when nothing suggests a session.
 * Pass `value` as undefined when it is not available (redacted): the name alone then decides.
 */
export function detectSessionId(name: string, value?: string): SessionIdMatch | null {
  const known = lookUp(name);
  if (known) {
    const match: SessionIdMatch = {
      isSessionId: known.sessionId,
      confidence: 'known',
      defaultName: known.defaultName,
      why: known.why,
    };
    if (known.framework !== 'generic') match.framework = known.framework;
    return match;
  }
  if (!HINTS.test(name)) return null;
  const words = nameWords(name);
  if (words.includes('csrf') || words.includes('xsrf') || words.some((w) => /^(csrf|xsrf)/.test(w))) {
    return { isSessionId: false, confidence: 'heuristic', defaultName: false, why: 'CSRF token, not a session ID' };
  }
  const word = sessionWord(words);
  if (word === undefined) return null;
  if (value === undefined) {
    return { isSessionId: true, confidence: 'heuristic', defaultName: false, why: `name contains "${word}"` };
  }
  if (detectJwt(value)) {
    return { isSessionId: true, confidence: 'heuristic', defaultName: false, why: `name contains "${word}" and the value is a JWT` };
  }
  if (looksLikeRandomId(value)) {
    return {
      isSessionId: true,
      confidence: 'heuristic',
      defaultName: false,
      why: `name contains "${word}" and the value looks random (~${Math.round(estimatedEntropyBits(value))} bits)`,
    };
  }
  return {
    isSessionId: false,
    confidence: 'heuristic',
    defaultName: false,
    why: `name contains "${word}" but the value does not look like an identifier`,
  };
}
