/**
 * The popup's tab views, kept warm in the background. A first view of a big profile costs ~250 ms
 * (3,000 cookies: the jar ~100 ms, the observations ~45 ms, the analysis ~75 ms); a popup opened
 * again, or on a tab already looked at, is answered from memory. Nothing here is persisted.
 *
 * A cached view is served only while everything it was computed from is unchanged:
 *   - the cookies of its sites: a `cookies.onChanged` of a cookie whose site is in the view's
 *     scope drops it (`cookiesChanged`); the jar itself is read once and then kept current from
 *     the same changes (jar-mirror.ts);
 *   - the tab's URL (one `tabs.get`);
 *   - the tab's observations, which decide which sites are in scope: a mark of their count and
 *     first / last keys (`observationsMark`, two index reads) must match;
 *   - the analysis clock: views older than `maxAgeMs` are recomputed.
 * Recomputing reuses the analysis of every cookie that did not change (analysis/view-memo.ts).
 * After cookie changes go quiet, tabs are recomputed: the one a popup asked about last (for ten
 * minutes after it asked), and the active tab, the one in front when the changes began and the
 * tabs seen in the last ten minutes, whose snapshot a change made stale.
 * A request with `fresh` reads the jar again whatever memory holds: live updates use it, so a
 * change the popup heard about is never answered with a view from before it.
 *
 * Each current view becomes its tab's snapshot (tab-view-snapshot.ts), which the next popup on the
 * tab paints before a stopped worker has even started, until a cookie of its sites changes.
 */
import { cookieSite, tabDomains } from '../analysis/tab-scope';
import type { TabView } from '../analysis/view-model';
import type { CookieSnapshot } from '../model/cookie';
import type { LimitProfileId } from '../model/limits';
import { ViewMemo } from '../analysis/view-memo';
import { JarMirror, type JarChange } from './jar-mirror';
import { buildTabView, inspectable, siteOfUrl } from './tab-view-build';
import { MAX_SNAPSHOTS, SnapshotKeeper } from './tab-view-snapshot';
import { cacheOptions, type TabViewCacheOptions, type TabViewSources } from './tab-view-sources';

export { TAB_VIEW_CACHE_DEFAULTS, type ScopeObservation, type TabViewCacheOptions, type TabViewSources } from './tab-view-sources';

interface Entry {
  tabId: number;
  url: string | undefined;
  incognito: boolean;
  mark: string | undefined;
  computedAt: number;
  view: TabView;
}

type Scope = Pick<Entry, 'url' | 'mark'> & { domains: string[] };

export class TabViewCache {
  private readonly options: TabViewCacheOptions;
  /** Bumped by every cookie change: a view computed while one arrived is answered, not kept. */
  private jarVersion = 0;
  private readonly jar: JarMirror;
  /** Per-cookie analysis kept between views: a view after one change analyses that cookie only. */
  private readonly memo: ViewMemo;
  private readonly scopes = new Map<number, Scope>();
  private readonly entries = new Map<string, Entry>();
  private readonly inflight = new Map<string, Promise<Entry>>();
  /** The tab a popup asked about last (kept warm for `warmForMs` after it asked), and when. */
  private lastAsked: number | undefined;
  private lastAskedAt = 0;
  /** Tabs a popup asked about or that were active at a warming, by when (most recent last). */
  private readonly seen = new Map<number, number>();
  private warmTimer: unknown;
  /** Warmings left to retry while the active tab loads (reset by every cookie change). */
  private retriesLeft = 0;
  private warming: Promise<void> | undefined;
  private readonly snapshots: SnapshotKeeper;
  /** Settles once the last-asked tab of a previous worker is known (from its snapshot). */
  private restored: Promise<void> | undefined;
  /** Counters for tests and the bench: how requests were answered. */
  readonly stats = { hits: 0, misses: 0, warmed: 0 };

  constructor(
    private readonly sources: TabViewSources,
    options: Partial<TabViewCacheOptions> & Pick<TabViewCacheOptions, 'defaultProfile'>,
  ) {
    this.options = cacheOptions(options);
    this.jar = new JarMirror(() => sources.readJar());
    this.memo = new ViewMemo(this.options.maxAgeMs);
    this.snapshots = new SnapshotKeeper(this.options.snapshots);
    const restoring: Promise<void> | undefined = this.snapshots.lastAsked()?.then((asked) => {
      if (asked && this.lastAsked === undefined) ({ tabId: this.lastAsked, askedAt: this.lastAskedAt } = asked);
      if (this.restored === restoring) this.restored = undefined;
    });
    this.restored = restoring;
  }

