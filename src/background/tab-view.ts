/**
 * The popup's data, computed where the Public Suffix List and the log already are. The popup then
 * loads only Preact and its components (no tldts, no Dexie: ~150 KB gzip less) and asks. Views
 * are kept warm in memory (tab-view-cache.ts); the first answer carries the first rows of each
 * section only (view-wire.ts `firstRows`), the popup asks for the rest once it has painted.
 */
import type { TabView } from '../analysis/view-model';
import { firstRows } from '../analysis/view-wire';
import { tabObservations, tabObservationsMark } from '../db/queries';
import type { MemoryLog } from '../db/memory-log';
import type { CookieLogDB } from '../db/schema';
import type { CookieSnapshot } from '../model/cookie';
import type { LimitProfile as SettingProfile } from '../model/events';
import type { LimitProfileId } from '../model/limits';
import { getAllCookies } from '../platform/cookies';
import { runningProfileId } from '../platform/profile';
import { getActiveTab, getTab, recentWebTabs } from '../platform/tabs';
import { encodePopupSnapshot, encodeSnapshotIndex, parseSnapshotIndex, SNAPSHOT_INDEX_KEY, snapshotKey } from '../analysis/popup-snapshot';
import { sessionSlot, sessionWrites } from '../platform/session-slot';
import type { TabViewSources } from './tab-view-cache';
import { laterWrites, MAX_SNAPSHOTS, type SnapshotStore } from './tab-view-snapshot';

/** Same bound as the pages use: the newest 2,000 observations name every site a tab talks to. */
const OBSERVATION_LIMIT = 2_000;

/**
 * Where a view's data comes from. The tab's observations are read from the on-disk log and from
 * the in-memory one (private windows; everything when IndexedDB could not be opened, in which
 * case `diskFailed` says so and the disk is not asked).
 */
export function tabViewSources(db: CookieLogDB, memory: MemoryLog, diskFailed: () => boolean): TabViewSources {
  const inMemory = (tabId: number) => memory.query({ tabId, limit: OBSERVATION_LIMIT }).observations;
  return {
    getTab,
    readJar: () => getAllCookies() as Promise<CookieSnapshot[]>,
    observations: async (tabId) => {
      const mem = inMemory(tabId);
      return diskFailed() ? mem : [...(await tabObservations(db, tabId, { limit: OBSERVATION_LIMIT })), ...mem];
    },
    observationsMark: async (tabId) => {
      const mem = inMemory(tabId);
      const memMark = `${mem.length}:${mem[0]?.id ?? ''}`;
      return diskFailed() ? memMark : `${await tabObservationsMark(db, tabId)}|${memMark}`;
    },
    now: () => Date.now(),
    activeTab: async () => {
      const tab = await getActiveTab();
      if (tab?.id === undefined) return undefined;
      // Before a navigation commits, Chromium reports the new URL as pendingUrl; Firefox reports
      // the previous page (a new tab's about:blank, whose URL extensions are not shown).
      return { tabId: tab.id, loading: tab.status === 'loading' || tab.pendingUrl !== undefined || tab.url === undefined };
    },
    recentTabs: () => recentWebTabs(MAX_SNAPSHOTS),
  };
}

/** The limit profile an answer uses: the request's, else the options page's ('auto': this browser). */
export function resolveProfile(setting: SettingProfile, requested?: LimitProfileId): LimitProfileId {
  return requested ?? (setting === 'auto' ? runningProfileId() : setting);
}

const firstPages = new WeakMap<TabView, Map<number, TabView>>();

/**
 * What goes back for a request: the whole view, or with `rows` only its first rows of each
 * section (`complete: false` when some were left out). Computed once per cached view.
 */
export function answer(tab: TabView, rows?: number): TabView {
  if (rows === undefined) return tab;
  let pages = firstPages.get(tab);
  if (!pages) firstPages.set(tab, (pages = new Map()));
  let page = pages.get(rows);
  if (!page) {
    const first = firstRows(tab.view, rows);
    page = { ...tab, view: first.view, complete: first.complete };
    pages.set(rows, page);
  }
  return page;
}

/**
 * The popup's snapshots live in storage.session (memory only, readable by the popup directly):
 * one key per tab and the index, each one JSON string. Writes go out in call order, after the
 * answer that made the snapshot (tab-view-snapshot.ts `laterWrites`).
 */
export function popupSnapshotStore(): SnapshotStore {
  const index = sessionSlot(SNAPSHOT_INDEX_KEY, parseSnapshotIndex);
  return laterWrites(
    sessionWrites(),
    { key: snapshotKey, snapshot: encodePopupSnapshot, index: encodeSnapshotIndex, indexKey: SNAPSHOT_INDEX_KEY },
    async () => (await index.load()) ?? [],
  );
}
