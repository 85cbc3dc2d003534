/**
 * Sessions from the log: one session identifier on one site — a session-ID cookie (session-id.ts),
 * a JWT cookie, or an `Authorization` scheme sent to the site — with its lifecycle (issued,
 * rotated, sent, ended, restored) and the logins and logouts it lived through. Pure: the popup,
 * the panel, the report and the command line call the same function with the same log and `now`.
 * What this can and cannot conclude is in docs/SESSIONS.md.
 */
import type { CookieChangeEvent, HeaderObservation, SessionMark } from '../model/events';
import type { Finding, FindingId } from '../model/finding';
import { authMoments, type AuthMomentRecord } from './auth-moments';
import { detectJwt } from './jwt';
import { sessionFindings } from './session-findings';
import { detectSessionId } from './session-id';

export type SessionKind = 'cookie' | 'jwt-cookie' | 'authorization';
export type SessionEnd = 'logout' | 'deleted' | 'expired' | 'evicted';

/** One session as the report's JSON carries it (src/report/report.schema.json, `sessions`). */
export interface SessionSummary {
  cookie: { name: string; domain: string; path: string } | null;
  kind: SessionKind;
  scheme?: string;
  framework?: string;
  /** ISO 8601. */
  issuedAt: string;
  /** `url` is null for a login the user marked by hand. */
  login: { at: string; url: string | null } | null;
  /** null: no login seen while the session lived (or not yet decidable). */
  rotatedAtLogin: boolean | null;
  logout: { at: string; url: string | null } | null;
  endedBy: SessionEnd | null;
  sentCount: number;
  sentOverHttp: boolean;
  inUrl: boolean;
  restored: boolean;
  findings: FindingId[];
}

export type SessionStepKind = 'issued' | 'rotated' | 'login' | 'logout' | 'sent' | 'ended' | 'restored';

export interface SessionStep {
  kind: SessionStepKind;
  time: number;
  /** The response or request the step came from, when known. */
  url?: string | null;
  /** `sent`: how many requests; `ended`: how. */
  count?: number;
  endedBy?: SessionEnd;
  /** `issued`/`rotated`: a Set-Cookie header or a script. */
  source?: CookieChangeEvent['source'];
  /** The response observation whose Set-Cookie caused the step, once correlated. */
  observationId?: number;
}

/** A session with its full timeline, for the panel and the report's Sessions section. */
export interface SessionDetail {
  /** Stable within one log: the cookie key (or site + scheme) and the time it was issued. */
  id: string;
  site: string;
  /** "JSESSIONID on shop.test/" or "Authorization Bearer on api.test": what findings call it. */
  label: string;
  summary: SessionSummary;
  timeline: SessionStep[];
  firstSent: number | null;
  lastSent: number | null;
  thirdParty: boolean;
  /** Every value digest it had (its own, and those of the values it rotated through). */
  digests: string[];
  /** Values, only when the log recorded them. */
  values: string[];
  cookieName: string | null;
  storeId: string | null;
  cookieKey: string | null;
  startedAt: number;
  endedAt: number | null;
  /** The last value had no expiry (a "session cookie"). */
  sessionCookie: boolean;
  /** The end came from the startup comparison (the cookie was gone when the background started). */
  endedAtStartup: boolean;
}

export interface SessionAnalysis {
  sessions: SessionDetail[];
  findings: Finding[];
  moments: AuthMomentRecord[];
}

export interface SessionLogInput {
  changes: readonly CookieChangeEvent[];
  observations: readonly HeaderObservation[];
  marks?: readonly SessionMark[] | undefined;
  now: number;
  /** How long after a login/logout request its response may still change the cookie. */
  windowMs?: number;
}

export const AUTH_WINDOW_MS = 2_000;

const iso = (ms: number): string => new Date(ms).toISOString();

function endOf(cause: CookieChangeEvent['cause']): SessionEnd {
  if (cause === 'expired') return 'expired';
  if (cause === 'evicted') return 'evicted';
  return 'deleted';
}

