/**
 * buildReport: cookies + rejected Set-Cookie lines + (optionally) the change log → the AuditReport
 * every format is rendered from. Pure: the clock is `context.generatedAt`, so one input always
 * gives one report.
 */
import { hostOf } from '../analysis/domain';
import {
  analyze,
  catalogueEntry,
  describedPurposeOf,
  domainMatch,
  findingIdsByCookie,
  sortFindings,
  summarisePurposes,
  utf8Length,
} from '../analysis/index';
import { databaseDescription } from '../analysis/cookie-database/descriptions';
import type { CookieInfo } from '../model/cookie';
import type { CookieChangeEvent } from '../model/events';
import { partitionKeyString } from '../model/events';
import { SEVERITIES, type Finding, type FindingId, type Severity } from '../model/finding';
import type { SetCookieObservation } from '../model/observation';
import { randomDigestKey, valueDigest } from './digest';
import { redactSetCookieLine } from './redact';
import { reportSessions } from './sessions';
import { reportConsent } from './consent';
import {
  REPORT_VERSION,
  type AuditReport,
  type SetCookieLineInput,
  type ReportCookie,
  type ReportEvent,
  type ReportFinding,
  type ReportInput,
  type ReportRejected,
} from './types';

function iso(ms: number): string {
  const d = new Date(ms);
  return Number.isNaN(d.getTime()) ? new Date(0).toISOString() : d.toISOString();
}

function observationOf(r: SetCookieLineInput): SetCookieObservation {
  const obs: SetCookieObservation = {
    kind: 'set-cookie',
    url: r.url,
    time: r.time,
    line: r.line,
    outcome: r.accepted ? { accepted: true } : { accepted: false, reason: r.reason ?? 'unknown' },
  };
  if (r.lineIndex !== undefined) obs.lineIndex = r.lineIndex;
  if (r.nameValueBytes !== undefined) obs.nameValueBytes = r.nameValueBytes;
  if (r.topLevelSite !== undefined) obs.topLevelSite = r.topLevelSite;
  return obs;
}

function findingOf(f: Finding): ReportFinding {
  const base = {
    id: f.id,
    severity: f.severity,
    title: catalogueEntry(f.id).title,
    message: f.message,
    reference: f.reference,
    ...(f.details ? { details: f.details } : {}),
  };
  switch (f.subject.kind) {
    case 'cookie':
      return { ...base, kind: 'cookie', cookie: { name: f.subject.name, domain: f.subject.domain, path: f.subject.path } };
    case 'header':
      return { ...base, kind: 'header', header: { url: f.subject.url, name: f.subject.name ?? null } };
    case 'domain':
      return {
        ...base,
        kind: 'domain',
        domain: { domain: f.subject.domain, storeId: f.subject.storeId, partition: f.subject.partition },
      };
  }
}

function eventOf(e: CookieChangeEvent, valuesIncluded: boolean): ReportEvent {
  const out: ReportEvent = {
    time: iso(e.time),
    cause: e.cause,
    removed: e.removed,
    name: e.name,
    domain: e.domain,
    path: e.path,
    storeId: e.storeId,
    source: e.source,
    valueLength: e.valueLength,
    valueDigest: e.valueDigest,
  };
  if (valuesIncluded && e.value !== undefined) out.value = e.value;
  return out;
}

function rejectedOf(r: SetCookieLineInput, valuesIncluded: boolean): ReportRejected {
  return {
    time: iso(r.time),
    url: r.url,
    cookieName: r.name,
    reason: r.reason ?? 'unknown',
    line: valuesIncluded ? r.line : redactSetCookieLine(r.line),
  };
}

/**
 * Decoded claims are part of the value (often a user id or an e-mail address), so a report without
 * values keeps only the registered time claims the lifetime findings are about (RFC 7519 §4.1).
 */
const TIME_CLAIMS = ['exp', 'iat', 'nbf'] as const;
function claimsFor(payload: Record<string, unknown> | null, valuesIncluded: boolean): Record<string, unknown> | null {
  if (payload === null || valuesIncluded) return payload;
  const out: Record<string, unknown> = {};
  for (const k of TIME_CLAIMS) if (typeof payload[k] === 'number') out[k] = payload[k];
  return out;
}

/**
 * A redacted report keeps the JWT header fields the findings are about; the others (kid, jku,
 * x5u, x5c, custom fields) can name internal keys and hosts or carry data.
 */
const HEADER_FIELDS = ['alg', 'typ', 'cty', 'crit'] as const;
function headerFor(header: Record<string, unknown>, valuesIncluded: boolean): Record<string, unknown> {
  if (valuesIncluded) return header;
  const out: Record<string, unknown> = {};
  for (const k of HEADER_FIELDS) if (k in header && (typeof header[k] === 'string' || k === 'crit')) out[k] = header[k];
  return out;
}

const SEVERITY_INDEX = Object.fromEntries(SEVERITIES.map((s, i) => [s, i])) as Record<Severity, number>;

/**
 * A cookie's badges: its own findings plus those of the Set-Cookie lines that could have set it
 * (same name, a response from a host the cookie's domain matches), most severe first.
 */
function badgesFor(c: CookieInfo, own: readonly FindingId[], lineFindings: readonly Finding[]): FindingId[] {
  const linked = lineFindings.filter((f) => {
    if (f.subject.kind !== 'header' || f.subject.name !== c.name || f.id === 'rejected') return false;
    const host = hostOf(f.subject.url) ?? '';
    return c.hostOnly ? host === c.domain : domainMatch(host, c.domain);
  });
  if (linked.length === 0) return [...own];
  const severity = new Map<FindingId, Severity>(linked.map((f) => [f.id, f.severity]));
  for (const id of own) if (!severity.has(id)) severity.set(id, catalogueEntry(id).severity);
  return [...new Set([...own, ...linked.map((f) => f.id)])].sort(
    (a, b) => SEVERITY_INDEX[severity.get(a)!] - SEVERITY_INDEX[severity.get(b)!] || (a < b ? -1 : a > b ? 1 : 0),
  );
}

