/**
 * A cookie as a Set-Cookie line or as JSON, for the clipboard. The value goes in only when the
 * user revealed it; otherwise it is left empty so a copy never leaks a secret by accident.
 */
import type { CookieInfo } from '../../model/cookie';

const SAME_SITE: Record<CookieInfo['sameSite'], string | undefined> = {
  none: 'None',
  lax: 'Lax',
  strict: 'Strict',
  unspecified: undefined,
};

export function toSetCookieLine(c: CookieInfo, includeValue: boolean): string {
  const parts = [`${c.name}=${includeValue ? c.value : ''}`];
  if (!c.hostOnly) parts.push(`Domain=${c.domain}`);
  parts.push(`Path=${c.path}`);
  if (c.expires !== null) parts.push(`Expires=${new Date(c.expires).toUTCString()}`);
  if (c.secure) parts.push('Secure');
  if (c.httpOnly) parts.push('HttpOnly');
  const ss = SAME_SITE[c.sameSite];
  if (ss) parts.push(`SameSite=${ss}`);
  if (c.partition) parts.push('Partitioned');
  return parts.join('; ');
}

export function toJson(c: CookieInfo, includeValue: boolean): string {
  const out: Record<string, unknown> = {
    name: c.name,
    ...(includeValue ? { value: c.value } : {}),
    domain: c.domain,
    hostOnly: c.hostOnly,
    path: c.path,
    secure: c.secure,
    httpOnly: c.httpOnly,
    sameSite: c.sameSite,
    expires: c.expires === null ? null : new Date(c.expires).toISOString(),
    storeId: c.storeId,
  };
  if (c.partition) out['partition'] = c.partition;
  if (c.firstPartyDomain) out['firstPartyDomain'] = c.firstPartyDomain;
  return JSON.stringify(out, null, 2);
}
