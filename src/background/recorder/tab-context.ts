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

  constructor(private readonly lookup: (tabId: number) => Promise<TabInfo>) {}

  /** Notes a main-frame request's URL; the top-level URL the request was made under, when known. */
  noteTopLevel(d: RequestDetailsLike): string | undefined {
    const fromDetails = topLevelUrlFromDetails(d);
    if (d.type === 'main_frame' && d.tabId >= 0) this.topUrls.set(d.tabId, d.url);
    return fromDetails ?? this.topUrls.get(d.tabId);
  }

  /** What an event needs about its tab: at once when known, else from one lookup (remembered). */
  info(d: RequestDetailsLike, knownTop: string | undefined): TabInfo | Promise<TabInfo> {
    if (d.tabId < 0) return {};
    const incognito = d.incognito ?? this.incognito.get(d.tabId);
    if (knownTop !== undefined && incognito !== undefined) return { incognito };
    return this.lookup(d.tabId).then(
      (info) => {
        if (info.incognito !== undefined) this.incognito.set(d.tabId, info.incognito);
        return info;
      },
      () => ({}),
    );
  }

  /** A request whose headers are being looked at (with or without cookies) marks its site. */
  noteHeaderSite(url: string): void {
    const host = hostOf(url) ?? '';
    if (this.seenHosts.has(host)) return;
    this.seenHosts.add(host);
    const site = registrableDomain(host);
    if (site) this.headerSites.add(site);
  }

  headersSeenFor(site: string): boolean {
    return this.headerSites.has(site);
  }
}
