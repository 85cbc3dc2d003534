/**
 * `evaluateSetCookie`: what a current browser does with one `Set-Cookie` line received from a
 * request URL — RFC 6265bis §5.6 parsing (./set-cookie-parse.ts) plus the single-line steps of the
 * §5.7 storage model, following Chromium where it differs. The stateful steps (overwrite, "leave
 * secure cookies alone") live in ./cookie-jar.ts. Pure: `now` is a parameter. Never throws.
 * The full rule list, codes and corpus differences are in ./README.md.
 */
import type { AcceptedCookie, SetCookieEvaluation, SetCookieRejectReason, SetCookieWarning } from '../model/set-cookie';
import { cookieDomainMatch, defaultPath, isIpLiteral } from './cookie-match';
import { isPotentiallyTrustworthy, isPublicSuffix } from './domain';
import { type CookieEngine, parseSetCookie, type ParsedAttributes } from './set-cookie-parse';
export type { CookieEngine } from './set-cookie-parse';

export type {
  AcceptedCookie,
  SetCookieAccepted,
  SetCookieEvaluation,
  SetCookieRejected,
  SetCookieRejectReason,
  SetCookieSameSite,
  SetCookieWarning,
} from '../model/set-cookie';
export { SET_COOKIE_REJECT_REASONS, SET_COOKIE_WARNINGS } from '../model/set-cookie';

export interface EvaluateSetCookieOptions {
  /** Clock; defaults to `new Date()` here and only here. */
  now?: Date;
  /** The line came from a non-HTTP API (document.cookie): `HttpOnly` is then refused. */
  nonHttp?: boolean;
  /**
   * How the response relates to the top-level site (RFC 6265bis §5.2, §5.7 step 18). Omitted or
   * `same-site`: no check. `cross-site`: a cross-site subresource, which may only set
   * SameSite=None cookies. `cross-site-navigation`: a cross-site top-level navigation, which may
   * set any.
   */
  sameSiteContext?: SameSiteContext;
  /**
   * Follow one browser where browsers differ (see `CookieEngine`): Firefox's parsing of odd
   * pairs, its acceptance of prefixed cookies from http://localhost, and no Lax-by-default when
   * a cross-site response sets a cookie without SameSite. Default: the spec, as Chromium does.
   */
  engine?: CookieEngine;
}

export type SameSiteContext = 'same-site' | 'cross-site' | 'cross-site-navigation';

/** What `evaluateSetCookieAt` needs besides the line, the URL and the clock. */
export type EvaluateContext = Omit<EvaluateSetCookieOptions, 'now'>;

/** RFC 6265bis §5.5: user agents cap expiry at 400 days; Chromium and Firefox both do. */
export const MAX_COOKIE_AGE_MS = 400 * 24 * 60 * 60 * 1000;
/** Stand-in for "the earliest representable date" of §5.6.2 (Max-Age ≤ 0): the epoch. */
export const EARLIEST_EXPIRY = 0;
/** Largest value a JS Date holds; requested expiries beyond it are saturated. */
const LATEST_DATE = 8.64e15;

/** What the request URL contributes; parsed once per distinct URL. */
export interface RequestContext {
  /** URL hostname: lower-case, punycode, IPv6 in brackets (as Chromium stores it). */
  host: string;
  isIp: boolean;
  path: string;
  /** https/wss (Chromium: SchemeIsCryptographic). */
  cryptographic: boolean;
  /** Potentially trustworthy (https/wss, or a loopback host): may set `Secure` and prefixed cookies. */
  trustworthy: boolean;
}

const COOKIE_SCHEMES = new Set(['http:', 'https:', 'ws:', 'wss:']);
let lastUrl: string | undefined;
let lastContext: RequestContext | { reason: SetCookieRejectReason; detail: string } | undefined;

/** Parses a request URL; websocket handshakes set cookies too, so ws/wss count as HTTP. */
export function requestContext(requestUrl: string): RequestContext | { reason: SetCookieRejectReason; detail: string } {
  if (requestUrl === lastUrl && lastContext) return lastContext;
  let result: RequestContext | { reason: SetCookieRejectReason; detail: string };
  let url: URL | undefined;
  try {
    url = new URL(requestUrl);
  } catch {
    url = undefined;
  }
  if (!url) result = { reason: 'InvalidUrl', detail: 'request URL does not parse' };
  else if (!COOKIE_SCHEMES.has(url.protocol)) result = { reason: 'NonHttpScheme', detail: url.protocol };
  else if (url.hostname === '') result = { reason: 'InvalidUrl', detail: 'request URL has no host' };
  else {
    const cryptographic = url.protocol === 'https:' || url.protocol === 'wss:';
    result = {
      host: url.hostname,
      isIp: isIpLiteral(url.hostname),
      path: url.pathname,
      cryptographic,
      trustworthy: cryptographic || isPotentiallyTrustworthy(url),
    };
  }
  lastUrl = requestUrl;
  lastContext = result;
  return result;
}