  /**
   * A cookie changed (`change` undefined: something did, what is not known). The views and
   * snapshots whose scope holds its site are dropped, and warming is scheduled for when changes
   * go quiet (a busy site changes cookies every second). No tab events are listened to: each
   * would wake a stopped service worker, which then reconciles the whole jar, on every tab switch.
   */
  cookiesChanged(change?: JarChange): void {
    this.jarVersion++;
    this.jar.changed(change);
    const site = change ? cookieSite(change.cookie) : undefined;
    for (const [key, e] of this.entries) if (site === undefined || e.view.domains.includes(site)) this.entries.delete(key);
    this.snapshots.cookiesChanged(site);
    this.retriesLeft = this.options.loadingRetries;
    // The tab in front when a burst of changes begins is most likely the one that made them: it
    // is warmed too, even if the user has moved to another by the time changes go quiet.
    if (this.warmTimer === undefined && this.options.canWarm()) {
      this.sources.activeTab?.().then((a) => a && this.noteSeen(a.tabId, this.sources.now()), () => undefined);
    }
    this.scheduleWarm();
  }

  /** Every cookie the browser holds, from memory when read before (reconciliation shares it). */
  cookies(): Promise<CookieSnapshot[]> {
    return this.jar.get();
  }

  /** The tab's view, from memory when it is still current. */
  async get(tabId: number, profileId: LimitProfileId, opts: { fresh?: boolean } = {}): Promise<TabView> {
    this.lastAsked = tabId;
    this.lastAskedAt = this.sources.now();
    this.noteSeen(tabId, this.lastAskedAt);
    const key = `${tabId}|${profileId}`;
    if (opts.fresh !== true) {
      const pending = this.inflight.get(key);
      const entry = pending ? await pending.catch(() => undefined) : this.entries.get(key);
      if (entry && (await this.current(entry))) {
        this.stats.hits++;
        this.touch(key, entry);
        this.offerSnapshot(entry, profileId);
        return entry.view;
      }
    }
    this.stats.misses++;
    return (await this.compute(tabId, profileId, opts.fresh === true)).view;
  }

  /**
   * Settles once no view is being computed or warmed: a background woken by a popup lets the
   * popup's answer go first and does its own start-up work (reconciliation, retention) after.
   */
  async settled(): Promise<void> {
    while (this.inflight.size > 0 || this.warming) {
      await Promise.allSettled([...this.inflight.values(), this.warming]);
    }
  }

  /**
   * At the end of a worker's start: the tabs used last get a snapshot if they have none, so the
   * first popup on a tab whose cookies have not changed since it was opened paints at once too.
   */
  async warmRecent(): Promise<void> {
    const tabs = (await this.sources.recentTabs?.().catch(() => undefined)) ?? [];
    const now = this.sources.now();
    for (const tabId of [...tabs].reverse()) this.noteSeen(tabId, now);
    await this.warm();
  }

  /** Settles once any warming under way is done (tests). */
  async idle(): Promise<void> {
    while (this.warming) await this.warming;
  }

  /** Entries leave the map when a change of their sites arrives: one still in it has seen none. */
  private async current(e: Entry): Promise<boolean> {
    const key = `${e.tabId}|${e.view.profileId}`;
    if (this.entries.get(key) !== e) return false;
    if (this.sources.now() - e.computedAt > this.options.maxAgeMs) return false;
    if (e.mark === undefined && e.view.inspectable) return false;
    const [tab, mark] = await Promise.all([this.sources.getTab(e.tabId), this.mark(e.tabId)]);
    return tab?.url === e.url && mark === e.mark && this.entries.get(key) === e;
  }

  /** Undefined when the log cannot be read: pages without a scope need none, others fail below. */
  private mark(tabId: number): Promise<string | undefined> {
    return this.sources.observationsMark(tabId).catch(() => undefined);
  }

  private touch(key: string, entry: Entry): void {
    this.entries.delete(key);
    this.entries.set(key, entry);
    while (this.entries.size > this.options.maxEntries) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
  }

  private compute(tabId: number, profileId: LimitProfileId, fresh: boolean): Promise<Entry> {
    const key = `${tabId}|${profileId}`;
    const run = this.computeNow(tabId, profileId, fresh);
    this.inflight.set(key, run);
    const done = (): void => {
      if (this.inflight.get(key) === run) this.inflight.delete(key);
    };
    run.then(done, done);
    return run;
  }

