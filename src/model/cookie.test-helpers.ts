import type { CookieSnapshot } from './cookie';

/**
 * A cookie as the browser reports it, for tests: a host-only session cookie on `/`, Secure,
 * HttpOnly and SameSite=Lax, unless `over` says otherwise.
 */
export function cookieSnapshot(over: Partial<CookieSnapshot> = {}): CookieSnapshot {
  return {
    name: 'pref',
    value: 'dark',
    domain: 'www.example.com',
    hostOnly: true,
    path: '/',
    secure: true,
    httpOnly: true,
    sameSite: 'lax',
    session: true,
    storeId: '0',
    ...over,
  };
}
