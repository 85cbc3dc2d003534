import { describe, expect, test } from 'vitest';
import { TAB_VIEW_CACHE_DEFAULTS, TabViewCache } from './tab-view-cache';
import { cookie, NOW, world } from './tab-view-cache.test-helpers';

const names = (v: { view: { rows: { cookie: { name: string } }[] } }): string[] => v.view.rows.map((r) => r.cookie.name).sort();

describe('TabViewCache', () => {
  test('computes the tab scope like before: the top-level site plus the sites its requests reached', async () => {
    const { cache } = world();
    const tab = await cache.get(1, 'chromium');
    expect(tab).toMatchObject({ tabExists: true, inspectable: true, topLevelSite: 'a.test', domains: ['a.test', 'b.test'], complete: true });
    expect(names(tab)).toEqual(['sid', 't']);
    expect(tab.view.counts.all).toBe(2);
  });

  test('a second request while nothing changed is answered from memory', async () => {
    const { w, cache } = world();
    const first = await cache.get(1, 'chromium');
    const second = await cache.get(1, 'chromium');
    expect(second).toBe(first);
    expect(w.reads).toMatchObject({ jar: 1, observations: 1 });
    expect(cache.stats).toMatchObject({ hits: 1, misses: 1 });
  });

  test('a cookie change invalidates the view and the jar', async () => {
    const { w, cache } = world();
    await cache.get(1, 'chromium');
    w.jar.push(cookie('new', 'www.a.test'));
    cache.cookiesChanged();
    expect(names(await cache.get(1, 'chromium'))).toEqual(['new', 'sid', 't']);
    expect(w.reads.jar).toBe(2);
    // The scope did not change: the observations are not read again.
    expect(w.reads.observations).toBe(1);
  });

  test('a reported change is applied to the jar in memory: the view is recomputed without reading the jar', async () => {
    const { w, cache } = world();
    await cache.get(1, 'chromium');
    const added = cookie('new', 'www.a.test');
    w.jar.push(added);
    cache.cookiesChanged({ removed: false, cookie: added });
    cache.cookiesChanged({ removed: true, cookie: cookie('t', 'cdn.b.test') });
    expect(names(await cache.get(1, 'chromium'))).toEqual(['new', 'sid']);
    expect(w.reads.jar).toBe(1);
    expect(cache.stats).toMatchObject({ hits: 0, misses: 2 });
    // A change of a site outside the scope leaves the view current.
    cache.cookiesChanged({ removed: false, cookie: cookie('o', 'c.test') });
    await cache.get(1, 'chromium');
    expect(cache.stats).toMatchObject({ hits: 1, misses: 2 });
  });

  test('a cookie change during a computation is not cached under the old version', async () => {
    const { w, cache } = world();
    const pending = cache.get(1, 'chromium');
    w.jar.push(cookie('late', 'www.a.test'));
    cache.cookiesChanged();
    await pending;
    expect(names(await cache.get(1, 'chromium'))).toContain('late');
  });

  test('new observations for the tab (a new site in scope) invalidate the scope', async () => {
    const { w, cache } = world();
    await cache.get(1, 'chromium');
    w.observations.get(1)!.push({ topLevelSite: 'a.test', registrableDomain: 'c.test' });
    const tab = await cache.get(1, 'chromium');
    expect(tab.domains).toEqual(['a.test', 'b.test', 'c.test']);
    expect(names(tab)).toEqual(['other', 'sid', 't']);
    // Only the scope was recomputed: the jar is still current.
    expect(w.reads.jar).toBe(1);
  });

  test('navigation to another site is noticed', async () => {
    const { w, cache } = world();
    await cache.get(1, 'chromium');
    w.tabs.set(1, 'https://c.test/');
    const tab = await cache.get(1, 'chromium');
    expect(tab.topLevelSite).toBe('c.test');
    expect(names(tab)).toEqual(['other']);
  });

  test('restricted pages and closed tabs', async () => {
    const { w, cache } = world();
    w.tabs.set(2, 'chrome://settings/');
    const restricted = await cache.get(2, 'chromium');
    expect(restricted).toMatchObject({ tabExists: true, inspectable: false, domains: [] });
    expect(restricted.view.rows).toEqual([]);
    const closed = await cache.get(3, 'chromium');
    expect(closed).toMatchObject({ tabExists: false, inspectable: false, domains: [] });
    expect(closed.view.rows).toEqual([]);
  });

  test('the jar and the observations are asked for before the tab is looked up, not after', async () => {
    const { w, cache } = world();
    await cache.get(1, 'chromium');
    expect(w.calls).toEqual(['jar', 'mark', 'observations', 'tab']);
  });

  test('views older than maxAge are recomputed from the cached jar with the new clock', async () => {
    const { w, cache } = world();
    w.jar.push(cookie('soon', 'www.a.test', { session: false, expirationDate: (NOW + 30_000) / 1000 }));
    expect(names(await cache.get(1, 'chromium'))).toContain('soon');
    w.clock += 61_000;
    const tab = await cache.get(1, 'chromium');
    expect(tab.now).toBe(NOW + 61_000);
    // Expired since the jar was read: gone, although the browser had no reason to tell us yet.
    expect(names(tab)).not.toContain('soon');
    expect(w.reads.jar).toBe(1);
  });

  test('a view after a change analyses the changed cookie only, on the clock of the view before it', async () => {
    const { w, cache } = world();
    const first = await cache.get(1, 'chromium');
    w.clock += 20_000;
    const changed = cookie('sid', 'www.a.test', { value: 'rotated' });
    w.jar[0] = changed;
    cache.cookiesChanged({ removed: false, cookie: changed });
    const second = await cache.get(1, 'chromium');
    // The clock the unchanged cookies were analysed with, so the view is one consistent moment.
    expect(second.now).toBe(NOW);
    const row = (v: typeof first, name: string) => v.view.rows.find((r) => r.cookie.name === name);
    expect(row(second, 't')).toBe(row(first, 't'));
    expect(row(second, 'sid')?.cookie.value).toBe('rotated');
    // Aged from that clock: 41 s more and it is over maxAge, recomputed with the time of then.
    w.clock += 41_000;
    const third = await cache.get(1, 'chromium');
    expect(third.now).toBe(NOW + 61_000);
    expect(row(third, 't')).not.toBe(row(first, 't'));
  });

  test('with the tab’s scope known, the view is built while the tab and its mark are still being read', async () => {
    const { w, cache, sources } = world();
    await cache.get(1, 'chromium');
    const changed = cookie('sid', 'www.a.test', { value: 'rotated' });
    cache.cookiesChanged({ removed: false, cookie: changed });
    w.jar[0] = changed;
    let release = (): void => undefined;
    const getTab = sources.getTab;
    sources.getTab = (id) => new Promise((resolve) => (release = () => resolve(getTab(id))));
    let clockReads = 0;
    sources.now = () => (clockReads++, w.clock);
    const pending = cache.get(1, 'chromium');
    await new Promise((r) => setTimeout(r, 0));
    expect(clockReads).toBeGreaterThan(1);
    release();
    const tab = await pending;
    expect(tab.view.rows.find((r) => r.cookie.name === 'sid')?.cookie.value).toBe('rotated');
    // Navigated meanwhile: the view built ahead is not the one answered.
    cache.cookiesChanged({ removed: false, cookie: changed });
    w.tabs.set(1, 'https://c.test/');
    sources.getTab = getTab;
    expect((await cache.get(1, 'chromium')).topLevelSite).toBe('c.test');
  });

  test('a fresh read that finds the cookies unchanged keeps their analysis', async () => {
    const { w, cache } = world();
    const first = await cache.get(1, 'chromium');
    // A new read gives new objects, equal to the ones before.
    w.jar = w.jar.map((c) => ({ ...c }));
    const again = await cache.get(1, 'chromium', { fresh: true });
    expect(again.view.rows.map((r) => r.key).sort()).toEqual(first.view.rows.map((r) => r.key).sort());
    for (const r of again.view.rows) expect(first.view.rows).toContain(r);
  });

  test('fresh reads the jar again even when nothing was announced', async () => {
    const { w, cache } = world();
    await cache.get(1, 'chromium');
    w.jar.push(cookie('unannounced', 'www.a.test'));
    expect(names(await cache.get(1, 'chromium'))).not.toContain('unannounced');
    expect(names(await cache.get(1, 'chromium', { fresh: true }))).toContain('unannounced');
  });

  test('profiles are cached apart', async () => {
    const { cache } = world();
    expect((await cache.get(1, 'chromium')).profileId).toBe('chromium');
    expect((await cache.get(1, 'rfc2109')).profileId).toBe('rfc2109');
    expect((await cache.get(1, 'chromium')).profileId).toBe('chromium');
    expect(cache.stats.hits).toBe(1);
  });

  test('concurrent requests share one computation', async () => {
    const { w, cache } = world();
    const [a, b] = await Promise.all([cache.get(1, 'chromium'), cache.get(1, 'chromium')]);
    expect(a).toBe(b);
    expect(w.reads.jar).toBe(1);
  });

  test('recomputes the tab a popup asked about once cookie changes go quiet', async () => {
    const { w, cache, fire } = world();
    await cache.get(1, 'chromium');
    w.jar.push(cookie('x', 'www.a.test'));
    cache.cookiesChanged();
    cache.cookiesChanged();
    fire();
    await cache.idle();
    expect(cache.stats.warmed).toBe(1);
    expect(w.reads.jar).toBe(2);
    const tab = await cache.get(1, 'chromium');
    expect(names(tab)).toContain('x');
    expect(cache.stats).toMatchObject({ hits: 1, misses: 1 });
  });

  test('stops warming a while after the last popup asked', async () => {
    const { w, cache, fire } = world();
    await cache.get(1, 'chromium');
    w.clock += TAB_VIEW_CACHE_DEFAULTS.warmForMs + 1_000;
    cache.cookiesChanged();
    fire();
    await cache.idle();
    expect(cache.stats.warmed).toBe(0);
    expect(w.reads.jar).toBe(1);
  });

  test('warms nothing before any popup asked, nor while the background is starting', async () => {
    const { w, cache, fire } = world();
    cache.cookiesChanged();
    fire();
    await cache.idle();
    expect(w.reads.jar).toBe(0);
    let ready = false;
    const timers: Array<() => void> = [];
    const starting = new TabViewCache(
      { getTab: async () => ({ url: 'https://www.a.test/' }), readJar: async () => w.jar, observations: async () => [], observationsMark: async () => '0', now: () => NOW },
      { defaultProfile: () => 'chromium', canWarm: () => ready, setTimeout: (f) => timers.push(f), clearTimeout: () => undefined },
    );
    await starting.get(1, 'chromium');
    starting.cookiesChanged();
    expect(timers).toHaveLength(0);
    ready = true;
    starting.cookiesChanged();
    expect(timers).toHaveLength(1);
  });

  test('a failed jar read is not cached', async () => {
    const { w } = world();
    let fail = true;
    const original = w.jar;
    const c2 = new TabViewCache(
      {
        getTab: async () => ({ url: 'https://www.a.test/' }),
        readJar: async () => {
          if (fail) throw new Error('boom');
          return original;
        },
        observations: async () => [],
        observationsMark: async () => '0',
        now: () => NOW,
      },
      { defaultProfile: () => 'chromium', setTimeout: () => 0, clearTimeout: () => undefined },
    );
    await expect(c2.get(1, 'chromium')).rejects.toThrow('boom');
    fail = false;
    expect(names(await c2.get(1, 'chromium'))).toEqual(['sid']);
  });

  test('settled() waits for a computation under way, and returns at once when there is none', async () => {
    const { cache } = world();
    await cache.settled();
    let answered = false;
    const view = cache.get(1, 'chromium').then((v) => {
      answered = true;
      return v;
    });
    await cache.settled();
    expect(answered).toBe(true);
    expect((await view).inspectable).toBe(true);
  });
});

