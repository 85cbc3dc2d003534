/** The read model's sources in the background: the browser's tabs and jar, the log. */
import { tabObservations } from '../../db/queries';
import type { MemoryLog } from '../../db/memory-log';
import type { CookieLogDB } from '../../db/schema';
import type { CookieSnapshot } from '../../model/cookie';
import type { LimitProfile as SettingProfile } from '../../model/events';
import { LIMIT_PROFILES, type LimitProfileId } from '../../model/limits';
import { cookieStoreOfTab, getAllCookies, isPrivateStore } from '../../platform/cookies';
import { runningProfileId } from '../../platform/profile';
import { getTab } from '../../platform/tabs';
import type { ReadModelSources } from './read-model';

/** The newest 2,000 observations name every site a tab talks to. */
const OBSERVATION_LIMIT = 2_000;

/**
 * The tab's observations come from the on-disk log and the in-memory one (private windows;
 * everything when IndexedDB could not be opened, in which case `diskFailed` says so).
 */
export function readModelSources(db: CookieLogDB, memory: MemoryLog, diskFailed: () => boolean): ReadModelSources {
  return {
    tab: async (tabId) => {
      const tab = await getTab(tabId);
      return tab ? { url: tab.url, storeId: await cookieStoreOfTab(tab) } : undefined;
    },
    readJar: () => getAllCookies() as Promise<CookieSnapshot[]>,
    observations: async (tabId) => {
      const mem = memory.query({ tabId, limit: OBSERVATION_LIMIT }).observations;
      return diskFailed() ? mem : [...(await tabObservations(db, tabId, { limit: OBSERVATION_LIMIT })), ...mem];
    },
    isPrivateStore,
    now: () => Date.now(),
  };
}

/** The limit profile a view uses: the page's, else the options page's ('auto': this browser). */
export function resolveProfile(setting: SettingProfile, requested?: string): LimitProfileId {
  if (requested !== undefined && Object.hasOwn(LIMIT_PROFILES, requested)) return requested as LimitProfileId;
  return setting === 'auto' ? runningProfileId() : setting;
}
