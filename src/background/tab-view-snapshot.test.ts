import { describe, expect, test } from 'vitest';
import type { PopupSnapshot } from '../analysis/popup-snapshot';
import { cookie, NOW, world } from './tab-view-cache.test-helpers';
import type { SnapshotStore } from './tab-view-snapshot';

/** A storage.session stand-in that records what the cache did with it. */
function store(initial?: PopupSnapshot) {
  const s = {
    value: initial as PopupSnapshot | undefined,
    saves: 0,
    clears: 0,
  };
  const api: SnapshotStore = {
    load: async () => s.value,
    save: (v) => {
      s.saves++;
      s.value = v;
    },
    clear: () => {
      s.clears++;
      s.value = undefined;
    },
  };
  return { s, api };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('TabViewCache: the popup snapshot', () => {
  test('the view of the tab a popup asked about is stored, first rows only, values withheld', async () => {
    const { s, api } = store();
    const { w, cache } = world({ snapshots: api });
    w.jar = [cookie('sid', 'www.a.test', { value: 's3cr3t-session-id' }), cookie('p', 'www.a.test', { session: false, expirationDate: NOW / 1000 + 3600 })];
    await cache.get(1, 'chromium');
    expect(s.saves).toBe(1);
    expect(s.value).toMatchObject({ tabId: 1, url: 'https://www.a.test/', askedAt: NOW, validUntil: NOW + 3_600_000 });
    expect(s.value!.tab.valuesWithheld).toBe(true);
    expect(s.value!.tab.view.rows.map((r) => r.cookie.name).sort()).toEqual(['p', 'sid']);
    expect(JSON.stringify(s.value)).not.toContain('s3cr3t');
    // Answered from memory again: stored once.
    await cache.get(1, 'chromium');
    expect(s.saves).toBe(1);
  });

  test('the first cookie change drops it (once), and the warm recomputation stores it again', async () => {
    const { s, api } = store();
    const { w, cache, fire } = world({ snapshots: api });
    await cache.get(1, 'chromium');
    w.jar.push(cookie('late', 'www.a.test'));
    cache.cookiesChanged();
    cache.cookiesChanged();
    cache.cookiesChanged();
    expect(s.clears).toBe(1);
    expect(s.value).toBeUndefined();
    fire();
    await cache.idle();
    expect(s.saves).toBe(2);
    expect(s.value!.tab.view.rows.map((r) => r.cookie.name)).toContain('late');
  });

  test('a view computed while a cookie changed is not stored', async () => {
    const { s, api } = store();
    const { cache } = world({ snapshots: api });
    const pending = cache.get(1, 'chromium');
    cache.cookiesChanged();
    await pending;
    expect(s.value).toBeUndefined();
  });

  test('not for private tabs, other profiles than the default, or a tab other than the last asked', async () => {
    const { s, api } = store();
    const { w, cache } = world({ snapshots: api, incognito: [2] });
    w.tabs.set(2, 'https://www.a.test/private');
    await cache.get(2, 'chromium');
    expect(s.saves).toBe(0);
    await cache.get(1, 'rfc6265');
    expect(s.saves).toBe(0);
    await cache.get(1, 'chromium');
    expect(s.value?.tabId).toBe(1);
  });

  test('a restarted background keeps warm the tab the previous one stored a snapshot of', async () => {
    const before = store();
    const first = world({ snapshots: before.api });
    await first.cache.get(1, 'chromium');
    const kept = before.s.value!;
    // A new worker: the snapshot is still in storage.session.
    const { s, api } = store(kept);
    const { w, cache, fire } = world({ snapshots: api });
    await flush();
    w.jar.push(cookie('after-restart', 'www.a.test'));
    cache.cookiesChanged();
    expect(s.clears).toBe(1);
    await flush();
    fire();
    await cache.idle();
    expect(cache.stats.warmed).toBe(1);
    expect(s.value!.tab.view.rows.map((r) => r.cookie.name)).toContain('after-restart');
  });
});
