/**
 * Cookies set before any interaction with the page — what consent scanners call "before consent".
 * Analytics and marketing cookies among them get `tracking-before-consent` (low: the report cannot
 * know the site's legal basis). The purpose of a cookie comes from the caller, so this works with
 * whatever classification is in use.
 */
import { catalogueEntry, formatMessage } from './findings/catalogue';

export type ConsentPurpose = 'necessary' | 'personalization' | 'analytics' | 'marketing' | 'unknown';

export interface CookieRef {
  name: string;
  domain: string;
  path: string;
}

export interface TrackingBeforeConsent {
  id: 'tracking-before-consent';
  severity: 'low';
  cookie: CookieRef;
  purpose: 'analytics' | 'marketing';
  message: string;
}

export function trackingBeforeConsent(
  beforeInteraction: readonly CookieRef[],
  purposeOf: (c: CookieRef) => ConsentPurpose,
): TrackingBeforeConsent[] {
  const out: TrackingBeforeConsent[] = [];
  for (const c of beforeInteraction) {
    const purpose = purposeOf(c);
    if (purpose !== 'analytics' && purpose !== 'marketing') continue;
    out.push({
      id: 'tracking-before-consent',
      severity: 'low',
      cookie: { name: c.name, domain: c.domain, path: c.path },
      purpose,
      message: formatMessage(catalogueEntry('tracking-before-consent').template, { purpose, name: c.name, domain: c.domain }),
    });
  }
  return out;
}

/** Cookies present after consent that were not there before it, by name, domain and path. */
export function setAfter(before: readonly CookieRef[], after: readonly CookieRef[]): CookieRef[] {
  const key = (c: CookieRef): string => `${c.name}\u0000${c.domain}\u0000${c.path}`;
  const seen = new Set(before.map(key));
  return after.filter((c) => !seen.has(key(c)));
}
