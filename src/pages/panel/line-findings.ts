/**
 * Finding IDs of one recorded Set-Cookie line, memoised (lines are immutable once correlated, and
 * the timeline rebuilds all its rows when the first-party site is known): the engine's line rules (rejected, SameSite,
 * prefixes, expiry, sizes) plus its cookie rules on the cookie the line sets — so a session ID
 * set without Secure is flagged on the line that set it. The recorded value is redacted, so
 * value-based rules (JWT, random-looking IDs) cannot fire here; the inspector has the real value.
 */
import { computeFindings, evaluateSetCookie, findingsForCookie } from '../../analysis';
import { cookieFromEvaluated } from '../../model/cookie';
import type { HeaderObservation, SetCookieRecord } from '../../model/events';
import type { FindingId } from '../../model/finding';
import type { LimitProfile } from '../../model/limits';
import { findingObservations } from './observations';

const MAX_ENTRIES = 20_000;

export type LineFindings = (o: HeaderObservation, s: SetCookieRecord, index: number) => readonly FindingId[];

export function findingIdsOfLine(o: HeaderObservation, s: SetCookieRecord, index: number, profile: LimitProfile): FindingId[] {
  const obs = findingObservations([{ ...o, setCookies: [s] }]).map((f) => (f.kind === 'set-cookie' ? { ...f, lineIndex: index } : f));
  const ids = computeFindings({ cookies: [], observations: obs, now: o.time, profile }).map((f) => f.id);
  if (s.outcome !== 'rejected') {
    const ev = evaluateSetCookie(s.line, o.url, { now: new Date(o.time) });
    // A deletion (expiry in the past) sets nothing to judge.
    if (ev.accepted && (ev.cookie.expires === null || ev.cookie.expires > o.time)) {
      const cookie = cookieFromEvaluated(ev.cookie, { storeId: '0', now: o.time, requestUrl: o.url });
      const ctx: Parameters<typeof findingsForCookie>[1] = { now: o.time, profile };
      if (o.topLevelSite) ctx.topLevelSite = o.topLevelSite;
      ids.push(...findingsForCookie(cookie, ctx).map((f) => f.id));
    }
  }
  return [...new Set(ids)];
}

export function lineFindingsMemo(profile: LimitProfile): LineFindings {
  const cache = new Map<string, readonly FindingId[]>();
  return (o, s, index) => {
    const key = `${o.id}.${index}.${s.outcome}`;
    let ids = cache.get(key);
    if (ids) return ids;
    ids = findingIdsOfLine(o, s, index, profile);
    if (cache.size >= MAX_ENTRIES) cache.clear();
    cache.set(key, ids);
    return ids;
  };
}
