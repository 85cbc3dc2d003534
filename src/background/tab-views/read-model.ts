/**
 * The per-tab read model: for each tab a page is looking at (popup, DevTools panel), its cookies
 * in scope — its own cookie store, its top-level site and the sites its frames and subresources
 * talked to — with classification, findings and limits. Computed in the background from one jar
 * mirror kept current by `cookies.onChanged` (jar-mirror.ts) and the per-cookie memo
 * (analysis/view-memo.ts): after a change only that cookie is analysed again, and the jar is not
 * read again.
 *
 * Pages subscribe through a port (platform/watch.ts); the view is pushed on connect and again
 * after every change that touches it. A change outside the tab's store or sites pushes nothing.
 * Views are computed only for tabs a page is open on: nothing is warmed, nothing persisted.
 */
import { cookieSite, cookiesInDomains, tabDomains } from '../../analysis/tab-scope';
import type { TabView } from '../../view/view-model';
import { ViewMemo } from '../../view/view-memo';
import type { CookieSnapshot } from '../../model/cookie';
import { analyzeSessions, AUTH_WINDOW_MS } from '../../analysis/sessions';
import type { CookieChangeEvent, HeaderObservation, SessionMark } from '../../model/events';
import { tabSessions, type TabSessions } from '../../view/sessions';
import type { LimitProfileId } from '../../model/limits';
import type { Scope, ScopedCookies } from '../../model/scope';
import { buildTabView, inspectable, siteOfUrl } from './build';
import { JarMirror, type JarChange } from './jar-mirror';
import { RecentObservations } from './recent';
import { cookiesInStores, type StoreScope } from './stores';

export type ScopeObservation = Pick<HeaderObservation, 'topLevelSite' | 'registrableDomain'> & Partial<Pick<HeaderObservation, 'id'>>;
/** An observation as the recorder reports it the moment it records one. */
export type RecordedObservation = ScopeObservation & Pick<HeaderObservation, 'tabId'>;

/** Where views come from: the browser and the log in the background, fakes in tests. */
export interface ReadModelSources {
  /** The tab's URL and cookie store; undefined when the tab is gone. */
  tab(tabId: number): Promise<{ url?: string | undefined; storeId: string } | undefined>;
  /** Every cookie of every store (read once, then kept current by `changed`). */
  readJar(): Promise<CookieSnapshot[]>;
  /**
   * The tab's newest observations: the sites in its scope and, when whole records (the log's, not
   * a test's site pairs), its sessions' requests and responses.
   */
  observations(tabId: number): Promise<Array<ScopeObservation | HeaderObservation>>;
  /** The cookie changes of these sites and the session marks; absent: views carry no sessions. */
  sessionLog?(sites: readonly string[]): Promise<{ changes: CookieChangeEvent[]; marks: SessionMark[] }>;
  isPrivateStore(storeId: string): boolean;
  now(): number;
}

/** One page looking at one tab. `push` gets every view of the tab, newest last. */
export interface Subscriber {
  tabId: number;
  profileId: LimitProfileId;
  push(view: TabView): void;
  failed(message: string): void;
}

interface TabState {
  subscribers: Set<Subscriber>;
  /** The store and sites of the last view: what a change must touch to make it stale. */
  storeId: string | undefined;
  domains: ReadonlySet<string>;
  /** Bumped per refresh started; only the newest refresh pushes. */
  generation: number;
  timer: ReturnType<typeof setTimeout> | undefined;
  /** The pending refresh pushes whatever it finds (a change of the tab's sites is among those it covers). */
  force: boolean;
  /**
   * Subscribers owed a push: the next refresh to finish as the newest pushes to them (a refresh
   * overtaken by a later one pushes nothing, so what it owed passes on).
   */
  owed: Set<Subscriber>;
}

/** Analysis clock reuse (view-memo.ts): a view's `now` is at most this old. */
const MEMO_MAX_AGE_MS = 60_000;
/** Changes come in bursts (a page load sets dozens): one refresh per burst. */
const REFRESH_DELAY_MS = 30;
/** Longer than the log's batch latency by far: past it the log's read holds the observation. */
const RECENT_KEEP_MS = 10_000;
const RECENT_PER_TAB = 500;

export class TabReadModel {
  private readonly jar: JarMirror;
  private readonly memo = new ViewMemo(MEMO_MAX_AGE_MS);
  private readonly tabs = new Map<number, TabState>();
  private readonly recent = new RecentObservations<RecordedObservation>(RECENT_KEEP_MS, RECENT_PER_TAB);

