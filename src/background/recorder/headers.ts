/**
 * Turns what webRequest reports into the recorded header observations. Pure: the browser details
 * arrive as plain objects, context (time, top-level site) as parameters.
 */
import { hostOf, registrableDomain } from '../../analysis/domain';
import type { NewHeaderObservation } from '../../model/events';

/** The fields both browsers' webRequest details share, plus each one's extras. */
export interface RequestDetailsLike {
  requestId: string;
  url: string;
  method: string;
  type: string;
  tabId: number;
  frameId: number;
  /** Chromium: origin of the document that started the request. */
  initiator?: string | undefined;
  /** Firefox: URL of the document/resource that started the request. */
  originUrl?: string | undefined;
  /** Firefox: the frame's ancestors, the top-level one last. */
  frameAncestors?: Array<{ url: string }> | undefined;
  /** Firefox: the private-browsing flag and the container of the request. */
  incognito?: boolean | undefined;
  cookieStoreId?: string | undefined;
  statusCode?: number | undefined;
}

export interface HeaderContext {
  time: number;
  /** URL of the tab's top-level document, when known. */
  topLevelUrl?: string | undefined;
}

/**
 * Bounds on what one record keeps. Headers and URLs come from any site and can be huge (Chromium
 * accepts 256 KB of response headers; data: URLs run to megabytes); the log keeps enough to read
 * and to recognise, and says how much it dropped.
 */
export const MAX_URL_CHARS = 2_048;
export const MAX_LINE_CHARS = 8_192;
export const MAX_NAMES = 300;
export const MAX_NAME_CHARS = 256;
/**
 * Set-Cookie lines kept per response: a hostile page can send thousands in one response (each one
 * is parsed, digested and correlated); the rest are counted, not recorded. Browsers keep about 180
 * cookies per domain, so a real site stays well under it.
 */
export const MAX_SET_COOKIE_LINES = 500;

export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max)}…[${text.length - max} more characters]`;
}

/** The top-level document's URL as far as the details alone tell. */
export function topLevelUrlFromDetails(d: RequestDetailsLike): string | undefined {
  if (d.type === 'main_frame') return d.url;
  const ancestors = d.frameAncestors;
  if (ancestors && ancestors.length > 0) return ancestors[ancestors.length - 1]?.url;
  return undefined;
}

function base(d: RequestDetailsLike, kind: 'request' | 'response', ctx: HeaderContext): NewHeaderObservation {
  const host = hostOf(d.url) ?? '';
  const topHost = hostOf(ctx.topLevelUrl);
  let scheme = '';
  try {
    scheme = new URL(d.url).protocol.replace(/:$/, '');
  } catch {
    scheme = '';
  }
  const obs: NewHeaderObservation = {
    time: ctx.time,
    kind,
    tabId: d.tabId,
    frameId: d.frameId,
    requestId: d.requestId,
    url: clip(d.url, MAX_URL_CHARS),
    method: d.method,
    resourceType: d.type,
    scheme,
    registrableDomain: registrableDomain(host),
  };
  const initiator = d.initiator ?? d.originUrl;
  if (initiator) obs.initiator = clip(initiator, MAX_URL_CHARS);
  if (topHost !== undefined) obs.topLevelSite = registrableDomain(topHost);
  if (kind === 'response' && typeof d.statusCode === 'number') obs.statusCode = d.statusCode;
  return obs;
}

/** Names of the cookies in a `Cookie` request header, in order ("a=1; b" → ["a", ""] per RFC 6265bis). */
export function cookieNamesOf(header: string): string[] {
  const names: string[] = [];
  for (const part of header.split(';')) {
    const trimmed = part.trim();
    if (trimmed === '') continue;
    const eq = trimmed.indexOf('=');
    names.push(eq < 0 ? '' : trimmed.slice(0, eq).trim());
  }
  return names;
}

/**
 * Longest scheme kept. Registered schemes (IANA HTTP Authentication Schemes) are short; a long
 * first word is more likely a key than a scheme.
 */
const MAX_SCHEME_CHARS = 24;
/** RFC 9110 §11.4: `auth-scheme 1*SP credentials`, auth-scheme being a token (§5.6.2). */
const SCHEME_WITH_CREDENTIALS = /^([A-Za-z][A-Za-z0-9!#$%&'*+.^_`|~-]*) +\S/;

/**
 * `Authorization: Bearer abc` → "Bearer". Only the scheme is ever kept, never credentials; a header
 * that is not a scheme followed by credentials (a bare API key) gives '' ("no scheme").
 */
export function authorizationScheme(header: string): string {
  const scheme = SCHEME_WITH_CREDENTIALS.exec(header.trim())?.[1] ?? '';
  return scheme.length <= MAX_SCHEME_CHARS ? scheme : '';
}

export function requestObservation(
  d: RequestDetailsLike,
  cookieHeader: string | undefined,
  authorization: string | undefined,
  ctx: HeaderContext,
): NewHeaderObservation {
  const obs = base(d, 'request', ctx);
  obs.cookieNames = cookieHeader
    ? cookieNamesOf(cookieHeader)
        .slice(0, MAX_NAMES)
        .map((n) => clip(n, MAX_NAME_CHARS))
    : [];
  if (authorization !== undefined) obs.authorization = { scheme: authorizationScheme(authorization) };
  return obs;
}

export function responseObservation(d: RequestDetailsLike, ctx: HeaderContext): NewHeaderObservation {
  return base(d, 'response', ctx);
}

/**
 * How the response relates to the top-level site, for SameSite enforcement on set
 * (RFC 6265bis §5.7 step 18). Unknown top level → treated as same-site (no prediction).
 */
export function sameSiteContextOf(
  d: RequestDetailsLike,
  topLevelUrl: string | undefined,
): 'same-site' | 'cross-site' | 'cross-site-navigation' {
  if (d.type === 'main_frame') return 'same-site';
  const top = hostOf(topLevelUrl);
  const host = hostOf(d.url);
  if (!top || !host) return 'same-site';
  if (registrableDomain(top) === registrableDomain(host)) return 'same-site';
  return 'cross-site';
}
