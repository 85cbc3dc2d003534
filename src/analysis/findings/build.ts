/** Building, ordering and de-duplicating findings. */
import type { CookieInfo } from '../../model/cookie';
import {
  FINDING_IDS,
  SEVERITIES,
  type CookieSubject,
  type DetailValue,
  type Finding,
  type FindingId,
  type FindingSubject,
  type Severity,
} from '../../model/finding';
import { CATALOGUE } from './catalogue';

export type Vars = Record<string, DetailValue | undefined>;

export function cookieSubject(c: CookieInfo): CookieSubject {
  return { kind: 'cookie', name: c.name, domain: c.domain, path: c.path, storeId: c.storeId, key: c.key };
}

/** A placeholder the vars do not supply comes from the subject. */
function subjectVar(s: FindingSubject, key: string): DetailValue | undefined {
  switch (key) {
    case 'name':
      return s.kind === 'domain' ? undefined : s.name;
    case 'domain':
      return s.kind === 'header' ? undefined : s.domain;
    case 'path':
      return s.kind === 'cookie' ? s.path : undefined;
    case 'url':
      return s.kind === 'header' ? s.url : undefined;
    default:
      return undefined;
  }
}

/** Templates split once into literal text (even indices) and placeholder names (odd indices). */
const compiled = new Map<FindingId, string[]>();
function parts(id: FindingId): string[] {
  let p = compiled.get(id);
  if (!p) compiled.set(id, (p = CATALOGUE[id].template.split(/\{(\w+)\}/)));
  return p;
}

/**
 * A finding from the catalogue: message filled in, primary reference, details kept in the order
 * the rule listed them. Runs thousands of times per popup open, hence no regex and no sorting.
 */
export function makeFinding(id: FindingId, subject: FindingSubject, vars: Vars = {}, severity?: Severity): Finding {
  const entry = CATALOGUE[id];
  let details: Record<string, DetailValue> | undefined;
  for (const k in vars) {
    const v = vars[k];
    if (v !== undefined) (details ??= {})[k] = v;
  }
  const p = parts(id);
  let message = p[0] ?? '';
  for (let i = 1; i < p.length; i += 2) {
    const key = p[i] as string;
    const v = vars[key] ?? subjectVar(subject, key);
    message += (v === undefined || v === null ? `{${key}}` : String(v)) + (p[i + 1] ?? '');
  }
  const finding: Finding = {
    id,
    severity: severity ?? entry.severity,
    subject,
    message,
    reference: entry.references[0] as Finding['reference'],
  };
  if (details) finding.details = details;
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

const ID_RANK: Record<string, number> = Object.fromEntries([...FINDING_IDS].sort().map((id, i) => [id, i]));
const ID_COUNT = FINDING_IDS.length;

/**
 * Severity (high first), then ID, then subject; message and details break the last ties, so the
 * result does not depend on input order. One finding per (ID, subject): the first in this order.
 * This runs on ~10,000 findings when the popup opens, often before the JIT has warmed up, so the
 * few thousand distinct subjects are sorted once and the findings themselves by numbers.
 */
export function sortAndDedupe(findings: readonly Finding[]): Finding[] {
  const keyOf = new Map<FindingSubject, string>();
  for (const f of findings) if (!keyOf.has(f.subject)) keyOf.set(f.subject, subjectKey(f.subject));
  const unique = [...new Set(keyOf.values())].sort(cmp);
  const ordinal = new Map<string, number>();
  unique.forEach((k, i) => ordinal.set(k, i));
  const n = unique.length;
  const keyed = findings.map((f) => {
    const subject = ordinal.get(keyOf.get(f.subject) as string) as number;
    const id = ID_RANK[f.id] as number;
    return { f, order: (severityRank(f.severity) * ID_COUNT + id) * n + subject, dedupe: id * n + subject };
  });
  keyed.sort(
    (a, b) =>
      a.order - b.order ||
      cmp(a.f.message, b.f.message) ||
      cmp(JSON.stringify(a.f.details ?? null), JSON.stringify(b.f.details ?? null)),
  );
  const seen = new Set<number>();
  const out: Finding[] = [];
  for (const { f, dedupe } of keyed) {
    if (seen.has(dedupe)) continue;
    seen.add(dedupe);
    out.push(f);
  }
  return out;
}