  constructor(
    private readonly sources: ReadModelSources,
    private readonly schedule: (f: () => void, ms: number) => ReturnType<typeof setTimeout> = (f, ms) => setTimeout(f, ms),
  ) {
    this.jar = new JarMirror(() => sources.readJar());
  }

  /** Every cookie the browser holds (reconciliation at start shares the one read). */
  cookies(): Promise<CookieSnapshot[]> {
    return this.jar.get();
  }

  /**
   * A cookie changed (`undefined`: something did, what is not known). Tabs whose store holds it
   * are refreshed: those whose sites include it for the new state, the others because a site the
   * tab talks to may have joined its scope since its last view.
   */
  changed(change: JarChange | undefined): void {
    this.jar.changed(change);
    for (const [tabId, t] of this.tabs) {
      if (change && t.storeId !== undefined && t.storeId !== change.cookie.storeId) continue;
      if (change && !t.domains.has(cookieSite(change.cookie)) && t.storeId !== undefined) {
        this.refreshLater(tabId, t, true);
      } else this.refreshLater(tabId, t, false);
    }
  }

  /**
   * The recorder recorded an observation (before the log has it on disk): a site new to the tab
   * joins its scope now, so a cookie of that site changed in the same burst is in the next view.
   */
  observed(obs: RecordedObservation): void {
    this.recent.add(obs, this.sources.now());
    const t = this.tabs.get(obs.tabId);
    if (t && !t.domains.has(obs.registrableDomain)) this.refreshLater(obs.tabId, t, true);
  }

  /**
   * Something of the log a tab's sessions come from was recorded: an observation of `tabId`, a
   * cookie change, a mark (`undefined`: any tab). Those tabs' views are computed and pushed again.
   */
  logged(tabId?: number): void {
    for (const [id, t] of this.tabs) if (tabId === undefined || id === tabId) this.refreshLater(id, t, false);
  }

  /** A page starts looking at a tab: it gets the view now and after every change. */
  subscribe(s: Subscriber): () => void {
    let t = this.tabs.get(s.tabId);
    if (!t)
      this.tabs.set(
        s.tabId,
        (t = {
          subscribers: new Set(),
          storeId: undefined,
          domains: new Set(),
          generation: 0,
          timer: undefined,
          force: false,
          owed: new Set(),
        }),
      );
    t.subscribers.add(s);
    t.owed.add(s);
    void this.refresh(s.tabId);
    return () => {
      const state = this.tabs.get(s.tabId);
      state?.subscribers.delete(s);
      state?.owed.delete(s);
      if (state && state.subscribers.size === 0) {
        if (state.timer !== undefined) clearTimeout(state.timer);
        this.tabs.delete(s.tabId);
      }
    };
  }

  /**
   * The cookies of a scope as pages other than the popup show them (report, panel inspector):
   * a tab's store and sites; a domain's or all cookies in `stores` (stores.ts).
   */
  async scoped(scope: Scope, stores: StoreScope): Promise<ScopedCookies> {
    const isPrivate = (s: string): boolean => this.sources.isPrivateStore(s);
    if (scope.kind !== 'tab') {
      const jar = cookiesInStores(await this.jar.get(), stores, isPrivate);
      const domains = scope.kind === 'domain' ? new Set([scope.domain]) : null;
      const cookies = cookiesInDomains(jar, domains, (c) => this.memo.info(c));
      const list = domains ? [...domains] : [...new Set(cookies.map((c) => cookieSite(c)))].sort();
      return { scope, domains: list, cookies, inspectable: true, stores };
    }
    const tab = await this.sources.tab(scope.tabId);
    const topLevelUrl = tab?.url;
    const readable = inspectable(topLevelUrl);
    const topLevelSite = siteOfUrl(topLevelUrl);
    const domains = readable ? tabDomains(topLevelSite, await this.observations(scope.tabId)) : [];
    const own: StoreScope = { kind: 'store', storeId: tab?.storeId ?? '' };
    const jar = readable ? cookiesInStores(await this.jar.get(), own, isPrivate) : [];
    const cookies = cookiesInDomains(jar, new Set(domains), (c) => this.memo.info(c));
    return { scope, topLevelUrl, topLevelSite, domains, cookies, inspectable: readable, stores: own };
  }

  /** The tab's view now, without subscribing (one-off questions, tests). */
  async view(tabId: number, profileId: LimitProfileId): Promise<TabView> {
    return (await this.compute(tabId, [profileId])).get(profileId) as TabView;
  }

