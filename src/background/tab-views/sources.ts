/** The read model's sources in the background: the browser's tabs and jar, the log. */
import { domainChanges, tabObservations } from '../../db/queries';
import type { MemoryLog } from '../../db/memory-log';
import type { CookieLogDB } from '../../db/schema';
import type { CookieSnapshot } from '../../model/cookie';
import type { CookieChangeEvent, LimitProfile as SettingProfile, SessionMark } from '../../model/events';
import { LIMIT_PROFILES, type LimitProfileId } from '../../model/limits';
import { cookieStoreOfTab, getAllCookies, isPrivateStore } from '../../platform/cookies';
import { runningProfileId } from '../../platform/profile';
import { getTab } from '../../platform/tabs';
import type { ReadModelSources } from './read-model';

/** The newest 2,000 observations name every site a tab talks to. */
const OBSERVATION_LIMIT = 2_000;
/** A site's newest changes: its sessions' lifecycles (the report reads the whole log). */
const CHANGE_LIMIT = 2_000;

/**
 * The tab's observations come from the on-disk log and the in-memory one (private windows;
 * everything when IndexedDB could not be opened, in which case `diskFailed` says so).
 */
export function readModelSources(
  db: CookieLogDB,
  memory: MemoryLog,
  diskFailed: () => boolean,
  marks: (site: string) => Promise<SessionMark[]> = async () => [],
): ReadModelSources {
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
    sessionLog: async (sites) => {
      const changes: CookieChangeEvent[] = [];
      const byId = new Map<number, SessionMark>();
      for (const site of sites) {
        changes.push(...memory.query({ domain: site, limit: CHANGE_LIMIT }).changes);
        if (!diskFailed()) changes.push(...(await domainChanges(db, site, { limit: CHANGE_LIMIT })));
        // Browser starts are every site's: the same mark comes back for each.
        for (const m of await marks(site)) byId.set(m.id, m);
      }
      return { changes, marks: [...byId.values()] };
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
