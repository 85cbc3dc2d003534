/**
 * The exact-string matching rules of RFC 6265 §5.1.3–5.1.4, for values that are already
 * canonical (lower-case hosts from the URL parser, cookie domains without a leading dot).
 * Unlike `domainMatch` in ./domain.ts these do not trim or drop a trailing dot: browsers treat
 * `Domain=example.com.` as a different domain from `example.com`.
 */

/** IPv4 dotted quad or an IPv6 literal (bracketed or not). */
export function isIpLiteral(host: string): boolean {
  if (host.includes(':')) return true;
  return /^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/** §5.1.3: identical, or `host` ends with "." + `domain` and is not an IP address. */
export function cookieDomainMatch(host: string, domain: string): boolean {
  if (host === domain) return true;
  return (
    host.length > domain.length && host.endsWith(domain) && host.charCodeAt(host.length - domain.length - 1) === 0x2e && !isIpLiteral(host)
  );
}

/** §5.1.4 default-path: the request path up to, not including, its right-most "/". */
export function defaultPath(requestPath: string): string {
  if (requestPath === '' || requestPath.charCodeAt(0) !== 0x2f) return '/';
  const last = requestPath.lastIndexOf('/');
  return last === 0 ? '/' : requestPath.slice(0, last);
}

/** §5.1.4 path-match. */
export function pathMatch(requestPath: string, cookiePath: string): boolean {
  if (requestPath === cookiePath) return true;
  if (!requestPath.startsWith(cookiePath)) return false;
  return cookiePath.endsWith('/') || requestPath.charCodeAt(cookiePath.length) === 0x2f;
}
