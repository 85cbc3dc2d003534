/**
 * The report's `consent` section: the audit's two phases kept apart — the cookies set before any
 * interaction with the page ("before consent"), each URL's consent banner, and the cookies that
 * appeared after accepting it — with the `tracking-before-consent` findings. Names, domains and
 * paths only, never values. Only the audit command knows the phases; the report page has none.
 */
import { setAfter, trackingBeforeConsent, type ConsentPurpose, type CookieRef } from '../analysis/consent';
import type { AuditReport, ReportConsent } from './types';

export interface ConsentInput {
  /** The jar after every URL was visited, before any click or script. */
  beforeInteraction: readonly CookieRef[];
  /** With --accept-consent: the platform whose banner was accepted on each URL (null: none found), and the jar after. */
  accepted?: { clicks: ReadonlyArray<{ url: string; by: string | null }>; after: readonly CookieRef[] } | undefined;
  /** What a cookie is for; analytics and marketing ones set before any interaction are findings. */
  purposeOf: (c: CookieRef) => ConsentPurpose;
}

const ref = (c: CookieRef): CookieRef => ({ name: c.name, domain: c.domain, path: c.path });

export function reportConsent(input: ConsentInput): ReportConsent {
  return {
    consentAccepted: input.accepted !== undefined,
    beforeInteraction: input.beforeInteraction.map(ref),
    clicks: (input.accepted?.clicks ?? []).map((c) => ({ url: c.url, acceptedBy: c.by })),
    setAfterConsent: input.accepted ? setAfter(input.beforeInteraction, input.accepted.after).map(ref) : [],
    findings: trackingBeforeConsent(input.beforeInteraction, input.purposeOf).map((f) => ({
      id: f.id,
      severity: f.severity,
      cookie: f.cookie,
      purpose: f.purpose,
      message: f.message,
    })),
  };
}

/** The report page's report with the audit's consent phases added; nothing else changes. */
export function withConsent(report: AuditReport, input: ConsentInput): AuditReport {
  return { ...report, consent: reportConsent(input) };
}