  /**
   * A login or logout younger than its window is not decided yet (its response may still change the
   * cookie): computed again once the window has passed, even if nothing else is recorded.
   */
  private recheckMoments(tabId: number, view: TabView): void {
    const newest = view.authMoments.reduce((n, m) => Math.max(n, m.time), -Infinity);
    const left = newest + AUTH_WINDOW_MS - this.sources.now();
    if (left > 0) this.schedule(() => this.logged(tabId), left + REFRESH_DELAY_MS);
  }

  private refreshLater(tabId: number, t: TabState, onlyIfScopeGrew: boolean): void {
    // A pending refresh that must push wins over one that may not.
    if (t.timer !== undefined) {
      t.force ||= !onlyIfScopeGrew;
      return;
    }
    t.force = !onlyIfScopeGrew;
    t.timer = this.schedule(() => {
      t.timer = undefined;
      if (t.force) for (const s of t.subscribers) t.owed.add(s);
      void this.refresh(tabId);
    }, REFRESH_DELAY_MS);
  }

  /**
   * Computes the tab's views and pushes them to the subscribers owed one, and to every subscriber
   * when the tab's sites grew (a cookie of a site new to its scope may have changed).
   */
  private async refresh(tabId: number): Promise<void> {
    const t = this.tabs.get(tabId);
    if (!t || t.subscribers.size === 0) return;
    const generation = ++t.generation;
    const before = t.domains;
    const subscribers = [...t.subscribers];
    try {
      const views = await this.compute(tabId, [...new Set(subscribers.map((s) => s.profileId))]);
      // A later refresh started meanwhile: it pushes, with a jar at least as new as this one's.
      if (this.tabs.get(tabId) !== t || generation !== t.generation) return;
      const any = views.values().next().value as TabView;
      t.storeId = any.storeId;
      t.domains = new Set(any.domains);
      const grew = before.size > 0 && any.domains.some((d) => !before.has(d));
      const to = grew ? subscribers : subscribers.filter((s) => t.owed.has(s));
      t.owed.clear();
      for (const s of to) if (t.subscribers.has(s)) s.push(views.get(s.profileId) as TabView);
      this.recheckMoments(tabId, any);
    } catch (err) {
      if (this.tabs.get(tabId) !== t || generation !== t.generation) return;
      const to = subscribers.filter((s) => t.owed.has(s));
      t.owed.clear();
      for (const s of to) s.failed(err instanceof Error ? err.message : String(err));
    }
  }

  /** The log's observations of the tab and those recorded since that the log may not hold yet. */
  private async observations(tabId: number): Promise<Array<ScopeObservation | HeaderObservation>> {
    const logged = await this.sources.observations(tabId);
    const ids = new Set(logged.map((o) => o.id));
    const recent = this.recent.of(tabId, this.sources.now()).filter((o) => o.id === undefined || !ids.has(o.id));
    return recent.length === 0 ? logged : [...logged, ...recent];
  }

  private async compute(tabId: number, profiles: LimitProfileId[]): Promise<Map<LimitProfileId, TabView>> {
    // Started at once (a worker woken by a popup is on the clock), awaited after the tab.
    const jarRead = this.jar.get();
    jarRead.catch(() => undefined);
    const tab = await this.sources.tab(tabId);
    const url = tab?.url;
    const readable = inspectable(url);
    const observations = readable ? await this.observations(tabId) : [];
    const domains = readable ? tabDomains(siteOfUrl(url), observations) : [];
    const sessions = readable ? await this.sessions(observations, domains) : { sessions: [], authMoments: [] };
    // Asked again once read: the jar as of the newest change reported before this view is built.
    await jarRead;
    const jar =
      readable && tab
        ? cookiesInStores(await this.jar.get(), { kind: 'store', storeId: tab.storeId }, (s) => this.sources.isPrivateStore(s))
        : [];
    const now = this.sources.now();
    const views = new Map<LimitProfileId, TabView>();
    for (const profileId of profiles) {
      const view = buildTabView({ tabExists: tab !== undefined, url, domains, jar, now, profileId, memo: this.memo });
      views.set(profileId, tab ? { ...view, ...sessions, storeId: tab.storeId } : { ...view, ...sessions });
    }
    return views;
  }

  /** The sessions of the tab's sites, by the model the report uses, from the tab's newest observations. */
  private async sessions(observations: ReadonlyArray<ScopeObservation | HeaderObservation>, domains: string[]): Promise<TabSessions> {
    if (!this.sources.sessionLog || domains.length === 0) return { sessions: [], authMoments: [] };
    const { changes, marks } = await this.sources.sessionLog(domains);
    const whole = observations.filter((o): o is HeaderObservation => 'kind' in o && 'id' in o);
    const analysis = analyzeSessions({ changes, observations: whole, marks, now: this.sources.now() });
    return tabSessions(analysis, new Set(domains));
  }
}