export function evaluateSetCookie(header: string, requestUrl: string, options: EvaluateSetCookieOptions = {}): SetCookieEvaluation {
  const time = options?.now instanceof Date ? options.now.getTime() : NaN;
  // An invalid Date would poison every expiry; treat it like an omitted clock.
  const nowMs = Number.isFinite(time) ? time : Date.now();
  const line = typeof header === 'string' ? header : '';
  const url = typeof requestUrl === 'string' ? requestUrl : '';
  const context: EvaluateContext = { nonHttp: options?.nonHttp === true };
  if (options?.sameSiteContext) context.sameSiteContext = options.sameSiteContext;
  if (options?.engine === 'chromium' || options?.engine === 'firefox') context.engine = options.engine;
  return evaluateSetCookieAt(line, url, nowMs, context);
}

function rejected(reason: SetCookieRejectReason, detail: string): SetCookieEvaluation {
  return { accepted: false, reason, detail };
}

/** The evaluation with the clock as a number; the jar and the bench call this directly. */
export function evaluateSetCookieAt(header: string, requestUrl: string, nowMs: number, context: EvaluateContext = {}): SetCookieEvaluation {
  const ctx = requestContext(requestUrl);
  if ('reason' in ctx) return rejected(ctx.reason, ctx.detail);

  const engine = context.engine ?? 'spec';
  const parsed = parseSetCookie(header, engine);
  if (!parsed.ok) return rejected(parsed.reason, parsed.detail);
  const { name, value, attributes: a } = parsed;
  const warnings = parsed.warnings;

  const scope = cookieDomain(a.domain, ctx, warnings);
  if ('reason' in scope) return rejected(scope.reason, scope.detail);

  let path: string;
  if (a.path !== undefined && a.path.charCodeAt(0) === 0x2f) path = a.path;
  else {
    if (a.path !== undefined) warnings.push('PathInvalid');
    path = defaultPath(ctx.path);
  }

  // §5.7 step 13; Chromium and Firefox let loopback hosts over http set Secure cookies.
  if (a.secure && !ctx.trustworthy) return rejected('SecureOnly', `Secure from ${ctx.host} over an insecure scheme`);
  if (context.nonHttp && a.httpOnly) return rejected('HttpOnlyFromNonHttpApi', 'HttpOnly through a non-HTTP API');
  if (context.sameSiteContext === 'cross-site' && a.sameSite !== 'none') {
    // §5.7 step 18. Firefox without laxByDefault would still store an unspecified one.
    if (a.sameSite === 'strict') return rejected('SameSiteStrictCrossSite', 'SameSite=Strict from a cross-site response');
    if (a.sameSite === 'lax') return rejected('SameSiteLaxCrossSite', 'SameSite=Lax from a cross-site response');
    if (engine !== 'firefox') return rejected('SameSiteUnspecifiedTreatedAsLax', 'no SameSite=None on a cross-site response');
  }
  if (a.sameSite === 'none' && !a.secure) return rejected('SameSiteNoneInsecure', 'SameSite=None needs Secure');

  // Firefox checks __Host- on the cookie as stored: a default path of "/" passes, and so does a
  // Domain that left the cookie host-only (Domain=localhost on localhost).
  const prefixAttributes: ParsedAttributes = engine === 'firefox' ? { ...a, path } : a;
  if (engine === 'firefox' && scope.hostOnly) delete prefixAttributes.domain;
  const prefixProblem = checkPrefixes(name, value, prefixAttributes, ctx);
  if (prefixProblem) return rejected('InvalidPrefix', prefixProblem);
  if (a.partitioned && !a.secure) return rejected('PartitionedWithoutSecure', 'Partitioned needs Secure');

  // §5.7 step 6: Max-Age wins over Expires; both capped at 400 days (§5.5).
  let requested: number | null = null;
  if (a.maxAge !== undefined) {
    // ≤ 0 deletes: the epoch, or now itself for a clock set before 1970.
    requested = a.maxAge <= 0 ? Math.min(EARLIEST_EXPIRY, nowMs) : Math.min(nowMs + a.maxAge * 1000, LATEST_DATE);
  } else if (a.expires !== undefined) requested = a.expires;
  let expires = requested;
  if (expires !== null && expires > nowMs + MAX_COOKIE_AGE_MS) {
    expires = nowMs + MAX_COOKIE_AGE_MS;
    warnings.push('ExpiryClamped');
  }

  const cookie: AcceptedCookie = {
    name,
    value,
    domain: scope.domain,
    hostOnly: scope.hostOnly,
    path,
    secure: a.secure,
    httpOnly: a.httpOnly,
    sameSite: a.sameSite ?? 'unspecified',
    expires,
    partitioned: a.partitioned,
  };
  const detail: { requestedExpires: number | null; priority?: 'low' | 'medium' | 'high' } = {
    requestedExpires: requested,
  };
  if (a.priority) detail.priority = a.priority;
  return { accepted: true, cookie, warnings, detail };
}

