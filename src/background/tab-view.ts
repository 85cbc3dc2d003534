/**
 * The popup's data, computed where the Public Suffix List and the log already are. The popup then
 * loads only Preact and its components (no tldts, no Dexie: ~150 KB gzip less) and asks once.
 */
import { tabDomains, cookiesInDomains } from '../analysis/tab-scope';
import { registrableDomain } from '../analysis/domain';
import { buildViewModel, type TabView } from '../analysis/view-model';
import { forWire } from '../analysis/view-wire';
import { tabObservations } from '../db/queries';
import type { CookieLogDB } from '../db/schema';
import type { CookieSnapshot } from '../model/cookie';
import { LIMIT_PROFILES, type LimitProfileId } from '../model/limits';
import type { LimitProfile as SettingProfile } from '../model/events';
import { getAllCookies } from '../platform/cookies';
import { runningProfileId } from '../platform/profile';
import { getTab } from '../platform/tabs';

/** Same bound as the pages use: the newest 2,000 observations name every site a tab talks to. */
const OBSERVATION_LIMIT = 2_000;

function inspectable(url: string | undefined): boolean {
  return url !== undefined && /^https?:/i.test(url);
}

export async function loadTabView(
  db: CookieLogDB,
  tabId: number,
  setting: SettingProfile,
  requested?: LimitProfileId,
): Promise<TabView> {
  const profileId: LimitProfileId = requested ?? (setting === 'auto' ? runningProfileId() : setting);
  const now = Date.now();
  const [tab, jar] = await Promise.all([getTab(tabId), getAllCookies() as Promise<CookieSnapshot[]>]);
  const topLevelUrl = tab?.url;
  let topLevelSite: string | undefined;
  try {
    topLevelSite = topLevelUrl ? registrableDomain(new URL(topLevelUrl).hostname) : undefined;
  } catch {
    topLevelSite = undefined;
  }
  const readable = inspectable(topLevelUrl);
  const domains = readable ? tabDomains(topLevelSite, await tabObservations(db, tabId, { limit: OBSERVATION_LIMIT })) : [];
  const cookies = readable ? cookiesInDomains(jar, new Set(domains)) : [];
  return {
    tabExists: tab !== undefined,
    inspectable: readable,
    topLevelUrl,
    topLevelSite,
    domains,
    profileId,
    now,
    view: forWire(buildViewModel({ cookies, topLevelSite, now, profile: LIMIT_PROFILES[profileId] })),
  };
}
