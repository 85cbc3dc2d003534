/** Building, ordering and de-duplicating findings. */
import type { CookieInfo } from '../../model/cookie';
import {
  SEVERITIES,
  type CookieSubject,
  type DetailValue,
  type Finding,
  type FindingId,
  type FindingSubject,
  type Severity,
} from '../../model/finding';
import { CATALOGUE, formatMessage } from './catalogue';

export type Vars = Record<string, DetailValue | undefined>;

export function cookieSubject(c: CookieInfo): CookieSubject {
  return { kind: 'cookie', name: c.name, domain: c.domain, path: c.path, storeId: c.storeId, key: c.key };
}

function subjectVars(s: FindingSubject): Vars {
  switch (s.kind) {
    case 'cookie':
      return { name: s.name, domain: s.domain, path: s.path };
    case 'header':
      return { url: s.url, name: s.name };
    case 'domain':
      return { domain: s.domain };
  }
}

/** A finding from the catalogue: message filled in, primary reference, details kept. */
export function makeFinding(id: FindingId, subject: FindingSubject, vars: Vars = {}, severity?: Severity): Finding {
  const entry = CATALOGUE[id];
  const details: Record<string, DetailValue> = {};
  for (const k of Object.keys(vars).sort()) {
    const v = vars[k];
    if (v !== undefined) details[k] = v;
  }
  const finding: Finding = {
    id,
    severity: severity ?? entry.severity,
    subject,
    message: formatMessage(entry.template, { ...subjectVars(subject), ...vars }),
    reference: entry.references[0] as Finding['reference'],
  };
  if (Object.keys(details).length > 0) finding.details = details;
  return finding;
}

const SEVERITY_RANK: Record<Severity, number> = Object.fromEntries(SEVERITIES.map((s, i) => [s, i])) as Record<
  Severity,
  number
>;

export function severityRank(s: Severity): number {
  return SEVERITY_RANK[s];
}

/** Total, locale-independent ordering key of a subject. */
export function subjectKey(s: FindingSubject): string {
  switch (s.kind) {
    case 'cookie':
      return `cookie\u0000${s.key}`;
    case 'header':
      return `header\u0000${s.url}\u0000${s.name ?? ''}\u0000${String(s.line ?? 0).padStart(8, '0')}`;
    case 'domain':
      return `domain\u0000${s.storeId}\u0000${s.partition ?? ''}\u0000${s.domain}`;
  }
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Severity (high first), then ID, then subject; message and details break the last ties, so the
 * result does not depend on input order. One finding per (ID, subject): the first in this order.
 */
export function sortAndDedupe(findings: readonly Finding[]): Finding[] {
  const keyed = findings.map((f) => ({ f, subject: subjectKey(f.subject) }));
  keyed.sort(
    (a, b) =>
      severityRank(a.f.severity) - severityRank(b.f.severity) ||
      cmp(a.f.id, b.f.id) ||
      cmp(a.subject, b.subject) ||
      cmp(a.f.message, b.f.message) ||
      cmp(JSON.stringify(a.f.details ?? null), JSON.stringify(b.f.details ?? null)),
  );
  const seen = new Set<string>();
  const out: Finding[] = [];
  for (const { f, subject } of keyed) {
    const k = `${f.id}\u0000${subject}`;
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(f);
  }
  return out;
}
