/**
 * The cookies the panel knows for the inspected tab: those in the browser's jar now (with values)
 * and those only the log remembers (deleted, expired, evicted — no value), plus the session view's
 * per-cookie facts. Pure.
 */
import { detectSessionId, type SessionIdMatch } from '../../analysis';
import type { CookieInfo, CookieSameSite } from '../../model/cookie';
import type { CookieChangeEvent, HeaderObservation } from '../../model/events';

export interface KnownCookie {
  info: CookieInfo;
  /** In the browser's jar now; otherwise only the log remembers it and its value is unknown. */
  present: boolean;
}

const SAME_SITE: Record<CookieChangeEvent['sameSite'], CookieSameSite> = {
  no_restriction: 'none',
  lax: 'lax',
  strict: 'strict',
  unspecified: 'unspecified',
};

/** A CookieInfo from a logged change: attributes as recorded, value unknown (''). */
export function infoFromChange(c: CookieChangeEvent): CookieInfo {
  const info: CookieInfo = {
    key: c.cookieKey,
    name: c.name,
    value: c.value ?? '',
    domain: c.domain.startsWith('.') ? c.domain.slice(1) : c.domain,
    hostOnly: c.hostOnly,
    path: c.path,
    secure: c.secure,
    httpOnly: c.httpOnly,
    sameSite: SAME_SITE[c.sameSite] ?? 'unspecified',
    expires: c.session || c.expirationDate === undefined ? null : Math.round(c.expirationDate * 1000),
    storeId: c.storeId,
    partition: null,
    firstPartyDomain: c.firstPartyDomain ?? '',
    source: 'api',
  };
  return info;
}

/** Current cookies first (jar order), then log-only ones, newest change first. */
export function knownCookies(current: readonly CookieInfo[], changes: readonly CookieChangeEvent[]): KnownCookie[] {
  const out: KnownCookie[] = current.map((info) => ({ info, present: true }));
  const seen = new Set(current.map((c) => c.key));
  const byTime = [...changes].sort((a, b) => b.time - a.time || b.id - a.id);
  for (const c of byTime) {
    if (seen.has(c.cookieKey)) continue;
    seen.add(c.cookieKey);
    // The newest change of a cookie that is gone may be its removal; its attributes still apply.
    out.push({ info: infoFromChange(c), present: false });
  }
  return out;
}

export interface SessionFacts {
  cookie: KnownCookie;
  match: SessionIdMatch;
  /** Distinct value digests seen in its changes: > 1 means the ID rotated. */
  digests: number;
  rotated: boolean;
  sentOverHttp: boolean;
  sentToThirdParty: boolean;
}

function isHttp(o: HeaderObservation): boolean {
  return o.scheme === 'http' || o.url.startsWith('http:');
}

export function sessionFacts(
  known: readonly KnownCookie[],
  changes: readonly CookieChangeEvent[],
  observations: readonly HeaderObservation[],
  topLevelSite: string | undefined,
): SessionFacts[] {
  const out: SessionFacts[] = [];
  for (const k of known) {
    const match = detectSessionId(k.info.name, k.present ? k.info.value : undefined);
    if (!match?.isSessionId) continue;
    const digests = new Set(changes.filter((c) => c.cookieKey === k.info.key && !c.removed).map((c) => c.valueDigest));
    const sent = observations.filter((o) => o.kind === 'request' && (o.cookieNames ?? []).includes(k.info.name));
    out.push({
      cookie: k,
      match,
      digests: digests.size,
      rotated: digests.size > 1,
      sentOverHttp: sent.some(isHttp),
      sentToThirdParty: sent.some(
        (o) => topLevelSite !== undefined && o.topLevelSite !== undefined && o.topLevelSite !== o.registrableDomain,
      ),
    });
  }
  return out;
}
