/**
 * The audit report: one versioned JSON document (src/report/report.schema.json describes it) from
 * which every other format is rendered. Bump REPORT_VERSION on any incompatible change.
 */
import type { CookieInfo } from '../model/cookie';
import type { SessionSummary } from '../analysis/sessions';
import type { CookieChangeEvent, HeaderObservation, SessionMark } from '../model/events';
import type { DetailValue, FindingId, Reference, Severity } from '../model/finding';
import type { LimitProfile, LimitProfileId } from '../model/limits';
import type { CookiePurpose } from '../model/purpose';
import type { PurposeSummary } from '../analysis/purpose-summary';
import type { CookieRef } from '../analysis/consent';
import type { ConsentInput } from './consent';

/** 2: `cookies[].purpose`, `purposes`, the top-level `sessions` array, and the personal-data and session findings. */
export const REPORT_VERSION = 2;

export type ReportScope = { kind: 'tab'; tabId: number; url?: string } | { kind: 'domain'; domain: string } | { kind: 'all' };

/** A Set-Cookie line as the recorder logged it, and whether the browser stored it. */
export interface SetCookieLineInput {
  url: string;
  /** ms since the epoch. */
  time: number;
  /** The raw line (its value may already be redacted by the recorder). */
  line: string;
  name: string;
  accepted: boolean;
  /** Why it was rejected: reason code as in the analysis core (or Chrome's SetCookieBlockedReason). */
  reason?: string;
  /** Name + value bytes measured before any redaction, when known. */
  nameValueBytes?: number;
  lineIndex?: number;
  topLevelSite?: string;
}

export interface ReportContext {
  /** ms since the epoch; also the `now` every analysis runs at, so one input renders one report. */
  generatedAt: number;
  generator: { name: string; version: string };
  browser: { name: string; version: string };
  scope: ReportScope;
  limitProfile: LimitProfile;
  valuesIncluded: boolean;
  /** Registrable domain or origin of the page in view: enables `thirdParty`. */
  topLevelSite?: string | undefined;
  /**
   * Key of the value digests. A fresh random key per report keeps a digest of a short value from
   * being a guessable stand-in for it; equal digests within one report still mean equal values.
   */
  digestKey?: string;
}

export interface ReportInput {
  cookies: readonly CookieInfo[];
  /**
   * Set-Cookie lines seen in scope. Rejected ones are listed in the report; every line is checked
   * for what only the raw header shows (an invalid SameSite, a prefix broken by a Domain the
   * browser then ignored, a lifetime the browser clamped), and those findings count for the cookie.
   */
  setCookieLines?: readonly SetCookieLineInput[];
  /** The change log in scope; absent when history was not asked for. */
  events?: readonly CookieChangeEvent[] | undefined;
  /** The log the sessions are read from (analysis/sessions.ts); absent: no sessions in the report. */
  sessionLog?: SessionLog | undefined;
  /** The audit command's before/after-consent phases; absent: no `consent` section. */
  consent?: ConsentInput | undefined;
  context: ReportContext;
}

/** What the session model reads: changes, header observations and marks in scope. */
export interface SessionLog {
  changes: readonly CookieChangeEvent[];
  observations: readonly HeaderObservation[];
  marks?: readonly SessionMark[] | undefined;
}

/** One session, exactly as the session model summarises it. */
export type ReportSession = SessionSummary;

export interface ReportCookie {
  name: string;
  /** Lower case, no leading dot; `hostOnly` says whether subdomains receive it. */
  domain: string;
  hostOnly: boolean;
  path: string;
  secure: boolean;
  httpOnly: boolean;
  sameSite: 'none' | 'lax' | 'strict' | 'unspecified';
  session: boolean;
  /** ISO 8601, null for a session cookie. */
  expires: string | null;
  /** Name + value, UTF-8 bytes. */
  size: number;
  valueLength: number;
  valueDigest: string;
  storeId: string;
  partitionKey: string | null;
  registrableDomain: string;
  /** null when no top-level site is known. */
  thirdParty: boolean | null;
  sessionId: { isSessionId: boolean; why: string | null; framework: string | null };
  jwt: { header: Record<string, unknown>; claims: Record<string, unknown> | null } | null;
  findings: FindingId[];
  /** What the cookie is for, and where that answer came from (issue 16). */
  purpose: CookiePurpose;
  value?: string;
}

export type ReportFindingSubject =
  | { kind: 'cookie'; cookie: { name: string; domain: string; path: string } }
  | { kind: 'header'; header: { url: string; name: string | null } }
  | { kind: 'domain'; domain: { domain: string; storeId: string; partition: string | null } };

export type ReportFinding = {
  id: FindingId;
  severity: Severity;
  title: string;
  message: string;
  reference: Reference;
  /** What the message was built from, as codes and numbers, so a reader can word it in its own language. */
  details?: Record<string, DetailValue>;
} & ReportFindingSubject;

export interface ReportDomain {
  domain: string;
  storeId: string;
  partition: string | null;
  count: number;
  bytes: number;
  status: 'ok' | 'near' | 'over';
  limits: { count: number; bytes: number | null; purgeTo: number | null };
}

export interface ReportRejected {
  time: string;
  url: string;
  cookieName: string;
  reason: string;
  line: string;
}

export interface ReportEvent {
  time: string;
  cause: CookieChangeEvent['cause'];
  removed: boolean;
  name: string;
  domain: string;
  path: string;
  storeId: string;
  source: CookieChangeEvent['source'];
  valueLength: number;
  valueDigest: string;
  value?: string;
}

export interface ReportSummary {
  cookies: number;
  session: number;
  persistent: number;
  thirdParty: number;
  sessionIds: number;
  rejected: number;
  findings: Record<Severity, number>;
}

export interface AuditReport {
  valuesIncluded: boolean;
  reportVersion: typeof REPORT_VERSION;
  generatedAt: string;
  generator: { name: string; version: string };
  browser: { name: string; version: string };
  scope: ReportScope;
  topLevelSite: string | null;
  limitProfile: {
    id: LimitProfileId;
    label: string;
    perDomain: number;
    total: number;
    perCookieBytes: number;
    perAttributeBytes: number | null;
    domainPurgeTo: number | null;
    maxAgeDays: number | null;
  };
  summary: ReportSummary;
  cookies: ReportCookie[];
  findings: ReportFinding[];
  domains: ReportDomain[];
  /** Counts by purpose, the platforms named by the cookie database, and the third parties. */
  purposes: PurposeSummary;
  rejected: ReportRejected[];
  sessions: ReportSession[];
  /** Present only when the history was included. */
  events?: ReportEvent[];
  /** Present only in a report of the audit command: its before/after-consent phases. */
  consent?: ReportConsent;
}

/** The audit's consent phases (report/consent.ts). Optional and additive: readers of version 2 may ignore it. */
export interface ReportConsent {
  /** Whether the audit accepted consent banners (--accept-consent); without it only the first phase exists. */
  consentAccepted: boolean;
  /** Cookies set before any interaction with the pages ("before consent"). */
  beforeInteraction: CookieRef[];
  /** Each URL's consent banner: the platform whose accept button was clicked, null when none was found. */
  clicks: Array<{ url: string; acceptedBy: string | null }>;
  /** Cookies that appeared after consent was accepted. */
  setAfterConsent: CookieRef[];
  /** Analytics and marketing cookies set before any interaction. */
  findings: Array<{
    id: 'tracking-before-consent';
    severity: 'low';
    cookie: CookieRef;
    purpose: 'analytics' | 'marketing';
    message: string;
  }>;
}
