/**
 * Counts by purpose, the platforms behind them and the third parties: what a report's "Purposes"
 * section and a popup header show. Works on purposes already computed, so it does not load the
 * cookie database (a page can import it and stay small).
 */
import { isTracking, PURPOSE_CATEGORIES, type CookiePurpose, type PurposeCategory } from '../model/purpose';

export interface PurposeSummaryInput {
  purpose: CookiePurpose;
  /** null when no top-level site is known. */
  thirdParty: boolean | null;
  registrableDomain: string;
}

export interface PlatformCount {
  name: string;
  /** Categories its cookies fall in, in PURPOSE_CATEGORIES order. */
  categories: PurposeCategory[];
  cookies: number;
  /** Some of its cookies are third-party. */
  thirdParty: boolean;
}

export interface ThirdPartyCount {
  /** Registrable domain. */
  domain: string;
  cookies: number;
  categories: PurposeCategory[];
  platforms: string[];
}

export interface PurposeSummary {
  counts: Record<PurposeCategory, number>;
  platforms: PlatformCount[];
  thirdParties: ThirdPartyCount[];
}

const ORDER = new Map(PURPOSE_CATEGORIES.map((c, i) => [c, i]));
const byOrder = (a: PurposeCategory, b: PurposeCategory): number => (ORDER.get(a) ?? 0) - (ORDER.get(b) ?? 0);
const byName = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function emptyCounts(): Record<PurposeCategory, number> {
  return Object.fromEntries(PURPOSE_CATEGORIES.map((c) => [c, 0])) as Record<PurposeCategory, number>;
}

export function summarisePurposes(rows: readonly PurposeSummaryInput[]): PurposeSummary {
  const counts = emptyCounts();
  const platforms = new Map<string, { categories: Set<PurposeCategory>; cookies: number; thirdParty: boolean }>();
  const parties = new Map<string, { categories: Set<PurposeCategory>; cookies: number; platforms: Set<string> }>();
  for (const { purpose, thirdParty, registrableDomain } of rows) {
    counts[purpose.category]++;
    if (purpose.platform !== undefined) {
      let p = platforms.get(purpose.platform);
      if (!p) platforms.set(purpose.platform, (p = { categories: new Set(), cookies: 0, thirdParty: false }));
      p.categories.add(purpose.category);
      p.cookies++;
      p.thirdParty ||= thirdParty === true;
    }
    if (thirdParty === true) {
      let t = parties.get(registrableDomain);
      if (!t) parties.set(registrableDomain, (t = { categories: new Set(), cookies: 0, platforms: new Set() }));
      t.categories.add(purpose.category);
      t.cookies++;
      if (purpose.platform !== undefined) t.platforms.add(purpose.platform);
    }
  }
  return {
    counts,
    platforms: [...platforms]
      .map(([name, p]) => ({ name, categories: [...p.categories].sort(byOrder), cookies: p.cookies, thirdParty: p.thirdParty }))
      .sort((a, b) => b.cookies - a.cookies || byName(a.name, b.name)),
    thirdParties: [...parties]
      .map(([domain, t]) => ({
        domain,
        cookies: t.cookies,
        categories: [...t.categories].sort(byOrder),
        platforms: [...t.platforms].sort(byName),
      }))
      .sort((a, b) => byName(a.domain, b.domain)),
  };
}

/**
 * Platforms whose cookies track (analytics or marketing), most cookies first: "Google Analytics,
 * Meta Pixel"; with `thirdPartyOnly`, only those with third-party cookies (a popup's header line).
 */
export function trackingPlatforms(summary: PurposeSummary, thirdPartyOnly = false): string[] {
  return summary.platforms.filter((p) => p.categories.some(isTracking) && (!thirdPartyOnly || p.thirdParty)).map((p) => p.name);
}
