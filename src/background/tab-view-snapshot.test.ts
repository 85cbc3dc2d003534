import { describe, expect, test } from 'vitest';
import type { PopupSnapshot, SnapshotIndexEntry } from '../analysis/popup-snapshot';
import { cookie, NOW, world } from './tab-view-cache.test-helpers';
import type { SnapshotStore } from './tab-view-snapshot';
import { TAB_VIEW_CACHE_DEFAULTS } from './tab-view-sources';

/** A storage.session stand-in that records what the cache did with it. */
function store(initial: { snapshots?: PopupSnapshot[]; index?: SnapshotIndexEntry[] } = {}) {
  const s = {
    snapshots: new Map((initial.snapshots ?? []).map((x) => [x.tabId, x])),
    index: initial.index ?? [],
    saves: 0,
    drops: [] as number[][],
  };
  const api: SnapshotStore = {
    loadIndex: async () => s.index,
    save: (v, index) => {
      s.saves++;
      s.snapshots.set(v.tabId, v);
      s.index = index;
    },
    drop: (tabIds, index) => {
      s.drops.push(tabIds);
      for (const t of tabIds) s.snapshots.delete(t);
      s.index = index;
    },
  };
  /** What a popup would find: the tab's snapshot, if the index lists it. */
  const usable = (tabId: number) => (s.index.some((e) => e.tabId === tabId) ? s.snapshots.get(tabId) : undefined);
  return { s, api, usable };
}

const flush = () => new Promise((r) => setTimeout(r, 0));
const names = (x: PopupSnapshot | undefined) => x?.tab.view.rows.map((r) => r.cookie.name).sort();

