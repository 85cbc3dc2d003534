/**
 * computeFindings: every rule over the current cookies, the observations and the per-domain
 * limits, in one deterministic list (severity, then ID, then subject).
 */
import type { CookieInfo } from '../model/cookie';
import type { DomainSubject, Finding, FindingId } from '../model/finding';
import type { LimitProfile } from '../model/limits';
import type { FindingObservation } from '../model/observation';
import { classifier, type CookieClassification } from './classify';
import { makeFinding, severityRank, sortAndDedupe } from './findings/build';
import { cookieFindings } from './findings/cookie-rules';
import { cookieSentFindings, setCookieFindings } from './findings/observation-rules';
import { domainUsage, usageStatus, type DomainUsage, type UsageReport } from './limits';

export { CATALOGUE, catalogueEntry, formatMessage } from './findings/catalogue';
export { JWT_LONG_LIVED_MS, prefixProblems, type PrefixProblem } from './findings/cookie-rules';
export { sortAndDedupe as sortFindings } from './findings/build';

/** What the analysis works out for one cookie in one context: its classification and rule findings. */
export interface CookieAnalysis {
  classification: CookieClassification;
  /** The cookie rules' findings (before sorting). */
  findings: Finding[];
}

/**
 * Per-cookie results a caller keeps between analyses of the same context (the background's
 * memo): a cookie found there is not analysed again. Keyed by the cookie object.
 */
export interface CookieResults {
  get(c: CookieInfo): CookieAnalysis | undefined;
  set(c: CookieInfo, r: CookieAnalysis): void;
}

export interface FindingsInput {
  cookies: readonly CookieInfo[];
  observations?: readonly FindingObservation[];
  /** Origin, URL or host of the page in view; enables `third-party`. */
  topLevelSite?: string;
  now: number;
  profile: LimitProfile;
}

export interface CookieFindingContext {
  now: number;
  profile: LimitProfile;
  topLevelSite?: string;
}

/** `domain-near-limit` / `domain-over-limit` for the rows of a usage report. */
export function domainFindings(rows: readonly DomainUsage[], profile: LimitProfile): Finding[] {
  const out: Finding[] = [];
  for (const row of rows) {
    if (row.status === 'ok') continue;
    const byCount = usageStatus(row.count, row.limit) === row.status;
    const subject: DomainSubject = { kind: 'domain', domain: row.domain, storeId: row.storeId, partition: row.partition };
    const vars = byCount
      ? { used: row.count, limit: row.limit, unit: 'cookies' }
      : { used: row.bytes, limit: row.byteLimit, unit: 'bytes' };
    out.push(
      makeFinding(row.status === 'over' ? 'domain-over-limit' : 'domain-near-limit', subject, {
        ...vars,
        profile: profile.label,
        count: row.count,
        bytes: row.bytes,
      }),
    );
  }
  return out;
}

function contextFor(ctx: CookieFindingContext): Parameters<typeof classifier>[0] {
  const c: Parameters<typeof classifier>[0] = { now: ctx.now, maxAgeDays: ctx.profile.maxAgeDays };
  if (ctx.topLevelSite !== undefined) c.topLevelSite = ctx.topLevelSite;
  return c;
}

export interface Analysis {
  /** One per input cookie, in input order. */
  classifications: CookieClassification[];
  findings: Finding[];
  usage: UsageReport;
}

/**
 * Everything a view needs in one pass: classification (computed once and shared with the rules),
 * findings and per-domain usage. Prefer this to calling the three separately.
 * `results`: per-cookie results remembered for this very context (the read model's memo): a
 * cookie found there is not classified nor checked again.
 */
export function analyze(input: FindingsInput, results?: CookieResults): Analysis {
  const { cookies, profile, now } = input;
  const classify = classifier(contextFor(input));
  const ruleCtx: CookieFindingContext = { now, profile };
  if (input.topLevelSite !== undefined) ruleCtx.topLevelSite = input.topLevelSite;
  const out: Finding[] = [];
  const classifications = cookies.map((c) => {
    const known = results?.get(c);
    if (known) {
      for (const f of known.findings) out.push(f);
      return known.classification;
    }
    const cl = classify(c);
    const from = out.length;
    cookieFindings(c, cl, ruleCtx, out);
    results?.set(c, { classification: cl, findings: out.slice(from) });
    return cl;
  });
  const usage = domainUsage(cookies, profile, classifications);
  out.push(...domainFindings(usage.domains, profile));
  const observations = input.observations ?? [];
  if (observations.length > 0) {
    const order = (a: CookieInfo, b: CookieInfo): number =>
      a.key < b.key ? -1 : a.key > b.key ? 1 : a.value < b.value ? -1 : a.value > b.value ? 1 : 0;
    const byName = new Map<string, CookieInfo[]>();
    for (const c of [...cookies].sort(order)) {
      const list = byName.get(c.name);
      if (list) list.push(c);
      else byName.set(c.name, [c]);
    }
    for (const obs of observations) {
      out.push(...(obs.kind === 'set-cookie' ? setCookieFindings(obs, profile) : cookieSentFindings(obs, byName)));
    }
  }
  return { classifications, findings: sortAndDedupe(out), usage };
}

export function computeFindings(input: FindingsInput): Finding[] {
  return analyze(input).findings;
}

/** Findings about one cookie on its own (no observations, no domain totals). */
export function findingsForCookie(c: CookieInfo, ctx: CookieFindingContext): Finding[] {
  return sortAndDedupe(cookieFindings(c, classifier(contextFor(ctx))(c), ctx));
}

/** Finding IDs for a cookie's table badges, most severe first. */
export function findingIdsForCookie(c: CookieInfo, ctx: CookieFindingContext): FindingId[] {
  return [...new Set(findingsForCookie(c, ctx).map((f) => f.id))];
}

/** Cookie findings grouped by cookie key (`CookieInfo.key`), each list in the order given. */
export function findingsByCookie(findings: readonly Finding[]): Map<string, Finding[]> {
  const map = new Map<string, Finding[]>();
  for (const f of findings) {
    if (f.subject.kind !== 'cookie') continue;
    const list = map.get(f.subject.key);
    if (list) list.push(f);
    else map.set(f.subject.key, [f]);
  }
  return map;
}

/**
 * Badges for every cookie from a computeFindings result (including observed findings linked to
 * the cookie), keyed by `CookieInfo.key`; IDs ordered by severity, then ID.
 */
export function findingIdsByCookie(findings: readonly Finding[]): Map<string, FindingId[]> {
  const out = new Map<string, FindingId[]>();
  for (const [key, list] of findingsByCookie(findings)) {
    list.sort((a, b) => severityRank(a.severity) - severityRank(b.severity) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    out.set(key, [...new Set(list.map((f) => f.id))]);
  }
  return out;
}