/** Cookies in a stable order: registrable domain, domain, path, name, store. */
function cookieOrder(a: ReportCookie, b: ReportCookie): number {
  const ka = [a.registrableDomain, a.domain, a.path, a.name, a.storeId, a.partitionKey ?? ''];
  const kb = [b.registrableDomain, b.domain, b.path, b.name, b.storeId, b.partitionKey ?? ''];
  for (let i = 0; i < ka.length; i++) {
    const x = ka[i] as string;
    const y = kb[i] as string;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

export function buildReport(input: ReportInput): AuditReport {
  const ctx = input.context;
  const now = ctx.generatedAt;
  const profile = ctx.limitProfile;
  const lines = [...(input.setCookieLines ?? [])].sort(
    (a, b) => a.time - b.time || (a.url < b.url ? -1 : a.url > b.url ? 1 : 0) || (a.lineIndex ?? 0) - (b.lineIndex ?? 0),
  );
  const rejectedIn = lines.filter((l) => !l.accepted);
  const analysis = analyze({
    cookies: input.cookies,
    observations: lines.map(observationOf),
    now,
    profile,
    ...(ctx.topLevelSite !== undefined ? { topLevelSite: ctx.topLevelSite } : {}),
  });
  const badges = findingIdsByCookie(analysis.findings);
  const lineFindings = analysis.findings.filter((f) => f.subject.kind === 'header');
  // A caller that passes no key gets a fresh one: a known key would let digests be brute-forced.
  const digestKey = ctx.digestKey ?? randomDigestKey();

  const cookies = input.cookies.map((c: CookieInfo, i): ReportCookie => {
    const cl = analysis.classifications[i]!;
    const sid = cl.sessionId;
    const row: ReportCookie = {
      name: c.name,
      domain: c.domain,
      hostOnly: c.hostOnly,
      path: c.path,
      secure: c.secure,
      httpOnly: c.httpOnly,
      sameSite: c.sameSite,
      session: c.expires === null,
      expires: c.expires === null ? null : iso(c.expires),
      size: cl.size.nameValue,
      valueLength: utf8Length(c.value),
      valueDigest: valueDigest(c.value, digestKey),
      storeId: c.storeId,
      partitionKey: partitionKeyString(c.partition ?? undefined) ?? null,
      registrableDomain: cl.registrableDomain,
      thirdParty: cl.party === 'unknown' ? null : cl.party === 'third',
      sessionId: {
        isSessionId: sid?.isSessionId === true,
        why: sid ? sid.why : null,
        framework: sid?.framework ?? null,
      },
      jwt: cl.jwt ? { header: headerFor(cl.jwt.header, ctx.valuesIncluded), claims: claimsFor(cl.jwt.payload, ctx.valuesIncluded) } : null,
      findings: badgesFor(c, badges.get(c.key) ?? [], lineFindings),
      purpose: describedPurposeOf(c, { party: cl.party, sessionId: sid }, databaseDescription),
    };
    if (ctx.valuesIncluded) row.value = c.value;
    return row;
  });
  cookies.sort(cookieOrder);

  const sessions = reportSessions(input.sessionLog, ctx);
  const findings = sortFindings([...analysis.findings, ...sessions.findings]).map(findingOf);
  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  for (const f of findings) bySeverity[f.severity]++;

  const report: AuditReport = {
    valuesIncluded: ctx.valuesIncluded,
    reportVersion: REPORT_VERSION,
    generatedAt: iso(now),
    generator: { ...ctx.generator },
    browser: { ...ctx.browser },
    scope: { ...ctx.scope },
    topLevelSite: ctx.topLevelSite ?? null,
    limitProfile: {
      id: profile.id,
      label: profile.label,
      perDomain: profile.perDomain,
      total: profile.total,
      perCookieBytes: profile.perCookieBytes,
      perAttributeBytes: profile.perAttributeBytes,
      domainPurgeTo: profile.domainPurgeTo,
      maxAgeDays: profile.maxAgeDays,
    },
    summary: {
      cookies: cookies.length,
      session: cookies.filter((c) => c.session).length,
      persistent: cookies.filter((c) => !c.session).length,
      thirdParty: cookies.filter((c) => c.thirdParty === true).length,
      sessionIds: cookies.filter((c) => c.sessionId.isSessionId).length,
      rejected: rejectedIn.length,
      findings: bySeverity,
    },
    cookies,
    findings,
    domains: analysis.usage.domains.map((d) => ({
      domain: d.domain,
      storeId: d.storeId,
      partition: d.partition,
      count: d.count,
      bytes: d.bytes,
      status: d.status,
      limits: { count: d.limit, bytes: d.byteLimit, purgeTo: d.purgeTo },
    })),
    purposes: summarisePurposes(cookies),
    rejected: rejectedIn.map((r) => rejectedOf(r, ctx.valuesIncluded)),
    sessions: sessions.sessions,
  };
  if (input.events !== undefined) {
    report.events = [...input.events].sort((a, b) => a.time - b.time || a.id - b.id).map((e) => eventOf(e, ctx.valuesIncluded));
  }
  if (input.consent !== undefined) report.consent = reportConsent(input.consent);
  return report;
}
