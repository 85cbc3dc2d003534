/**
 * Host and domain helpers shared by every analysis: registrable domains (eTLD+1) from the Public
 * Suffix List via tldts, the RFC 6265 §5.1.3 domain-match, and "potentially trustworthy" origins.
 * Pure: no browser API, no clock.
 */
import { getDomain, getPublicSuffix } from 'tldts';

const IPV4 = /^(?:\d{1,3}\.){3}\d{1,3}$/;

/** Lower-cases a host, strips IPv6 brackets and one trailing dot. */
export function canonicalHost(host: string): string {
  let h = host.trim().toLowerCase();
  if (h.startsWith('[') && h.endsWith(']')) h = h.slice(1, -1);
  if (h.endsWith('.')) h = h.slice(0, -1);
  return h;
}

export function isIpAddress(host: string): boolean {
  const h = canonicalHost(host);
  return IPV4.test(h) || h.includes(':');
}

/** `localhost` and `*.localhost` are loopback by definition (RFC 6761 §6.3). */
export function isLocalhost(host: string): boolean {
  const h = canonicalHost(host);
  return h === 'localhost' || h.endsWith('.localhost');
}

export function isLoopback(host: string): boolean {
  const h = canonicalHost(host);
  return isLocalhost(h) || /^127\./.test(h) || h === '::1';
}

/**
 * The registrable domain (eTLD+1) a host belongs to. IP addresses and single-label hosts such as
 * `localhost` are their own "site": browsers key cookie limits and site checks on them as is.
 * Private PSL sections (e.g. github.io) count, as they do for cookies in browsers.
 */
export function registrableDomain(host: string): string {
  const h = canonicalHost(host.startsWith('.') ? host.slice(1) : host);
  if (h === '' || isIpAddress(h)) return h;
  const d = getDomain(h, { allowPrivateDomains: true });
  return d ?? h;
}

/**
 * True when `host` is itself a public suffix (e.g. `com`, `co.uk`, `github.io`), i.e. a `Domain`
 * attribute naming it must be rejected (RFC 6265 §5.3 step 5). Unknown TLDs follow the PSL's
 * default rule `*`: a single label is a public suffix — except `localhost`, which browsers allow.
 */
export function isPublicSuffix(host: string): boolean {
  const h = canonicalHost(host);
  if (h === '' || isIpAddress(h) || h === 'localhost') return false;
  const suffix = getPublicSuffix(h, { allowPrivateDomains: true });
  return suffix === h;
}

/** RFC 6265 §5.1.3 domain-match: identical, or `host` ends with `.domain` and is not an IP. */
export function domainMatch(host: string, domain: string): boolean {
  const h = canonicalHost(host);
  const d = canonicalHost(domain);
  if (h === d) return true;
  return !isIpAddress(h) && h.endsWith('.' + d);
}

/**
 * https/wss origins, and loopback hosts on any scheme, are "potentially trustworthy" (Secure
 * Contexts §3.1); browsers let such origins set `Secure` cookies (Chromium since M89, Firefox 75+).
 */
export function isPotentiallyTrustworthy(url: URL): boolean {
  if (url.protocol === 'https:' || url.protocol === 'wss:') return true;
  return isLoopback(url.hostname);
}

/** Same-site as browsers compute it for cookies: same registrable domain (scheme ignored here). */
export function sameSite(hostA: string, hostB: string): boolean {
  return registrableDomain(hostA) === registrableDomain(hostB);
}

/** The host name of a URL; undefined when there is no URL or it does not parse. */
export function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).hostname;
  } catch {
    return undefined;
  }
}
