/**
 * What the session model concludes at each login, logout and browser start, and the findings
 * that follow: `session-fixation`, `session-not-cleared-on-logout`, `session-id-in-url`,
 * `authorization-over-http`, `session-restored`. Fills in the sessions' summaries as it goes.
 */
import type { HeaderObservation } from '../model/events';
import type { CookieSubject, Finding, FindingId, FindingSubject } from '../model/finding';
import type { AuthMomentRecord } from './auth-moments';
import { cookieDomainMatch, pathMatch } from './cookie-match';
import { hostOf, isLoopback } from './domain';
import { makeFinding, type Vars } from './findings/build';
import type { SessionDetail, SessionStep } from './sessions';
import { detectSessionId } from './session-id';
import { urlParams } from './url-secrets';

export interface SessionFindingInput {
  sessions: readonly SessionDetail[];
  moments: readonly AuthMomentRecord[];
  startups: readonly number[];
  observations: readonly HeaderObservation[];
  now: number;
  windowMs: number;
}

const iso = (ms: number): string => new Date(ms).toISOString();
const MANUAL = 'the moment marked by hand';
/** A session's English label plus its parts, so a UI can word "<name> on <where>" in its language. */
function labelVars(name: string, where: string): { session: string; sessionName: string; sessionWhere: string } {
  return { session: `${name} on ${where}`, sessionName: name, sessionWhere: where };
}

function sessionVars(s: SessionDetail): { session: string; sessionName?: string; sessionWhere?: string } {
  const c = s.summary.cookie;
  if (c) return { ...labelVars(c.name, `${c.domain}${c.path}`), session: s.label };
  if (s.summary.kind === 'authorization')
    return { ...labelVars(`Authorization ${s.summary.scheme ?? ''}`.trim(), s.site), session: s.label };
  return { session: s.label };
}

/** Flags a moment marked by hand, so a UI can say so in its language instead of `MANUAL`. */
const manual = (m: AuthMomentRecord): { manual?: true } => (m.url ? {} : { manual: true });

function cookieSubject(s: SessionDetail): CookieSubject {
  const c = s.summary.cookie as { name: string; domain: string; path: string };
  return { kind: 'cookie', name: c.name, domain: c.domain, path: c.path, storeId: s.storeId ?? '', key: s.cookieKey ?? '' };
}

/** In the moment: its known span, or else the window after it. */
function within(t: number | null, m: AuthMomentRecord, windowMs: number): boolean {
  return t !== null && t >= m.time && t <= (m.until ?? m.time + windowMs);
}

/** The response has surely arrived: the moment's span or window passed, or the site's traffic moved on. */
function decided(m: AuthMomentRecord, input: SessionFindingInput): boolean {
  if (input.now >= (m.until ?? m.time + input.windowMs)) return true;
  return input.observations.some((o) => o.registrableDomain === m.site && o.time > m.time && o.url !== m.url);
}

/**
 * Did this moment's response cause the step? Linked by correlation when it could be (Firefox may
 * deliver the webRequest event after the cookie change it caused, so times alone can be out of
 * order); otherwise within the moment's span, or the window after the request.
 */
function causedBy(step: SessionStep | undefined, m: AuthMomentRecord, windowMs: number): boolean {
  if (!step) return false;
  if (step.observationId !== undefined && m.observationIds.includes(step.observationId)) return true;
  return within(step.time, m, windowMs);
}

const endStep = (s: SessionDetail): SessionStep | undefined => s.timeline.find((step) => step.kind === 'ended');

function changedWithin(s: SessionDetail, m: AuthMomentRecord, windowMs: number): boolean {
  return causedBy(endStep(s), m, windowMs) || s.timeline.some((step) => step.kind === 'rotated' && causedBy(step, m, windowMs));
}

/** Alive when the moment happened: issued before it, and not ended before it (unless it ended because of it). */
function aliveAt(s: SessionDetail, m: AuthMomentRecord, windowMs: number): boolean {
  if (s.startedAt >= m.time || causedBy(s.timeline[0], m, 0)) return false;
  return s.endedAt === null || s.endedAt >= m.time || causedBy(endStep(s), m, windowMs);
}

/** Issued by the moment's response (a login that hands out a fresh session). */
function issuedBy(s: SessionDetail, m: AuthMomentRecord, windowMs: number): boolean {
  return causedBy(s.timeline[0], m, windowMs);
}

class Collector {
  readonly findings: Finding[] = [];
  private readonly seen = new Set<string>();

