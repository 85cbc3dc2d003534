/**
 * Logins and logouts in the log: requests to login-/logout-like URLs (auth-urls.ts) and the
 * user's manual marks. A GET of a login URL usually only shows the form, so it counts as a login
 * only when its response set or deleted a cookie (an OAuth callback does); any request to a
 * logout URL counts (logout links are plain GETs).
 */
import type { HeaderObservation, SessionMark } from '../model/events';
import { authMomentOf, type AuthMoment } from './auth-urls';

export interface AuthMomentRecord {
  kind: AuthMoment;
  /** ms since the epoch: the request's time (or its response's when only that was recorded). */
  time: number;
  /** The end of a marked moment whose span is known: its changes lie between `time` and this. */
  until?: number;
  /** Registrable domain the moment is about. */
  site: string;
  /** The request URL (as stored: parameter values redacted); null for a manual mark. */
  url: string | null;
  manual: boolean;
  /** The request's and response's observation ids: a cookie change linked to one was caused by this moment. */
  observationIds: number[];
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function setsCookies(o: HeaderObservation): boolean {
  return (o.setCookies ?? []).some((l) => l.outcome === 'stored' || l.outcome === 'updated' || l.outcome === 'deleted');
}

/** Every login and logout, in time order. */
export function authMoments(observations: readonly HeaderObservation[], marks: readonly SessionMark[] = []): AuthMomentRecord[] {
  const byRequest = new Map<string, HeaderObservation[]>();
  for (const o of observations) {
    const key = `${o.tabId}\u0000${o.requestId}\u0000${o.url}`;
    const group = byRequest.get(key);
    if (group) group.push(o);
    else byRequest.set(key, [o]);
  }
  const out: AuthMomentRecord[] = [];
  for (const group of byRequest.values()) {
    const first = group[0] as HeaderObservation;
    const kind = authMomentOf(first.url);
    if (!kind) continue;
    if (kind === 'login' && SAFE_METHODS.has(first.method.toUpperCase()) && !group.some(setsCookies)) continue;
    const time = Math.min(...group.map((o) => o.time));
    out.push({ kind, time, site: first.registrableDomain, url: first.url, manual: false, observationIds: group.map((o) => o.id) });
  }
  for (const m of marks) {
    if ((m.kind === 'login' || m.kind === 'logout') && m.site) {
      const mark: AuthMomentRecord = { kind: m.kind, time: m.time, site: m.site, url: null, manual: true, observationIds: [] };
      out.push(m.until === undefined ? mark : absorb({ ...mark, until: m.until }, out));
    }
  }
  return out.sort((a, b) => a.time - b.time || a.kind.localeCompare(b.kind));
}

/**
 * A spanned mark and the login-like requests inside its span are one moment: the mark takes their
 * URL and their responses (so correlation still links its changes) and they leave the list.
 */
function absorb(mark: AuthMomentRecord & { until: number }, out: AuthMomentRecord[]): AuthMomentRecord {
  for (let i = out.length - 1; i >= 0; i--) {
    const m = out[i] as AuthMomentRecord;
    if (m.manual || m.kind !== mark.kind || m.site !== mark.site || m.time < mark.time || m.time > mark.until) continue;
    out.splice(i, 1);
    mark.url = m.url;
    mark.observationIds = [...m.observationIds, ...mark.observationIds];
  }
  return mark;
}
