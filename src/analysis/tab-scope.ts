/**
 * Which cookies belong to a tab: its top-level site plus every site the log saw the tab's frames
 * and subresources talk to. Pure, so the background (popup answers) and the pages (panel, report)
 * decide it the same way.
 */
import { cookieFromSnapshot, type CookieInfo, type CookieSnapshot } from '../model/cookie';
import type { HeaderObservation } from '../model/events';
import { siteOf } from './classify';

/** Registrable domains a tab has talked to under its current top-level site, sorted. */
export function tabDomains(
  topLevelSite: string | undefined,
  observations: ReadonlyArray<Pick<HeaderObservation, 'topLevelSite' | 'registrableDomain'>>,
): string[] {
  const domains = new Set<string>();
  if (topLevelSite) domains.add(topLevelSite);
  for (const o of observations) {
    // Observations from an earlier site the tab showed are not this page's.
    if (!topLevelSite || o.topLevelSite === undefined || o.topLevelSite === topLevelSite) domains.add(o.registrableDomain);
  }
  return [...domains].sort();
}

/** The registrable domain a cookie belongs to (its Domain without the leading dot). */
export function cookieSite(s: Pick<CookieSnapshot, 'domain'>): string {
  return siteOf((s.domain.startsWith('.') ? s.domain.slice(1) : s.domain).toLowerCase());
}

/**
 * The snapshots whose registrable domain is in `domains` (all when null), as CookieInfo, each
 * cookie once. One `cookies.getAll` filtered here beats one call per domain: Chromium scans the
 * whole jar for every call (commit c2bd0b7, bench:popup). `info` converts a
 * snapshot (the view memo's, to get the same object for the same snapshot).
 */
export function cookiesInDomains(
  snapshots: readonly CookieSnapshot[],
  domains: ReadonlySet<string> | null,
  info: (s: CookieSnapshot) => CookieInfo = (s) => cookieFromSnapshot(s),
): CookieInfo[] {
  const seen = new Set<string>();
  const out: CookieInfo[] = [];
  for (const s of snapshots) {
    if (domains && !domains.has(cookieSite(s))) continue;
    const c = info(s);
    if (seen.has(c.key)) continue;
    seen.add(c.key);
    out.push(c);
  }
  return out;
}