  private async computeNow(tabId: number, profileId: LimitProfileId, fresh: boolean): Promise<Entry> {
    const version = this.jarVersion;
    // Started at once, not after the tab is known (a stopped worker woken by a popup is on the
    // clock): the jar, which the mirror keeps whatever the page turns out to be, and the tab's
    // observations when no scope of it is known. The mark's read starts before the observations',
    // so observations recorded in between make the mark stale (a later request recomputes)
    // rather than the scope.
    const jarRead = this.jar.get(fresh);
    const markRead = this.mark(tabId);
    const observationsRead = this.scopes.has(tabId) ? undefined : this.sources.observations(tabId);
    for (const p of [jarRead, observationsRead]) p?.catch(() => undefined);
    const tabRead = this.sources.getTab(tabId);
    // While the tab and the mark are on their way, the view of the page the tab showed when its
    // scope was worked out: the analysis (10–40 ms for 3,000 cookies) then runs during those
    // reads instead of after them. Used only when both confirm it (same URL, same observations).
    const known = this.scopes.get(tabId);
    const guess = known && inspectable(known.url) && known.mark !== undefined ? jarRead.then((jar) => this.build(true, known.url, known.domains, jar, profileId)) : undefined;
    guess?.catch(() => undefined);
    const [tab, mark] = await Promise.all([tabRead, markRead]);
    const url = tab?.url;
    const readable = inspectable(url);
    const confirmed = readable && known !== undefined && mark !== undefined && known.url === url && known.mark === mark;
    let domains: string[] = [];
    if (confirmed) domains = known.domains;
    else if (readable) {
      domains = tabDomains(siteOfUrl(url), await (observationsRead ?? this.sources.observations(tabId)));
      this.scopes.delete(tabId);
      this.scopes.set(tabId, { url, mark, domains });
      while (this.scopes.size > this.options.maxEntries) this.scopes.delete(this.scopes.keys().next().value as number);
    }
    // Pages without cookies to show (chrome://, about:, closed tabs) show none of the jar.
    const view = confirmed && guess ? await guess : this.build(tab !== undefined, url, domains, readable ? await jarRead : [], profileId);
    // Aged from its analysis clock, which the memo may have set earlier than now.
    const entry: Entry = { tabId, url, incognito: tab?.incognito === true, mark, computedAt: view.now, view };
    // A cookie changed while this ran: answer with it (it is as new as a fresh read), keep it not.
    if (version === this.jarVersion) {
      this.touch(`${tabId}|${profileId}`, entry);
      this.offerSnapshot(entry, profileId);
    }
    return entry;
  }

  private build(tabExists: boolean, url: string | undefined, domains: string[], jar: readonly CookieSnapshot[], profileId: LimitProfileId): TabView {
    return buildTabView({ tabExists, url, domains, jar, now: this.sources.now(), profileId, memo: this.memo });
  }

  /** A current entry in the profile a popup opens with becomes its tab's snapshot. */
  private offerSnapshot(entry: Entry, profileId: LimitProfileId): void {
    if (!entry.view.tabExists || profileId !== this.options.defaultProfile() || this.entries.get(`${entry.tabId}|${profileId}`) !== entry) return;
    this.snapshots.offer(entry, entry.tabId === this.lastAsked ? this.lastAskedAt : undefined);
  }

  private scheduleWarm(): void {
    if (!this.options.canWarm()) return;
    if (this.warmTimer !== undefined) this.options.clearTimeout(this.warmTimer);
    this.warmTimer = this.options.setTimeout(() => {
      this.warmTimer = undefined;
      void this.warm();
    }, this.options.warmDelayMs);
  }

  private noteSeen(tabId: number, at: number): void {
    this.seen.delete(tabId);
    this.seen.set(tabId, at);
    while (this.seen.size > MAX_SNAPSHOTS) this.seen.delete(this.seen.keys().next().value as number);
  }

  /**
   * After a burst of changes: the tab a popup asked about last gets its view back in memory; the
   * active tab, and the tabs seen within `warmForMs`, get back a snapshot a change made stale.
   */
  private async warm(): Promise<void> {
    if (this.warming) await this.warming;
    const run = (async () => {
      await this.restored;
      const profile = this.options.defaultProfile();
      const now = this.sources.now();
      const active = await this.sources.activeTab?.().catch(() => undefined);
      // A page still loading shows no URL of its own yet: it is warmed once it has loaded. Cookies
      // set by its response arrive before that, and no tab event is listened to, hence the retry.
      const loading = active?.loading === true ? active.tabId : undefined;
      if (active !== undefined) this.noteSeen(active.tabId, now);
      if (loading !== undefined && this.retriesLeft-- > 0) this.scheduleWarm();
      const asked = this.lastAsked !== undefined && now - this.lastAskedAt <= this.options.warmForMs ? this.lastAsked : undefined;
      if (asked !== undefined && asked !== loading) await this.warmTab(asked, profile);
      for (const [tabId, at] of [...this.seen].reverse()) {
        if (tabId !== asked && tabId !== loading && now - at <= this.options.warmForMs && !this.snapshots.has(tabId)) await this.warmTab(tabId, profile);
      }
    })();
    this.warming = run;
    await run;
    if (this.warming === run) this.warming = undefined;
  }

  private async warmTab(tabId: number, profileId: LimitProfileId): Promise<void> {
    const entry = this.entries.get(`${tabId}|${profileId}`);
    if (entry && (await this.current(entry).catch(() => false))) return;
    await this.compute(tabId, profileId, false).then(
      (e) => {
        this.stats.warmed++;
        if (!e.view.tabExists) this.seen.delete(tabId);
      },
      () => undefined,
    );
  }
}
