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

const SEVERITY_RANK: Record<Severity, number> = Object.fromEntries(SEVERITIES.map((s, i) => [s, i])) as Record<Severity, number>;

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
 * This runs on ~10,000 findings when the popup opens, often before the JIT has warmed up, so no
 * comparator runs in JavaScript: the distinct subjects are sorted natively (as strings), each
 * finding becomes one number (its rank by severity, ID and subject, then its index), and those are
 * sorted natively as a Float64Array. Findings of equal rank share ID and subject, so only one of
 * them is kept: the least by message, then details.
 */
export function sortAndDedupe(findings: readonly Finding[]): Finding[] {
  const keyOf = new Map<FindingSubject, string>();
  for (const f of findings) if (!keyOf.has(f.subject)) keyOf.set(f.subject, subjectKey(f.subject));
  // The default sort compares strings by UTF-16 code units, as `cmp` does.
  const unique = [...new Set(keyOf.values())].sort();
  const ordinal = new Map<string, number>();
  unique.forEach((k, i) => ordinal.set(k, i));
  const n = unique.length;
  const count = findings.length;
  const ranks = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const f = findings[i] as Finding;
    const subject = ordinal.get(keyOf.get(f.subject) as string) as number;
    const rank = (severityRank(f.severity) * ID_COUNT + (ID_RANK[f.id] as number)) * n + subject;
    ranks[i] = rank * count + i;
  }
  ranks.sort();
  const seen = new Set<number>();
  const out: Finding[] = [];
  for (let at = 0; at < count;) {
    const rank = Math.floor((ranks[at] as number) / count);
    let best = findings[(ranks[at] as number) % count] as Finding;
    for (at++; at < count && Math.floor((ranks[at] as number) / count) === rank; at++) {
      const other = findings[(ranks[at] as number) % count] as Finding;
      if (tieOrder(other, best) < 0) best = other;
    }
    const dedupe = (ID_RANK[best.id] as number) * n + (rank % n);
    if (seen.has(dedupe)) continue;
    seen.add(dedupe);
    out.push(best);
  }
  return out;
}

function tieOrder(a: Finding, b: Finding): number {
  return cmp(a.message, b.message) || cmp(JSON.stringify(a.details ?? null), JSON.stringify(b.details ?? null));
}
