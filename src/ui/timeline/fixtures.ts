/** Log records for the panel's unit tests: defaults for every field, overrides per case. */
import { cookieKey, type CookieChangeEvent, type HeaderObservation, type SetCookieRecord } from '../../model/events';

export function change(over: Partial<CookieChangeEvent> & { id: number }): CookieChangeEvent {
  const base = {
    time: over.id,
    storeId: '0',
    incognito: false,
    cause: 'explicit' as const,
    removed: false,
    name: 'sid',
    domain: 'a.test',
    hostOnly: true,
    path: '/',
    secure: true,
    httpOnly: true,
    sameSite: 'lax' as const,
    session: true,
    registrableDomain: 'a.test',
    valueLength: 8,
    valueDigest: 'd1',
    source: 'http' as const,
  };
  const merged = { ...base, ...over };
  return { cookieKey: cookieKey(merged), ...merged };
}

export function line(over: Partial<SetCookieRecord> = {}): SetCookieRecord {
  return {
    line: 'sid=; Path=/; Secure; HttpOnly; SameSite=Lax',
    name: 'sid',
    valueLength: 8,
    valueDigest: 'd1',
    outcome: 'stored',
    ...over,
  };
}

export function observation(over: Partial<HeaderObservation> & { id: number }): HeaderObservation {
  return {
    time: over.id,
    kind: 'response',
    tabId: 1,
    frameId: 0,
    requestId: String(over.id),
    url: 'https://a.test/',
    method: 'GET',
    resourceType: 'main_frame',
    topLevelSite: 'a.test',
    scheme: 'https',
    registrableDomain: 'a.test',
    ...over,
  };
}
