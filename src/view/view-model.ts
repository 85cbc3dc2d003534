/**
 * What a cookie UI shows, from the cookies in scope: one row per cookie with its classification
 * and findings, the counts for a header, per-domain usage against a limit profile and every
 * finding in severity order. Pure (built on analysis/ only, `now` is a parameter) so the popup,
 * the DevTools panel and the report page show the same numbers for the same cookies.
 */
import { analyze, findingsByCookie, sortFindings } from '../analysis/findings';
import { DEFAULT_MAX_AGE_DAYS, type CookieClassification } from '../analysis/classify';
import type { UsageReport } from '../analysis/limits';
import type { CookieResults } from './view-memo';
import type { CookieInfo } from '../model/cookie';
import { SEVERITIES, type Finding, type FindingId, type Severity } from '../model/finding';
import type { LimitProfile, LimitProfileId } from '../model/limits';
import { purposeOf } from '../analysis/purpose';
import { summarisePurposes, trackingPlatforms } from '../analysis/purpose-summary';
import type { CookiePurpose, PurposeCategory } from '../model/purpose';
import type { TabAuthMoment, TabSession } from './sessions';

export type { TabAuthMoment, TabSession } from './sessions';

export type Section = 'session' | 'persistent';

/** A missing attribute a row flags with icon + text (not colour alone). */
export type CookieFlag = 'no-httponly' | 'no-secure';

export interface CookieRow {
  key: string;
  cookie: CookieInfo;
  classification: CookieClassification;
  section: Section;
  /** Expiry after the 400-day cap (ms); null for session cookies. */
  expires: number | null;
  /**
   * The expiry is (probably) clamped by the 400-day cap: the requested expiry is beyond it, or —
   * when only the stored cookie is known, as from `cookies.getAll` — it sits at the cap.
   */
  clamped: boolean;
  thirdParty: boolean;
  registrableDomain: string;
  /** Name + value in UTF-8 bytes: what both browsers hold against 4096. */
  size: number;
  partitioned: boolean;
  sessionId: boolean;
  jwt: boolean;
  flags: CookieFlag[];
  /** The finding behind each flag (the session-ID variant when it refines the generic one). */
  flagFindings: Partial<Record<CookieFlag, Finding>>;
  /** This cookie's findings, most severe first. */
  findings: Finding[];
  findingIds: FindingId[];
  topFinding: Finding | null;
  /** What the cookie is for and where that answer came from (no description: the popup never shows it). */
  purpose: CookiePurpose;
}

export interface ViewCounts {
  all: number;
  session: number;
  persistent: number;
  thirdParty: number;
}

export interface ViewModel {
  /** Registrable domain of the page in view, when there is one. */
  site: string | undefined;
  profile: LimitProfile;
  rows: CookieRow[];
  session: CookieRow[];
  persistent: CookieRow[];
  counts: ViewCounts;
  /** Findings by severity, every severity present (0 when none). */
  bySeverity: Record<Severity, number>;
  /** Every finding (cookie and domain), highest severity first. */
  findings: Finding[];
  usage: UsageReport;
  /** Cookies by purpose, over every row (the popup may hold only the first rows). */
  purposes: Record<PurposeCategory, number>;
  /** Platforms with third-party tracking cookies, most cookies first ("Google Analytics, Meta Pixel"). */
  trackingPlatforms: string[];
}

export interface ViewInput {
  cookies: readonly CookieInfo[];
  topLevelSite?: string | undefined;
  now: number;
  profile: LimitProfile;
}

const FLAG_FINDINGS: Record<CookieFlag, readonly FindingId[]> = {
  'no-httponly': ['session-id-script-readable', 'missing-httponly'],
  'no-secure': ['session-id-not-secure', 'missing-secure'],
};

function flagFinding(findings: readonly Finding[], flag: CookieFlag): Finding | undefined {
  for (const id of FLAG_FINDINGS[flag]) {
    const f = findings.find((x) => x.id === id);
    if (f) return f;
  }
  return undefined;
}

const DAY_MS = 86_400_000;

/**
 * The cookies API reports the stored (already clamped) expiry and no creation time, so a request
 * for 500 days looks like one for 400. An expiry within a day of now + 400 days is at the cap
 * (RFC 6265bis §5.5): the site asked for at least that much, most likely more.
 */
function atCap(effective: number | null, now: number): boolean {
  return effective !== null && effective > now + (DEFAULT_MAX_AGE_DAYS - 1) * DAY_MS;
}

