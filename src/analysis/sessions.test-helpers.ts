/** Small builders of log records for the session-model tests. */
import type { CookieChangeEvent, HeaderObservation, SetCookieRecord } from '../model/events';

let nextId = 1;

export function change(time: number, name: string, digest: string, over: Partial<CookieChangeEvent> = {}): CookieChangeEvent {
  const domain = over.domain ?? 'shop.test';
  return {
    id: nextId++,
    time,
    storeId: '0',
    incognito: false,
    cause: 'explicit',
    removed: false,
    name,
    domain,
    hostOnly: true,
    path: '/',
    secure: false,
    httpOnly: true,
    sameSite: 'lax',
    session: true,
    registrableDomain: domain,
    cookieKey: `${name}|${domain}|/||0`,
    valueLength: 32,
    valueDigest: digest,
    source: 'http',
    ...over,
  };
}

export const removal = (time: number, name: string, digest: string, cause: CookieChangeEvent['cause'] = 'explicit'): CookieChangeEvent =>
  change(time, name, digest, { removed: true, cause });

export function request(time: number, url: string, over: Partial<HeaderObservation> = {}): HeaderObservation {
  const u = new URL(url);
  return {
    id: nextId++,
    time,
    kind: 'request',
    tabId: 1,
    frameId: 0,
    requestId: String(nextId),
    url,
    method: 'GET',
    resourceType: 'main_frame',
    scheme: u.protocol.replace(':', ''),
    registrableDomain: u.hostname,
    topLevelSite: u.hostname,
    cookieNames: [],
    ...over,
  };
}

export function response(
  time: number,
  url: string,
  setCookies: Array<Partial<SetCookieRecord> & { name: string }>,
  over: Partial<HeaderObservation> = {},
): HeaderObservation {
  const o = request(time, url, { kind: 'response', statusCode: 200, ...over });
  delete o.cookieNames;
  o.setCookies = setCookies.map((l) => ({ line: `${l.name}=`, valueLength: 32, valueDigest: 'x', outcome: 'stored', ...l }));
  return o;
}