function newDetail(e: CookieChangeEvent, kind: SessionKind, framework: string | undefined): SessionDetail {
  const summary: SessionSummary = {
    cookie: { name: e.name, domain: e.domain, path: e.path },
    kind,
    issuedAt: iso(e.time),
    login: null,
    rotatedAtLogin: null,
    logout: null,
    endedBy: null,
    sentCount: 0,
    sentOverHttp: false,
    inUrl: false,
    restored: false,
    findings: [],
  };
  if (framework) summary.framework = framework;
  return {
    id: `${e.cookieKey}@${e.time}`,
    site: e.registrableDomain,
    label: `${e.name} on ${e.domain}${e.path}`,
    summary,
    timeline: [{ kind: 'issued', time: e.time, source: e.source }],
    firstSent: null,
    lastSent: null,
    thirdParty: false,
    digests: [e.valueDigest],
    values: e.value === undefined ? [] : [e.value],
    cookieName: e.name,
    storeId: e.storeId,
    cookieKey: e.cookieKey,
    startedAt: e.time,
    endedAt: null,
    sessionCookie: e.session,
    endedAtStartup: false,
  };
}

function cookieKindOf(events: readonly CookieChangeEvent[]): { kind: SessionKind; framework?: string } | undefined {
  const name = (events[0] as CookieChangeEvent).name;
  const value = events.find((e) => e.value !== undefined && !e.removed)?.value;
  if (value !== undefined && detectJwt(value)) return { kind: 'jwt-cookie' };
  const match = detectSessionId(name, value);
  if (!match?.isSessionId) return undefined;
  return match.framework === undefined ? { kind: 'cookie' } : { kind: 'cookie', framework: match.framework };
}

function step(
  kind: SessionStepKind,
  e: CookieChangeEvent,
  responseUrl: (id?: number) => string | null,
  extra: Partial<SessionStep>,
): SessionStep {
  const out: SessionStep = { kind, time: e.time, url: responseUrl(e.linkedObservationId), ...extra };
  if (e.linkedObservationId !== undefined) out.observationId = e.linkedObservationId;
  return out;
}

/** The session instances of one cookie: a new one starts whenever it is set while absent. */
function cookieSessions(events: readonly CookieChangeEvent[], responseUrl: (id?: number) => string | null): SessionDetail[] {
  const kind = cookieKindOf(events);
  if (!kind) return [];
  const out: SessionDetail[] = [];
  let current: SessionDetail | undefined;
  for (const e of events) {
    if (e.removed) {
      // Replacing a cookie removes the old one first ("overwrite"); the set that follows is a rotation.
      if (e.cause === 'overwrite' || !current) continue;
      const endedBy = endOf(e.cause);
      current.endedAt = e.time;
      current.endedAtStartup = e.reconciled === true;
      current.summary.endedBy = endedBy;
      current.timeline.push(step('ended', e, responseUrl, { endedBy }));
      current = undefined;
      continue;
    }
    if (!current) {
      current = newDetail(e, kind.kind, kind.framework);
      const issued = current.timeline[0] as SessionStep;
      issued.url = responseUrl(e.linkedObservationId);
      if (e.linkedObservationId !== undefined) issued.observationId = e.linkedObservationId;
      out.push(current);
      continue;
    }
    current.sessionCookie = e.session;
    if (current.digests.at(-1) !== e.valueDigest) {
      current.digests.push(e.valueDigest);
      if (e.value !== undefined) current.values.push(e.value);
      current.timeline.push(step('rotated', e, responseUrl, { source: e.source }));
    }
  }
  return out;
}