function cookieRow(c: CookieInfo, cl: CookieClassification, findings: Finding[], now: number): CookieRow {
  const flags: CookieFlag[] = [];
  const flagFindings: Partial<Record<CookieFlag, Finding>> = {};
  if (!c.httpOnly) flags.push('no-httponly');
  if (!c.secure) flags.push('no-secure');
  for (const flag of flags) {
    const f = flagFinding(findings, flag);
    if (f) flagFindings[flag] = f;
  }
  return {
    key: c.key,
    cookie: c,
    classification: cl,
    section: cl.expiry.persistence,
    expires: cl.expiry.effective,
    clamped: cl.expiry.exceedsCap || atCap(cl.expiry.effective, now),
    thirdParty: cl.party === 'third',
    registrableDomain: cl.registrableDomain,
    size: cl.size.nameValue,
    partitioned: c.partition !== null,
    sessionId: cl.sessionId?.isSessionId === true,
    jwt: cl.jwt !== null,
    flags,
    flagFindings,
    findings,
    findingIds: [...new Set(findings.map((f) => f.id))],
    topFinding: findings[0] ?? null,
    purpose: purposeOf(c, { party: cl.party, sessionId: cl.sessionId }),
  };
}

/**
 * `results`: per-cookie results remembered for this context (analysis/view-memo.ts); rows are
 * remembered there too. A row's findings are its cookie's rule findings in the view's order, so a
 * remembered row is the row this view would build, as long as no other cookie in the input has
 * the same key (its findings would join the row's): rows of such keys are built afresh.
 */
export function buildViewModel(input: ViewInput, results?: CookieResults): ViewModel {
  const { cookies, now, profile } = input;
  const analysis = analyze(
    input.topLevelSite === undefined ? { cookies, now, profile } : { cookies, now, profile, topLevelSite: input.topLevelSite },
    results,
  );
  // A row's findings: its cookie's, in the view's order. Remembered results hold each cookie's
  // own (sorting them alone gives that order: the subject is the same for all of them); else
  // they are picked out of the sorted list, once for every cookie.
  const shared = results ? sharedKeys(cookies) : undefined;
  let byCookie: Map<string, Finding[]> | undefined;
  const findingsOf = (c: CookieInfo): Finding[] => {
    const own = shared?.has(c.key) === false ? results?.get(c)?.findings : undefined;
    if (own) return sortFindings(own);
    byCookie ??= findingsByCookie(analysis.findings);
    return byCookie.get(c.key) ?? [];
  };
  const rows: CookieRow[] = [];
  const counts: ViewCounts = { all: 0, session: 0, persistent: 0, thirdParty: 0 };
  cookies.forEach((c, i) => {
    const known = shared?.has(c.key) === false ? results?.get(c) : undefined;
    let row = known?.row;
    if (row === undefined) {
      row = cookieRow(c, analysis.classifications[i] as CookieClassification, findingsOf(c), now);
      if (known) known.row = row;
    }
    rows.push(row);
    counts.all++;
    counts[row.section]++;
    if (row.thirdParty) counts.thirdParty++;
  });
  const summary = summarisePurposes(
    rows.map((r) => ({
      purpose: r.purpose,
      thirdParty: input.topLevelSite === undefined ? null : r.thirdParty,
      registrableDomain: r.registrableDomain,
    })),
  );
  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  for (const f of analysis.findings) bySeverity[f.severity]++;
  return {
    site: input.topLevelSite,
    profile,
    rows,
    session: rows.filter((r) => r.section === 'session'),
    persistent: rows.filter((r) => r.section === 'persistent'),
    counts,
    bySeverity,
    findings: analysis.findings,
    usage: analysis.usage,
    purposes: summary.counts,
    trackingPlatforms: trackingPlatforms(summary, true),
  };
}

/** Keys more than one input cookie has. */
function sharedKeys(cookies: readonly CookieInfo[]): Set<string> {
  const seen = new Set<string>();
  const shared = new Set<string>();
  for (const c of cookies) {
    if (seen.has(c.key)) shared.add(c.key);
    else seen.add(c.key);
  }
  return shared;
}

/** What the popup shows for one tab, computed by the background (see background/tab-view.ts). */
export interface TabView {
  /** False when the tab is gone. */
  tabExists: boolean;
  /** False on pages the extension may not read (chrome://, about:, the stores). */
  inspectable: boolean;
  topLevelUrl?: string | undefined;
  topLevelSite?: string | undefined;
  domains: string[];
  profileId: LimitProfileId;
  /** The analysis clock (ms). */
  now: number;
  view: ViewModel;
  /**
   * False when `view.rows` holds only the first rows of each section (asked for with `firstRows`);
   * everything else (counts, limits, findings) is always whole.
   */
  complete: boolean;
  /** The cookie store the view covers (the tab's: normal, private or its container). */
  storeId?: string;
  /** The sessions of the tab's sites, oldest first (view/sessions.ts). */
  sessions: TabSession[];
  /** Logins and logouts on those sites (the panel's timeline markers). */
  authMoments: TabAuthMoment[];
}
