/** What the tab view cache (tab-view-cache.ts) reads from, and how it is tuned. */
import type { CookieSnapshot } from '../model/cookie';
import type { HeaderObservation } from '../model/events';
import type { LimitProfileId } from '../model/limits';
import type { SnapshotStore } from './tab-view-snapshot';

export type ScopeObservation = Pick<HeaderObservation, 'topLevelSite' | 'registrableDomain'>;

/** Where a view comes from; the browser and the log in the background, fakes in tests. */
export interface TabViewSources {
  getTab(tabId: number): Promise<{ url?: string | undefined; incognito?: boolean } | undefined>;
  /** Every cookie the browser holds (`getAllCookies`). */
  readJar(): Promise<CookieSnapshot[]>;
  /** The tab's newest observations (the scope's sites). */
  observations(tabId: number): Promise<ScopeObservation[]>;
  /** Changes whenever the tab's observations do (`tabObservationsMark`). */
  observationsMark(tabId: number): Promise<string>;
  now(): number;
  /**
   * The tab the user is looking at (the active tab of the last focused window), if known, and
   * whether it may still be on its way to a page (loading, or its URL not known yet).
   */
  activeTab?(): Promise<{ tabId: number; loading: boolean } | undefined>;
  /** Open tabs showing web pages, not private ones, most recently used first. */
  recentTabs?(): Promise<number[]>;
}

export interface TabViewCacheOptions {
  /** Views older than this are recomputed: the analysis depends on the clock (expiry, caps). */
  maxAgeMs: number;
  /** Tab views kept (least recently used dropped first). */
  maxEntries: number;
  /** Quiet time after the last cookie change before warming. */
  warmDelayMs: number;
  /** Warmings retried while the active tab is still loading, before it is left for the next change. */
  loadingRetries: number;
  /** How long after a popup's last request its tab is kept warm; then warming stops. */
  warmForMs: number;
  /** The profile a popup asks for when it names none (the options page's setting). */
  defaultProfile: () => LimitProfileId;
  /** False while the background is starting (its own work comes first); nothing is warmed then. */
  canWarm: () => boolean;
  setTimeout: (f: () => void, ms: number) => unknown;
  clearTimeout: (handle: unknown) => void;
  /** Where the popup's snapshot is kept (storage.session); none in most unit tests. */
  snapshots?: SnapshotStore;
}

export const TAB_VIEW_CACHE_DEFAULTS = {
  maxAgeMs: 60_000,
  maxEntries: 4,
  warmDelayMs: 1_000,
  /** Warmings retried while the active tab is still loading its page (every `warmDelayMs`). */
  loadingRetries: 10,
  warmForMs: 600_000,
} as const;

/** The options with their defaults filled in (timers of the global scope, warming allowed). */
export function cacheOptions(options: Partial<TabViewCacheOptions> & Pick<TabViewCacheOptions, 'defaultProfile'>): TabViewCacheOptions {
  return {
    ...TAB_VIEW_CACHE_DEFAULTS,
    canWarm: () => true,
    setTimeout: (f, ms) => setTimeout(f, ms),
    clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
    ...options,
  };
}
