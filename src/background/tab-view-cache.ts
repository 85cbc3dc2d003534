/**
 * The popup's tab views, kept warm in the background. Computing one for a big profile costs about
 * 250 ms (3,000 cookies: reading the jar ~100 ms, the tab's observations ~45 ms, the analysis
 * ~75 ms); a popup opened again, or on a tab the background has already looked at, is answered
 * from memory instead. Nothing here is persisted: cookie values live in memory only, as in any
 * answer.
 *
 * A cached view is served only while everything it was computed from is unchanged:
 *   - the cookie jar: every `cookies.onChanged` bumps a version (`cookiesChanged`), and a view or
 *     jar read under an older version is not reused;
 *   - the tab's URL (one `tabs.get`);
 *   - the tab's observations, which decide which sites are in scope: a mark of their count and
 *     first / last keys (`observationsMark`, two index reads) must match;
 *   - the analysis clock: views older than `maxAgeMs` are recomputed (from the cached jar).
 * The tab a popup asked about last is recomputed after cookie changes go quiet (for ten minutes
 * after it asked), so the next popup on it finds its view ready.
 * A request with `fresh` reads the jar again whatever the version says: live updates use it, so a
 * change the popup heard about is never answered with a view from before it.
 *
 * The view of the tab a popup asked about last is also handed to `snapshots` (popup-snapshot.ts:
 * first rows, no values, not for private tabs) each time it is computed, and dropped from there on
 * the first cookie change after: the next popup paints it before a stopped worker has even started.
 * The snapshot also tells a restarted worker which tab to keep warm.
 */
import { tabDomains } from '../analysis/tab-scope';
import type { TabView } from '../analysis/view-model';
import type { CookieSnapshot } from '../model/cookie';
import type { HeaderObservation } from '../model/events';
import type { LimitProfileId } from '../model/limits';
import { buildTabView, inspectable, siteOfUrl } from './tab-view-build';
import { SnapshotKeeper, type SnapshotStore } from './tab-view-snapshot';

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
}

export interface TabViewCacheOptions {
  /** Views older than this are recomputed: the analysis depends on the clock (expiry, caps). */
  maxAgeMs: number;
  /** Tab views kept (least recently used dropped first). */
  maxEntries: number;
  /** Quiet time after the last cookie change before warming. */
  warmDelayMs: number;
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
  warmForMs: 600_000,
} as const;

interface Entry {
  tabId: number;
  jarVersion: number;
  url: string | undefined;
  incognito: boolean;
  mark: string | undefined;
  computedAt: number;
  view: TabView;
}

interface Scope {
  url: string | undefined;
  mark: string | undefined;
  domains: string[];
}

