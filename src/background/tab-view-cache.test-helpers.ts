/** A browser and log in memory for the tab view cache's tests. */
import type { CookieSnapshot } from '../model/cookie';
import { TabViewCache, type ScopeObservation, type TabViewSources } from './tab-view-cache';
import type { SnapshotStore } from './tab-view-snapshot';
import { cookieSnapshot } from '../model/cookie.test-helpers';

export const NOW = 1_800_000_000_000;

export function cookie(name: string, domain: string, overrides: Partial<CookieSnapshot> = {}): CookieSnapshot {
  return cookieSnapshot({ name, value: 'v', domain, ...overrides });
}

/** A browser and log in memory, counting what the cache reads. */
export function world(opts: { snapshots?: SnapshotStore; incognito?: number[] } = {}) {
  const w = {
    clock: NOW,
    tabs: new Map<number, string>([[1, 'https://www.a.test/']]),
    jar: [cookie('sid', 'www.a.test'), cookie('t', 'cdn.b.test'), cookie('other', 'c.test')],
    observations: new Map<number, ScopeObservation[]>([[1, [{ topLevelSite: 'a.test', registrableDomain: 'b.test' }]]]),
    reads: { jar: 0, observations: 0, marks: 0 },
    /** Every source call, in call order. */
    calls: [] as string[],
    timers: [] as Array<() => void>,
    /** The tab `activeTab` reports (none: undefined). */
    active: undefined as number | undefined,
    /** Whether that tab is still loading its page. */
    activeLoading: false,
    /** Open web tabs, most recently used first. */
    recent: [] as number[],
  };
  const sources: TabViewSources = {
    getTab: async (id) => (w.calls.push('tab'), w.tabs.has(id) ? { url: w.tabs.get(id), incognito: opts.incognito?.includes(id) === true } : undefined),
    readJar: async () => {
      w.calls.push('jar');
      w.reads.jar++;
      return [...w.jar];
    },
    observations: async (id) => {
      w.calls.push('observations');
      w.reads.observations++;
      return [...(w.observations.get(id) ?? [])];
    },
    observationsMark: async (id) => {
      w.calls.push('mark');
      w.reads.marks++;
      return String((w.observations.get(id) ?? []).length);
    },
    now: () => w.clock,
    activeTab: async () => (w.active === undefined ? undefined : { tabId: w.active, loading: w.activeLoading }),
    recentTabs: async () => w.recent,
  };
  const cache = new TabViewCache(sources, {
    defaultProfile: () => 'chromium',
    setTimeout: (f) => w.timers.push(f),
    clearTimeout: () => undefined,
    ...(opts.snapshots ? { snapshots: opts.snapshots } : {}),
  });
  const fire = (): void => {
    const due = w.timers.splice(0);
    for (const f of due) f();
  };
  return { w, cache, fire, sources };
}