  add(s: SessionDetail | undefined, id: FindingId, subject: FindingSubject, vars: Vars, severity?: Finding['severity']): void {
    const key = `${id}\u0000${s?.id ?? JSON.stringify(subject)}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.findings.push(makeFinding(id, subject, vars, severity));
    if (s && !s.summary.findings.includes(id)) s.summary.findings.push(id);
  }
}

function applyLogin(s: SessionDetail, m: AuthMomentRecord, input: SessionFindingInput, out: Collector): void {
  const issuedByLogin = issuedBy(s, m, input.windowMs);
  const rotated = issuedByLogin || changedWithin(s, m, input.windowMs);
  const known = rotated || decided(m, input);
  const first = s.summary.login === null;
  if (first || (known && !rotated)) s.summary.login = { at: iso(m.time), url: m.url };
  if (!s.timeline.some((step) => step.kind === 'login' && step.time === m.time))
    s.timeline.push({ kind: 'login', time: m.time, url: m.url });
  if (!known) return;
  if (s.summary.rotatedAtLogin !== false) s.summary.rotatedAtLogin = rotated;
  if (!rotated) {
    out.add(s, 'session-fixation', cookieSubject(s), {
      ...sessionVars(s),
      moment: 'login',
      momentUrl: m.url ?? MANUAL,
      ...manual(m),
      at: iso(m.time),
    });
  }
}

function applyLogout(s: SessionDetail, m: AuthMomentRecord, input: SessionFindingInput, out: Collector): void {
  const cleared = changedWithin(s, m, input.windowMs);
  if (s.summary.logout === null) s.summary.logout = { at: iso(m.time), url: m.url };
  s.timeline.push({ kind: 'logout', time: m.time, url: m.url });
  if (causedBy(endStep(s), m, input.windowMs)) {
    s.summary.endedBy = 'logout';
    s.summary.logout = { at: iso(m.time), url: m.url };
  }
  if (!cleared && decided(m, input)) {
    out.add(s, 'session-not-cleared-on-logout', cookieSubject(s), {
      ...sessionVars(s),
      moment: 'logout',
      momentUrl: m.url ?? MANUAL,
      ...manual(m),
      at: iso(m.time),
    });
  }
}

/**
 * A login or logout request concerns the sessions whose cookie it would carry (RFC 6265bis §5.8.3
 * domain- and path-match): a login under /shop cannot renew or fixate a cookie scoped to /admin.
 * A mark by hand concerns every session of its site.
 */
function concerns(s: SessionDetail, m: AuthMomentRecord): boolean {
  if (s.site !== m.site) return false;
  const c = s.summary.cookie;
  if (m.url === null || !c) return true;
  try {
    const u = new URL(m.url);
    return cookieDomainMatch(u.hostname, c.domain) && pathMatch(u.pathname.split(';', 1)[0] ?? '/', c.path);
  } catch {
    return true;
  }
}

function applyMoments(input: SessionFindingInput, out: Collector): void {
  for (const m of input.moments) {
    for (const s of input.sessions) {
      if (s.summary.kind === 'authorization' || !concerns(s, m)) continue;
      const alive = aliveAt(s, m, input.windowMs);
      if (m.kind === 'login' && (alive || issuedBy(s, m, input.windowMs))) applyLogin(s, m, input, out);
      if (m.kind === 'logout' && alive) applyLogout(s, m, input, out);
    }
  }
}

function applyStartups(input: SessionFindingInput, out: Collector): void {
  for (const t of input.startups) {
    for (const s of input.sessions) {
      if (s.summary.kind === 'authorization' || !s.sessionCookie || s.startedAt >= t) continue;
      if (s.endedAt !== null && (s.endedAt < t || s.endedAtStartup)) continue;
      s.summary.restored = true;
      s.timeline.push({ kind: 'restored', time: t });
      out.add(s, 'session-restored', cookieSubject(s), { ...sessionVars(s), moment: 'startup', at: iso(t) });
    }
  }
}

/** Session-ID parameter names by themselves: a framework's default name (`jsessionid`, `PHPSESSID`, `sid` …). */
function namedLikeSession(name: string): boolean {
  const m = detectSessionId(name);
  return m !== null && m.isSessionId && m.confidence === 'known';
}

function applyUrls(input: SessionFindingInput, out: Collector): void {
  const seenUrls = new Set<string>();
  for (const o of input.observations) {
    if (seenUrls.has(o.url)) continue;
    seenUrls.add(o.url);
    for (const p of urlParams(o.url)) {
      const byValue = input.sessions.filter(
        (s) => (p.valueDigest !== undefined && s.digests.includes(p.valueDigest)) || (p.value !== undefined && s.values.includes(p.value)),
      );
      const byName = namedLikeSession(p.name)
        ? input.sessions.filter((s) => s.site === o.registrableDomain && s.cookieName?.toLowerCase() === p.name.toLowerCase())
        : [];
      const matched = byValue.length > 0 ? byValue : byName;
      for (const s of matched) {
        s.summary.inUrl = true;
        out.add(s, 'session-id-in-url', cookieSubject(s), { ...sessionVars(s), param: p.name, url: o.url, at: iso(o.time) });
      }
      if (matched.length === 0 && namedLikeSession(p.name)) {
        out.add(
          undefined,
          'session-id-in-url',
          { kind: 'header', url: o.url, name: p.name },
          {
            ...labelVars(p.name, o.registrableDomain),
            param: p.name,
            at: iso(o.time),
          },
        );
      }
    }
  }
}

function applyAuthorization(input: SessionFindingInput, out: Collector): void {
  for (const s of input.sessions) {
    if (s.summary.kind !== 'authorization') continue;
    const scheme = s.summary.scheme ?? '';
    const plain = input.observations.filter(
      (o) =>
        o.kind === 'request' &&
        o.scheme === 'http' &&
        o.registrableDomain === s.site &&
        o.authorization?.scheme.toLowerCase() === scheme.toLowerCase(),
    );
    // One finding per session, about its first plain-HTTP request; loopback traffic never leaves the machine.
    const first = plain.sort((a, b) => a.time - b.time)[0];
    if (!first) continue;
    const severity = isLoopback(hostOf(first.url) ?? '') ? 'low' : undefined;
    out.add(
      s,
      'authorization-over-http',
      { kind: 'header', url: first.url, name: scheme },
      { ...sessionVars(s), scheme, at: iso(first.time) },
      severity,
    );
  }
}

/** Fills in the sessions' login/logout/restored/inUrl and returns their findings. */
export function sessionFindings(input: SessionFindingInput): Finding[] {
  const out = new Collector();
  applyMoments(input, out);
  applyStartups(input, out);
  applyUrls(input, out);
  applyAuthorization(input, out);
  return out.findings;
}
