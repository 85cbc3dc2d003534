/**
 * The cookies a tab can see, as ui/scope's `loadScope` defines them (the tab's top-level site plus
 * every site its requests reached, from the log), fetched with ONE `cookies.getAll` per store and
 * filtered here. `loadScope` asks once per domain, and Chromium answers each call by scanning the
 * whole jar: with 3,000 cookies on 300 sites that is ~35 ms × 300 calls, run one after another —
 * ten seconds — against ~100 ms for one call (bench/popup.bench.ts).
 */
import { siteOf } from '../../analysis/classify';
import { registrableDomain } from '../../analysis/domain';
import { tabObservations } from '../../db/queries';
import type { CookieLogDB } from '../../db/schema';
import { cookieFromSnapshot, type CookieInfo, type CookieSnapshot } from '../../model/cookie';
import { getAllCookies } from '../../platform/cookies';
import { getTab } from '../../platform/tabs';
import { isInspectableUrl, type ScopedCookies } from '../scope';

/** Same bound as loadScope: the newest 2,000 observations name every site a tab is talking to. */
const OBSERVATION_LIMIT = 2_000;

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).hostname;
  } catch {
    return undefined;
  }
}

let prefetched: Promise<CookieSnapshot[]> | undefined;

/**
 * Starts the jar read before the page has rendered or resolved its tab: it is the slowest step
 * of the first paint (~100 ms with 3,000 cookies) and needs neither. The first load takes it.
 */
export function prefetchCookies(): void {
  prefetched ??= getAllCookies() as Promise<CookieSnapshot[]>;
  prefetched.catch(() => undefined);
}

function takeCookies(): Promise<CookieSnapshot[]> {
  const p = prefetched ?? (getAllCookies() as Promise<CookieSnapshot[]>);
  prefetched = undefined;
  return p;
}

/** A cookie change makes a prefetched jar stale. */
export function dropPrefetchedCookies(): void {
  prefetched = undefined;
}

export interface TabScope extends ScopedCookies {
  /** False when the tab is gone. A restricted page (chrome://, about:) has a tab but no readable URL. */
  tabExists: boolean;
}

export async function loadTabScope(db: CookieLogDB, tabId: number): Promise<TabScope> {
  const scope = { kind: 'tab' as const, tabId };
  // Marks let bench/popup.bench.ts split the first paint into its steps.
  performance.mark('popup-scope-start');
  const jar = takeCookies();
  const tab = await getTab(tabId);
  performance.mark('popup-tab');
  const topLevelUrl = tab?.url;
  const inspectable = isInspectableUrl(topLevelUrl);
  const topHost = topLevelUrl ? hostOf(topLevelUrl) : undefined;
  const topLevelSite = topHost ? registrableDomain(topHost) : undefined;
  if (!inspectable) {
    jar.catch(() => undefined);
    return { scope, topLevelUrl, topLevelSite, domains: [], cookies: [], inspectable, tabExists: tab !== undefined };
  }
  const [observations, snapshots] = await Promise.all([
    tabObservations(db, tabId, { limit: OBSERVATION_LIMIT }).finally(() => performance.mark('popup-observations')),
    jar.finally(() => performance.mark('popup-cookies')),
  ]);
  const domains = new Set<string>();
  if (topLevelSite) domains.add(topLevelSite);
  for (const o of observations) {
    if (!topLevelSite || o.topLevelSite === undefined || o.topLevelSite === topLevelSite) domains.add(o.registrableDomain);
  }
  const seen = new Set<string>();
  const cookies: CookieInfo[] = [];
  for (const s of snapshots) {
    const host = s.domain.startsWith('.') ? s.domain.slice(1) : s.domain;
    if (!domains.has(siteOf(host.toLowerCase()))) continue;
    const c = cookieFromSnapshot(s);
    if (seen.has(c.key)) continue;
    seen.add(c.key);
    cookies.push(c);
  }
  performance.mark('popup-scope-done');
  return { scope, topLevelUrl, topLevelSite, domains: [...domains].sort(), cookies, inspectable, tabExists: true };
}
