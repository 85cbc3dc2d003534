/**
 * What the recorder knows about tabs and sites from the requests it has seen, so that most events
 * need no browser round trip: each tab's top-level URL (learnt from main-frame requests; no `tabs`
 * permission needed), its incognito flag (fixed for a tab's life; Chromium's webRequest details
 * lack it), and the sites whose request headers were looked at.
 */
import { hostOf, registrableDomain } from '../../analysis/domain';
import { topLevelUrlFromDetails, type RequestDetailsLike } from './headers';

export interface TabInfo {
  url?: string | undefined;
  incognito?: boolean | undefined;
}

export class TabContext {
  private readonly topUrls = new Map<number, string>();
  private readonly incognito = new Map<number, boolean>();
  /**
   * Sites whose requests had their headers recorded: only there does a change that no Set-Cookie
   * line claims mean a script wrote it. Elsewhere its source is unknown (the header was not looked at).
   */
  private readonly headerSites = new Set<string>();
  /** Hosts already mapped to their site: a page's requests mostly repeat a few hosts, skip the PSL. */
  private readonly seenHosts = new Set<string>();

  /** `maxEntries`: each map's bound; beyond it the entry noted longest ago goes (tabs close, hosts repeat). */
  constructor(
    private readonly lookup: (tabId: number) => Promise<TabInfo>,
    private readonly maxEntries = 1_000,
  ) {}

  /** Entries held across the maps (for bounds tests and status). */
  size(): number {
    return this.topUrls.size + this.incognito.size + this.headerSites.size + this.seenHosts.size;
  }

  /** Notes a main-frame request's URL; the top-level URL the request was made under, when known. */
  noteTopLevel(d: RequestDetailsLike): string | undefined {
    const fromDetails = topLevelUrlFromDetails(d);
    if (d.type === 'main_frame' && d.tabId >= 0) setBounded(this.topUrls, d.tabId, d.url, this.maxEntries);
    return fromDetails ?? this.topUrls.get(d.tabId);
  }

  /** What an event needs about its tab: at once when known, else from one lookup (remembered). */
  info(d: RequestDetailsLike, knownTop: string | undefined): TabInfo | Promise<TabInfo> {
    if (d.tabId < 0) return {};
    const incognito = d.incognito ?? this.incognito.get(d.tabId);
    if (knownTop !== undefined && incognito !== undefined) return { incognito };
    return this.lookup(d.tabId).then(
      (info) => {
        if (info.incognito !== undefined) setBounded(this.incognito, d.tabId, info.incognito, this.maxEntries);
        return info;
      },
      () => ({}),
    );
  }

  /** A request whose headers are being looked at (with or without cookies) marks its site. */
  noteHeaderSite(url: string): void {
    const host = hostOf(url) ?? '';
    if (this.seenHosts.has(host)) return;
    // Only a shortcut: forgetting it costs one more lookup.
    if (this.seenHosts.size >= this.maxEntries) this.seenHosts.clear();
    this.seenHosts.add(host);
    const site = registrableDomain(host);
    if (!site) return;
    this.headerSites.delete(site);
    this.headerSites.add(site);
    if (this.headerSites.size > this.maxEntries) this.headerSites.delete(this.headerSites.values().next().value!);
  }

  headersSeenFor(site: string): boolean {
    return this.headerSites.has(site);
  }
}

/** Sets `key` as the newest entry and drops the oldest beyond `max`. */
function setBounded<K, V>(map: Map<K, V>, key: K, value: V, max: number): void {
  map.delete(key);
  map.set(key, value);
  if (map.size > max) map.delete(map.keys().next().value!);
}
