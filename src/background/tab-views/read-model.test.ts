import { describe, expect, test } from 'vitest';
import type { TabView } from '../../view/view-model';
import { cookie, settle, world } from './test-helpers';

const names = (v: TabView): string[] => v.view.rows.map((r) => r.cookie.name).sort();

/** Subscribes to a tab and collects what is pushed. */
function watch(model: ReturnType<typeof world>['model'], tabId: number) {
  const pushed: TabView[] = [];
  const stop = model.subscribe({ tabId, profileId: 'chromium', push: (v) => pushed.push(v), failed: (m) => expect.fail(m) });
  return { pushed, stop };
}

describe('a tab sees its own cookie store only', () => {
  test("a normal tab's view never contains a private-store cookie", async () => {
    const { model } = world();
    const v = await model.view(1, 'chromium');
    expect(names(v)).toEqual(['sid', 't']);
    expect(v.storeId).toBe('0');
  });

  test("a private tab's view holds its own store's cookies", async () => {
    const { model } = world();
    const v = await model.view(2, 'chromium');
    expect(names(v)).toEqual(['secret']);
    expect(v.storeId).toBe('1');
  });

  test('the all-cookies scope from a normal window leaves private stores out; from a private one it does not', async () => {
    const { model } = world();
    const normal = await model.scoped({ kind: 'all' }, { kind: 'all-but-private' });
    expect(normal.cookies.map((c) => c.name).sort()).toEqual(['other', 'sid', 't']);
    const fromPrivate = await model.scoped({ kind: 'all' }, { kind: 'every' });
    expect(fromPrivate.cookies.map((c) => c.name)).toContain('secret');
    const domain = await model.scoped({ kind: 'domain', domain: 'a.test' }, { kind: 'all-but-private' });
    expect(domain.cookies.map((c) => c.name)).toEqual(['sid']);
    const tab = await model.scoped({ kind: 'tab', tabId: 1 }, { kind: 'every' });
    expect(tab.cookies.map((c) => c.name).sort()).toEqual(['sid', 't']);
  });

  test('a private cookie of the same site set while a normal tab is watched is not pushed to it', async () => {
    const { w, model, fire } = world();
    const { pushed } = watch(model, 1);
    await settle();
    expect(pushed).toHaveLength(1);
    const added = cookie('private-new', 'www.a.test', { storeId: '1' });
    w.jar.push(added);
    model.changed({ removed: false, cookie: added });
    await fire();
    expect(pushed).toHaveLength(1);
    expect(names(await model.view(1, 'chromium'))).not.toContain('private-new');
  });
});

describe('views follow changes', () => {
  test("a change outside the tab's scope leaves its view identical", async () => {
    const { model, fire } = world();
    const { pushed } = watch(model, 1);
    await settle();
    const before = await model.view(1, 'chromium');
    model.changed({ removed: false, cookie: cookie('x', 'c.test') });
    await fire();
    expect(pushed).toHaveLength(1);
    expect(await model.view(1, 'chromium')).toEqual(before);
  });

  test('the view pushed after a change it was told about holds the change, without reading the jar again', async () => {
    const { w, model, fire } = world();
    const { pushed } = watch(model, 1);
    await settle();
    model.changed({ removed: false, cookie: cookie('new', 'www.a.test') });
    model.changed({ removed: true, cookie: cookie('t', 'cdn.b.test') });
    await fire();
    expect(names(pushed.at(-1) as TabView)).toEqual(['new', 'sid']);
    expect(w.reads.jar).toBe(1);
  });

  test('a cookie of a site that joined the scope since the last view is pushed', async () => {
    const { w, model, fire } = world();
    const { pushed } = watch(model, 1);
    await settle();
    w.observations.set(1, [...(w.observations.get(1) ?? []), { topLevelSite: 'a.test', registrableDomain: 'c.test' }]);
    model.changed({ removed: false, cookie: cookie('late', 'c.test') });
    await fire();
    expect(names(pushed.at(-1) as TabView)).toEqual(['late', 'other', 'sid', 't']);
  });

  test('the popup never shows a view older than a change it was told about when its site joined the scope in the same burst', async () => {
    const { model, fire } = world();
    const { pushed } = watch(model, 1);
    await settle();
    // The recorder saw the tab talk to c.test, but the log has not written that observation yet.
    model.observed({ tabId: 1, topLevelSite: 'a.test', registrableDomain: 'c.test' });
    model.changed({ removed: false, cookie: cookie('late', 'c.test') });
    await fire();
    expect(names(pushed.at(-1) as TabView)).toEqual(['late', 'other', 'sid', 't']);
  });

  test('an observation told after the change of its site still brings the change in', async () => {
    const { model, fire } = world();
    const { pushed } = watch(model, 1);
    await settle();
    model.changed({ removed: false, cookie: cookie('late', 'c.test') });
    await fire();
    model.observed({ tabId: 1, topLevelSite: 'a.test', registrableDomain: 'c.test' });
    await fire();
    expect(names(pushed.at(-1) as TabView)).toEqual(['late', 'other', 'sid', 't']);
  });

  test('an observation the log already holds is not counted twice', async () => {
    const { w, model } = world();
    w.observations.set(1, [{ id: 7, topLevelSite: 'a.test', registrableDomain: 'b.test' }]);
    model.observed({ id: 7, tabId: 1, topLevelSite: 'a.test', registrableDomain: 'b.test' });
    expect((await model.view(1, 'chromium')).domains).toEqual(['a.test', 'b.test']);
  });

  test('the popup never shows a view older than a change it was told about, even when another page subscribes meanwhile', async () => {
    const { w, model } = world();
    const a = watch(model, 1);
    await settle();
    model.changed({ removed: false, cookie: cookie('new', 'www.a.test') });
    // The change's refresh starts, and a second page subscribes before it is done.
    for (const f of w.timers.splice(0)) f();
    const b = watch(model, 1);
    await settle();
    expect(names(a.pushed.at(-1) as TabView)).toContain('new');
    expect(names(b.pushed.at(-1) as TabView)).toContain('new');
  });

  test('after unsubscribing nothing more is pushed', async () => {
    const { model, fire } = world();
    const { pushed, stop } = watch(model, 1);
    await settle();
    stop();
    model.changed({ removed: false, cookie: cookie('new', 'www.a.test') });
    await fire();
    expect(pushed).toHaveLength(1);
  });
});