function authorizationSessions(observations: readonly HeaderObservation[]): SessionDetail[] {
  const bySite = new Map<string, SessionDetail>();
  for (const o of observations) {
    if (o.kind !== 'request' || !o.authorization) continue;
    const scheme = o.authorization.scheme;
    const key = `${o.registrableDomain}\u0000${scheme.toLowerCase()}`;
    if (bySite.has(key)) continue;
    bySite.set(key, {
      id: `authorization|${o.registrableDomain}|${scheme.toLowerCase()}@${o.time}`,
      site: o.registrableDomain,
      label: `Authorization ${scheme} on ${o.registrableDomain}`,
      summary: {
        cookie: null,
        kind: 'authorization',
        scheme,
        issuedAt: iso(o.time),
        login: null,
        rotatedAtLogin: null,
        logout: null,
        endedBy: null,
        sentCount: 0,
        sentOverHttp: false,
        inUrl: false,
        restored: false,
        findings: [],
      },
      timeline: [{ kind: 'issued', time: o.time, url: o.url }],
      firstSent: null,
      lastSent: null,
      thirdParty: false,
      digests: [],
      values: [],
      cookieName: null,
      storeId: null,
      cookieKey: null,
      startedAt: o.time,
      endedAt: null,
      sessionCookie: false,
      endedAtStartup: false,
    });
  }
  return [...bySite.values()];
}

const aliveAt = (s: SessionDetail, t: number): boolean => s.startedAt <= t && (s.endedAt === null || s.endedAt >= t);

function countSent(s: SessionDetail, observations: readonly HeaderObservation[]): void {
  let count = 0;
  for (const o of observations) {
    if (o.kind !== 'request' || o.registrableDomain !== s.site || !aliveAt(s, o.time)) continue;
    const carries =
      s.summary.kind === 'authorization'
        ? o.authorization?.scheme.toLowerCase() === s.summary.scheme?.toLowerCase()
        : s.cookieName !== null && (o.cookieNames ?? []).includes(s.cookieName);
    if (!carries) continue;
    count++;
    s.firstSent = s.firstSent === null ? o.time : Math.min(s.firstSent, o.time);
    s.lastSent = s.lastSent === null ? o.time : Math.max(s.lastSent, o.time);
    if (o.scheme === 'http') s.summary.sentOverHttp = true;
    if (o.topLevelSite !== undefined && o.topLevelSite !== s.site) s.thirdParty = true;
  }
  s.summary.sentCount = count;
  if (count > 0 && s.firstSent !== null) s.timeline.push({ kind: 'sent', time: s.firstSent, count });
}

/** Sessions and their findings, oldest first. */
export function analyzeSessions(input: SessionLogInput): SessionAnalysis {
  const windowMs = input.windowMs ?? AUTH_WINDOW_MS;
  const changes = [...input.changes].sort((a, b) => a.time - b.time || a.id - b.id);
  // Readers hand the log over newest first or oldest first: the model needs time order.
  const observations = [...input.observations].sort((a, b) => a.time - b.time || a.id - b.id);
  const byId = new Map<number, HeaderObservation>();
  for (const o of observations) byId.set(o.id, o);
  const responseUrl = (id?: number): string | null => (id === undefined ? null : (byId.get(id)?.url ?? null));
  const byCookie = new Map<string, CookieChangeEvent[]>();
  for (const e of changes) {
    const group = byCookie.get(e.cookieKey);
    if (group) group.push(e);
    else byCookie.set(e.cookieKey, [e]);
  }
  const sessions: SessionDetail[] = [];
  for (const events of byCookie.values()) sessions.push(...cookieSessions(events, responseUrl));
  sessions.push(...authorizationSessions(observations));
  for (const s of sessions) countSent(s, observations);
  const moments = authMoments(observations, input.marks ?? []);
  const startups = (input.marks ?? []).filter((m) => m.kind === 'startup').map((m) => m.time);
  const findings = sessionFindings({ sessions, moments, startups, observations, now: input.now, windowMs });
  for (const s of sessions) s.timeline.sort((a, b) => a.time - b.time);
  sessions.sort((a, b) => a.startedAt - b.startedAt || a.id.localeCompare(b.id));
  return { sessions, findings, moments };
}