type Scope = { domain: string; hostOnly: boolean } | { reason: SetCookieRejectReason; detail: string };

/** Characters that can never be part of a host (WHATWG forbidden host code points, roughly). */
const NOT_IN_HOST = /[\s/\\?#@:[\]<>^|%]/;

/** §5.7 steps 7–10, with Chromium's handling of IP hosts, '%' and non-ASCII domains. */
function cookieDomain(attribute: string | undefined, ctx: RequestContext, warnings: SetCookieWarning[]): Scope {
  // Absent or empty (the last Domain wins, even when empty): a host-only cookie.
  if (attribute === undefined || attribute === '') return { domain: ctx.host, hostOnly: true };
  let domain = attribute;

  if (ctx.isIp) {
    // Browsers accept Domain=<the IP as the URL spells it> and store a host-only cookie; nothing
    // else (both compare with the bracketed IPv6 form, so Domain=::1 fails on http://[::1]/).
    if (domain === ctx.host) {
      warnings.push('DomainTreatedAsHostOnly');
      return { domain: ctx.host, hostOnly: true };
    }
    return { reason: 'InvalidDomain', detail: `${attribute} on IP host ${ctx.host}` };
  }
  if (domain.includes('%')) return { reason: 'InvalidDomain', detail: `escaped characters in ${attribute}` };

  // RFC 6265bis §5.7 step 8 rejects non-ASCII; Chromium (kCookieDomainRejectNonASCII off by
  // default) canonicalises it to punycode and warns. We follow Chromium.
  if (/[\u0080-\uffff]/.test(domain)) {
    const ascii = NOT_IN_HOST.test(domain) ? '' : toAsciiHost(domain);
    if (ascii === '') return { reason: 'InvalidDomain', detail: `${attribute} is not a valid host` };
    warnings.push('DomainNonAscii');
    domain = ascii;
  }

  // §5.7 step 9. `localhost` has no registrable domain either: Chromium only allows it verbatim.
  if (domain === 'localhost' || isPublicSuffix(domain)) {
    if (domain === ctx.host) {
      warnings.push('DomainTreatedAsHostOnly');
      return { domain: ctx.host, hostOnly: true };
    }
    return { reason: 'InvalidDomain', detail: `${domain} is a public suffix` };
  }
  if (!cookieDomainMatch(ctx.host, domain)) {
    return { reason: 'InvalidDomain', detail: `${ctx.host} does not domain-match ${domain}` };
  }
  return { domain, hostOnly: false };
}

function toAsciiHost(domain: string): string {
  try {
    return new URL(`http://${domain}/`).hostname;
  } catch {
    return '';
  }
}

function startsWithInsensitive(s: string, prefix: string): boolean {
  return s.length >= prefix.length && s.slice(0, prefix.length).toLowerCase() === prefix;
}

/**
 * RFC 6265bis §4.1.3 / §5.7 steps 20–22 as Chromium implements them: prefixes match
 * case-insensitively (kCaseInsensitiveCookiePrefix), need a potentially trustworthy origin (so
 * http://localhost too, in Chromium 156 and Firefox alike), and `__Host-` needs the raw last Path to be exactly "/" and no Domain
 * (or Domain equal to an IP host). A nameless cookie may not smuggle a prefix in its value.
 */
function checkPrefixes(name: string, value: string, a: ParsedAttributes, ctx: RequestContext): string | null {
  if (name === '') {
    if (startsWithInsensitive(value, '__secure-') || startsWithInsensitive(value, '__host-')) {
      return 'nameless cookie whose value starts with a cookie prefix';
    }
    return null;
  }
  if (name.charCodeAt(0) !== 0x5f) return null;
  if (startsWithInsensitive(name, '__secure-')) {
    if (!a.secure || !ctx.trustworthy) return '__Secure- needs Secure and a secure origin';
  } else if (startsWithInsensitive(name, '__host-')) {
    if (!a.secure || !ctx.trustworthy) return '__Host- needs Secure and a secure origin';
    if (a.path !== '/') return '__Host- needs Path=/';
    if (a.domain !== undefined && a.domain !== '' && !(ctx.isIp && a.domain === ctx.host)) {
      return '__Host- must not have a Domain attribute';
    }
  }
  return null;
}
