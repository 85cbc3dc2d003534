/**
 * What changed between two audit reports: cookies added, removed or with changed attributes, and
 * findings new, gone or more severe. Keys ignore what differs between runs of the same audit (the
 * port of a local server, the store's name in each browser, relative expiry times), so a rerun of
 * an unchanged site shows no difference.
 */
import { SEVERITIES } from '../model/finding';
import type { AuditReport, ReportCookie, ReportFinding } from './types';

const ATTRIBUTES = ['hostOnly', 'secure', 'httpOnly', 'sameSite', 'session'] as const;
type Attribute = (typeof ATTRIBUTES)[number];

export interface CookieRef {
  name: string;
  domain: string;
  path: string;
}

export interface AttributeChange extends CookieRef {
  changes: Array<{ attribute: Attribute; from: unknown; to: unknown }>;
}

export interface ReportDiff {
  cookies: { added: CookieRef[]; removed: CookieRef[]; changed: AttributeChange[] };
  findings: { added: ReportFinding[]; removed: ReportFinding[]; worse: Array<{ from: ReportFinding; to: ReportFinding }> };
}

const cookieKey = (c: ReportCookie): string => JSON.stringify([c.name, c.domain, c.path, c.partitionKey ?? null]);
const ref = (c: ReportCookie): CookieRef => ({ name: c.name, domain: c.domain, path: c.path });

/** Host and path of a URL: a local server's port changes from run to run. */
function place(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}${u.pathname}`;
  } catch {
    return url;
  }
}

export function findingKey(f: ReportFinding): string {
  if (f.kind === 'cookie') return JSON.stringify([f.id, 'cookie', f.cookie.name, f.cookie.domain, f.cookie.path]);
  if (f.kind === 'header') return JSON.stringify([f.id, 'header', f.header.name, place(f.header.url)]);
  return JSON.stringify([f.id, 'domain', f.domain.domain, f.domain.partition ?? null]);
}

const rank = (f: ReportFinding): number => SEVERITIES.length - SEVERITIES.indexOf(f.severity);

/** One entry per key (a report may list a finding once per Set-Cookie line): the most severe. */
function byKey(findings: readonly ReportFinding[]): Map<string, ReportFinding> {
  const out = new Map<string, ReportFinding>();
  for (const f of findings) {
    const k = findingKey(f);
    const seen = out.get(k);
    if (!seen || rank(f) > rank(seen)) out.set(k, f);
  }
  return out;
}

export function diffReports(before: AuditReport, after: AuditReport): ReportDiff {
  const a = new Map(before.cookies.map((c) => [cookieKey(c), c]));
  const b = new Map(after.cookies.map((c) => [cookieKey(c), c]));
  const changed: AttributeChange[] = [];
  for (const [k, c] of b) {
    const old = a.get(k);
    if (!old) continue;
    const changes = ATTRIBUTES.filter((x) => old[x] !== c[x]).map((attribute) => ({ attribute, from: old[attribute], to: c[attribute] }));
    if (changes.length > 0) changed.push({ ...ref(c), changes });
  }
  const fa = byKey(before.findings);
  const fb = byKey(after.findings);
  const worse: ReportDiff['findings']['worse'] = [];
  for (const [k, f] of fb) {
    const old = fa.get(k);
    if (old && rank(f) > rank(old)) worse.push({ from: old, to: f });
  }
  return {
    cookies: {
      added: [...b].filter(([k]) => !a.has(k)).map(([, c]) => ref(c)),
      removed: [...a].filter(([k]) => !b.has(k)).map(([, c]) => ref(c)),
      changed,
    },
    findings: {
      added: [...fb].filter(([k]) => !fa.has(k)).map(([, f]) => f),
      removed: [...fa].filter(([k]) => !fb.has(k)).map(([, f]) => f),
      worse,
    },
  };
}

/** Findings a baseline does not excuse: new ones, and those that got more severe. */
export function newOrWorse(d: ReportDiff): ReportFinding[] {
  return [...d.findings.added, ...d.findings.worse.map((w) => w.to)];
}

export function isEmptyDiff(d: ReportDiff): boolean {
  return [d.cookies.added, d.cookies.removed, d.cookies.changed, d.findings.added, d.findings.removed, d.findings.worse].every(
    (l) => l.length === 0,
  );
}