export class TabViewCache {
  private readonly options: TabViewCacheOptions;
  private jarVersion = 0;
  private jar: { version: number; cookies: Promise<CookieSnapshot[]> } | undefined;
  private readonly scopes = new Map<number, Scope>();
  private readonly entries = new Map<string, Entry>();
  private readonly inflight = new Map<string, Promise<Entry>>();
  /** The tab a popup asked about last: the one kept warm, for `warmForMs` after it asked. */
  private lastAsked: number | undefined;
  private lastAskedAt = 0;
  private warmTimer: unknown;
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
    this.options = {
      ...TAB_VIEW_CACHE_DEFAULTS,
      canWarm: () => true,
      setTimeout: (f, ms) => setTimeout(f, ms),
      clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
      ...options,
    };
    this.snapshots = new SnapshotKeeper(this.options.snapshots);
    const restoring: Promise<void> | undefined = this.snapshots.lastAsked()?.then((asked) => {
      if (asked && this.lastAsked === undefined) ({ tabId: this.lastAsked, askedAt: this.lastAskedAt } = asked);
      if (this.restored === restoring) this.restored = undefined;
    });
    this.restored = restoring;
  }

  /**
   * Any cookie changed: nothing computed before is reused, and the tab a popup asked about last is
   * recomputed once changes go quiet, for a while after it asked (a recomputation of a big profile
   * costs ~250 ms of the background's time; a busy site changes cookies every second). No tab
   * events are listened to: each would wake a stopped service worker, which then reconciles the
   * whole jar, on every tab switch.
   */
  cookiesChanged(): void {
    this.jarVersion++;
    this.jar = undefined;
    this.snapshots.cookiesChanged();
    const warmIfAsked = (): void => {
      if (this.lastAsked !== undefined && this.sources.now() - this.lastAskedAt <= this.options.warmForMs) this.scheduleWarm();
    };
    if (this.restored) void this.restored.then(warmIfAsked);
    else warmIfAsked();
  }

  /** The tab's view, from memory when it is still current. */
  async get(tabId: number, profileId: LimitProfileId, opts: { fresh?: boolean } = {}): Promise<TabView> {
    this.lastAsked = tabId;
    this.lastAskedAt = this.sources.now();
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

  /** Settles once any warming under way is done (tests). */
  async idle(): Promise<void> {
    while (this.warming) await this.warming;
  }

  private async current(e: Entry): Promise<boolean> {
    if (e.jarVersion !== this.jarVersion) return false;
    if (this.sources.now() - e.computedAt > this.options.maxAgeMs) return false;
    if (e.mark === undefined && e.view.inspectable) return false;
    const [tab, mark] = await Promise.all([this.sources.getTab(e.tabId), this.mark(e.tabId)]);
    return tab?.url === e.url && mark === e.mark && e.jarVersion === this.jarVersion;
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

  private readJar(version: number, fresh: boolean): Promise<CookieSnapshot[]> {
    if (!fresh && this.jar?.version === version) return this.jar.cookies;
    const cookies = this.sources.readJar();
    const slot = { version, cookies };
    this.jar = slot;
    cookies.catch(() => {
      if (this.jar === slot) this.jar = undefined;
    });
    return cookies;
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
    // The mark is read before the observations, so observations recorded in between make the
    // mark stale (a later request recomputes) rather than the scope.
    const [tab, mark] = await Promise.all([this.sources.getTab(tabId), this.mark(tabId)]);
    const url = tab?.url;
    const readable = inspectable(url);
    // Pages without cookies to show (chrome://, about:, closed tabs) need no jar.
    const jarRead = readable ? this.readJar(version, fresh) : Promise.resolve([]);
    let domains: string[] = [];
    if (readable) {
      const known = this.scopes.get(tabId);
      if (known && mark !== undefined && known.url === url && known.mark === mark) domains = known.domains;
      else {
        domains = tabDomains(siteOfUrl(url), await this.sources.observations(tabId));
        this.scopes.delete(tabId);
        this.scopes.set(tabId, { url, mark, domains });
        while (this.scopes.size > this.options.maxEntries) this.scopes.delete(this.scopes.keys().next().value as number);
      }
    }
    const jar = await jarRead;
    const now = this.sources.now();
    const view = buildTabView({ tabExists: tab !== undefined, url, domains, jar, now, profileId });
    const entry: Entry = { tabId, jarVersion: version, url, incognito: tab?.incognito === true, mark, computedAt: now, view };
    // A cookie changed while this ran: answer with it (it is as new as a fresh read), keep it not.
    if (version === this.jarVersion) {
      this.touch(`${tabId}|${profileId}`, entry);
      this.offerSnapshot(entry, profileId);
    }
    return entry;
  }

  /**
   * The entry becomes the popup's snapshot when it is the current view of the tab a popup asked
   * about last, in the profile a popup opens with.
   */
  private offerSnapshot(entry: Entry, profileId: LimitProfileId): void {
    if (entry.tabId !== this.lastAsked || profileId !== this.options.defaultProfile() || entry.jarVersion !== this.jarVersion) return;
    this.snapshots.offer(entry, this.lastAskedAt);
  }

  private scheduleWarm(): void {
    if (!this.options.canWarm()) return;
    if (this.warmTimer !== undefined) this.options.clearTimeout(this.warmTimer);
    this.warmTimer = this.options.setTimeout(() => {
      this.warmTimer = undefined;
      void this.warm();
    }, this.options.warmDelayMs);
  }

  private async warm(): Promise<void> {
    if (this.warming) await this.warming;
    const tabs = this.lastAsked === undefined ? [] : [this.lastAsked];
    const run = (async () => {
      for (const tabId of tabs) {
        const key = `${tabId}|${this.options.defaultProfile()}`;
        const entry = this.entries.get(key);
        if (entry && (await this.current(entry).catch(() => false))) continue;
        await this.compute(tabId, this.options.defaultProfile(), false).then(
          () => void this.stats.warmed++,
          () => undefined,
        );
      }
    })();
    this.warming = run;
    await run;
    if (this.warming === run) this.warming = undefined;
  }
}