describe('TabViewCache: the popup snapshots', () => {
  test('the view of a tab a popup asked about is stored, first rows only, values withheld', async () => {
    const { s, api, usable } = store();
    const { w, cache } = world({ snapshots: api });
    w.jar = [cookie('sid', 'www.a.test', { value: 's3cr3t-session-id' }), cookie('p', 'www.a.test', { session: false, expirationDate: NOW / 1000 + 3600 })];
    await cache.get(1, 'chromium');
    expect(s.saves).toBe(1);
    expect(usable(1)).toMatchObject({ tabId: 1, url: 'https://www.a.test/', askedAt: NOW, validUntil: NOW + 3_600_000 });
    expect(usable(1)!.tab.valuesWithheld).toBe(true);
    expect(names(usable(1))).toEqual(['p', 'sid']);
    expect(JSON.stringify([...s.snapshots.values(), s.index])).not.toContain('s3cr3t');
    expect(s.index).toEqual([{ tabId: 1, domains: ['a.test', 'b.test'], askedAt: NOW }]);
    // Answered from memory again: stored once.
    await cache.get(1, 'chromium');
    expect(s.saves).toBe(1);
  });

  test('a change of a site in its scope drops it (once), and the warm recomputation stores it again', async () => {
    const { s, api, usable } = store();
    const { w, cache, fire } = world({ snapshots: api });
    await cache.get(1, 'chromium');
    const late = cookie('late', 'www.a.test');
    w.jar.push(late);
    for (let i = 0; i < 3; i++) cache.cookiesChanged({ removed: false, cookie: late });
    expect(s.drops).toEqual([[1]]);
    expect(usable(1)).toBeUndefined();
    fire();
    await cache.idle();
    expect(s.saves).toBe(2);
    expect(names(usable(1))).toContain('late');
  });

  test('a change of a site outside its scope leaves it, and the view is still answered from memory', async () => {
    const { s, api, usable } = store();
    const { w, cache } = world({ snapshots: api });
    await cache.get(1, 'chromium');
    const elsewhere = cookie('poll', 'c.test');
    w.jar.push(elsewhere);
    cache.cookiesChanged({ removed: false, cookie: elsewhere });
    expect(s.drops).toEqual([]);
    expect(usable(1)).toBeDefined();
    await cache.get(1, 'chromium');
    expect(cache.stats.hits).toBe(1);
    // A change whose cookie is not known drops everything.
    cache.cookiesChanged();
    expect(s.drops).toEqual([[1]]);
  });

  test('a view computed while a cookie changed is not stored', async () => {
    const { s, api } = store();
    const { cache } = world({ snapshots: api });
    const pending = cache.get(1, 'chromium');
    cache.cookiesChanged({ removed: false, cookie: cookie('x', 'www.a.test') });
    await pending;
    expect(s.saves).toBe(0);
  });

  test('one per tab, not for private tabs or other profiles than the default', async () => {
    const { s, api, usable } = store();
    const { w, cache } = world({ snapshots: api, incognito: [2] });
    w.tabs.set(2, 'https://www.a.test/private');
    w.tabs.set(3, 'https://www.a.test/other');
    await cache.get(2, 'chromium');
    expect(s.saves).toBe(0);
    await cache.get(1, 'rfc6265');
    expect(s.saves).toBe(0);
    await cache.get(1, 'chromium');
    await cache.get(3, 'chromium');
    expect(usable(1)?.url).toBe('https://www.a.test/');
    expect(usable(3)?.url).toBe('https://www.a.test/other');
    expect(usable(2)).toBeUndefined();
  });

  test('the active tab gets one after its cookies change, without a popup asking', async () => {
    const { api, usable } = store();
    const { w, cache, fire } = world({ snapshots: api });
    w.tabs.set(4, 'https://www.c.test/');
    w.active = 4;
    const set = cookie('fresh', 'c.test');
    w.jar.push(set);
    cache.cookiesChanged({ removed: false, cookie: set });
    fire();
    await cache.idle();
    expect(names(usable(4))).toEqual(['fresh', 'other']);
    expect(usable(4)!.askedAt).toBe(0);
    // Current: the next burst elsewhere computes nothing for it.
    const before = w.reads.observations;
    cache.cookiesChanged({ removed: false, cookie: cookie('z', 'www.a.test') });
    fire();
    await cache.idle();
    expect(w.reads.observations).toBe(before);
  });

  test('at a worker start, the tabs used last that have no snapshot get one; the others are not recomputed', async () => {
    const { s, api, usable } = store();
    const { w, cache } = world({ snapshots: api });
    w.tabs.set(4, 'https://www.c.test/');
    w.tabs.set(5, 'https://www.a.test/five');
    await cache.get(5, 'chromium');
    const saves = s.saves;
    w.recent = [4, 5];
    await cache.warmRecent();
    await cache.idle();
    expect(usable(4)?.url).toBe('https://www.c.test/');
    expect(usable(5)?.url).toBe('https://www.a.test/five');
    // Tab 5 had a current snapshot: only tab 4 was computed and stored.
    expect(cache.stats.warmed).toBe(1);
    expect(s.saves).toBe(saves + 1);
  });

  test('the tab in front when changes began gets one, though another is in front when they go quiet', async () => {
    const { api, usable } = store();
    const { w, cache, fire } = world({ snapshots: api });
    w.tabs.set(4, 'https://www.c.test/');
    w.tabs.set(5, 'https://www.a.test/elsewhere');
    w.active = 4;
    cache.cookiesChanged({ removed: false, cookie: cookie('set-by-4', 'c.test') });
    await Promise.resolve();
    // The user switched to tab 5 before the changes went quiet.
    w.active = 5;
    fire();
    await cache.idle();
    expect(usable(4)).toBeDefined();
    expect(usable(5)).toBeDefined();
  });

  test('an active tab still loading its page is warmed once it has loaded, not before; retries are bounded', async () => {
    const { api, usable } = store();
    const { w, cache, fire } = world({ snapshots: api });
    // The response that set the cookie has arrived; the tab does not show the new page yet.
    w.tabs.set(4, 'about:blank');
    w.active = 4;
    w.activeLoading = true;
    const set = cookie('fresh', 'c.test');
    w.jar.push(set);
    cache.cookiesChanged({ removed: false, cookie: set });
    fire();
    await cache.idle();
    expect(usable(4)).toBeUndefined();
    expect(w.timers).toHaveLength(1);
    w.tabs.set(4, 'https://www.c.test/');
    w.activeLoading = false;
    fire();
    await cache.idle();
    expect(names(usable(4))).toEqual(['fresh', 'other']);
    expect(w.timers).toHaveLength(0);
    // A page that never finishes loading is retried `loadingRetries` times, then left alone.
    w.activeLoading = true;
    cache.cookiesChanged({ removed: false, cookie: cookie('again', 'c.test') });
    let rounds = 0;
    while (w.timers.length > 0) {
      rounds++;
      fire();
      await cache.idle();
    }
    expect(rounds).toBe(TAB_VIEW_CACHE_DEFAULTS.loadingRetries + 1);
  });

  test('a tab seen lately (asked about or active) gets back a snapshot a change made stale; not after ten minutes', async () => {
    const { api, usable } = store();
    const { w, cache, fire } = world({ snapshots: api });
    w.tabs.set(4, 'https://www.c.test/');
    w.active = 4;
    cache.cookiesChanged({ removed: false, cookie: cookie('first', 'c.test') });
    fire();
    await cache.idle();
    expect(usable(4)).toBeDefined();
    // The user moved on to tab 1 (asked about it); then a cookie of tab 4's site changed.
    w.active = 1;
    await cache.get(1, 'chromium');
    const polled = cookie('poll', 'c.test');
    w.jar.push(polled);
    cache.cookiesChanged({ removed: false, cookie: polled });
    expect(usable(4)).toBeUndefined();
    fire();
    await cache.idle();
    expect(names(usable(4))).toContain('poll');
    // Ten minutes later, a change drops it for good.
    w.clock += 11 * 60_000;
    cache.cookiesChanged({ removed: true, cookie: polled });
    fire();
    await cache.idle();
    expect(usable(4)).toBeUndefined();
  });

  test('a closed tab gets none', async () => {
    const { s, api } = store();
    const { w, cache, fire } = world({ snapshots: api });
    w.active = 9;
    cache.cookiesChanged({ removed: false, cookie: cookie('x', 'c.test') });
    fire();
    await cache.idle();
    expect(cache.stats.warmed).toBe(1);
    expect(s.saves).toBe(0);
  });

  test('only the tabs computed last are kept; the oldest is dropped', async () => {
    const { s, api, usable } = store();
    const { w, cache } = world({ snapshots: api });
    for (let t = 10; t < 20; t++) {
      w.tabs.set(t, `https://www.a.test/${t}`);
      await cache.get(t, 'chromium');
    }
    expect(s.index.map((e) => e.tabId)).toEqual([12, 13, 14, 15, 16, 17, 18, 19]);
    expect(usable(10)).toBeUndefined();
    expect(usable(11)).toBeUndefined();
  });

  test('a restarted background knows the previous one’s snapshots and keeps warm the tab a popup asked about', async () => {
    const before = store();
    const first = world({ snapshots: before.api });
    first.w.tabs.set(5, 'https://www.c.test/');
    await first.cache.get(5, 'chromium');
    await first.cache.get(1, 'chromium');
    // A new worker: the snapshots and the index are still in storage.session.
    const { s, api, usable } = store({ snapshots: [...before.s.snapshots.values()], index: before.s.index });
    const { w, cache, fire } = world({ snapshots: api });
    w.tabs.set(5, 'https://www.c.test/');
    await flush();
    const after = cookie('after-restart', 'www.a.test');
    w.jar.push(after);
    cache.cookiesChanged({ removed: false, cookie: after });
    await flush();
    // Tab 1's scope holds a.test, tab 5's does not.
    expect(s.drops).toEqual([[1]]);
    expect(usable(5)).toBeDefined();
    fire();
    await cache.idle();
    expect(cache.stats.warmed).toBe(1);
    expect(names(usable(1))).toContain('after-restart');
  });
});
