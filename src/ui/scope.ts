/**
 * Which cookies a page shows: those visible to one tab (its top-level site and every host the
 * tab's frames and subresources talked to, as the log recorded them), those of one registrable
 * domain, or all of them. Current state comes from the browser's cookie jar (`cookies.getAll`),
 * history from the log.
 */
import { registrableDomain } from '../analysis/domain';
import { tabObservations } from '../db/queries';
import type { CookieLogDB } from '../db/schema';
import { cookiesInDomains, tabDomains } from '../analysis/tab-scope';
import type { CookieInfo, CookieSnapshot } from '../model/cookie';
import { getAllCookies } from '../platform/cookies';
import { getTab } from '../platform/tabs';

export type Scope = { kind: 'tab'; tabId: number } | { kind: 'domain'; domain: string } | { kind: 'all' };

export interface ScopedCookies {
  scope: Scope;
  /** Top-level document of the tab (tab scope only). */
  topLevelUrl?: string | undefined;
  /** Registrable domain of the top-level document: the "first party" for classification. */
  topLevelSite?: string | undefined;
  /** Registrable domains the tab talked to (tab scope), or the one domain. */
  domains: string[];
  cookies: CookieInfo[];
  /** False on pages the extension cannot inspect (chrome://, about:, the stores). */
  inspectable: boolean;
}

/** Reads the query string the way every page does: `?tabId=N`, `?domain=d`, `?scope=all`. */
export function scopeFromQuery(search: string, fallbackTabId?: number): Scope | undefined {
  const q = new URLSearchParams(search);
  const tab = q.get('tabId');
  if (tab !== null && /^\d+$/.test(tab)) return { kind: 'tab', tabId: Number(tab) };
  const domain = q.get('domain');
  if (domain) return { kind: 'domain', domain: registrableDomain(domain) };
  if (q.get('scope') === 'all') return { kind: 'all' };
  return fallbackTabId === undefined ? undefined : { kind: 'tab', tabId: fallbackTabId };
}

export function isInspectableUrl(url: string | undefined): boolean {
  if (!url) return false;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).hostname;
  } catch {
    return undefined;
  }
}

/** Every cookie in every store and partition: one call, filtered by the caller (see tab-scope.ts). */
async function jar(): Promise<CookieSnapshot[]> {
  return (await getAllCookies()) as CookieSnapshot[];
}

export async function loadScope(db: CookieLogDB, scope: Scope): Promise<ScopedCookies> {
  if (scope.kind === 'all') {
    const cookies = cookiesInDomains(await jar(), null);
    const domains = [...new Set(cookies.map((c) => registrableDomain(c.domain)))].sort();
    return { scope, domains, cookies, inspectable: true };
  }
  if (scope.kind === 'domain') {
    const cookies = cookiesInDomains(await jar(), new Set([scope.domain]));
    return { scope, domains: [scope.domain], cookies, inspectable: true };
  }
  const [tab, all] = await Promise.all([getTab(scope.tabId), jar()]);
  const topLevelUrl = tab?.url;
  const inspectable = isInspectableUrl(topLevelUrl);
  const topHost = topLevelUrl ? hostOf(topLevelUrl) : undefined;
  const topLevelSite = topHost ? registrableDomain(topHost) : undefined;
  const domains = inspectable ? tabDomains(topLevelSite, await tabObservations(db, scope.tabId, { limit: 2_000 })) : [];
  return {
    scope,
    topLevelUrl,
    topLevelSite,
    domains,
    cookies: cookiesInDomains(all, new Set(domains)),
    inspectable,
  };
}
