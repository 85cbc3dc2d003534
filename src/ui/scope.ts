/**
 * Which cookies a page shows: those visible to one tab (its top-level site and every host the
 * tab's frames and subresources talked to, as the log recorded them), those of one registrable
 * domain, or all of them. Current state comes from the browser's cookie jar (`cookies.getAll`),
 * history from the log.
 */
import { registrableDomain } from '../analysis/domain';
import { tabObservations } from '../db/queries';
import type { CookieLogDB } from '../db/schema';
import { cookieFromSnapshot, type CookieInfo, type CookieSnapshot } from '../model/cookie';
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

function toInfo(list: readonly CookieSnapshot[]): CookieInfo[] {
  const seen = new Set<string>();
  const out: CookieInfo[] = [];
  for (const s of list) {
    const c = cookieFromSnapshot(s);
    if (seen.has(c.key)) continue;
    seen.add(c.key);
    out.push(c);
  }
  return out;
}

/** Cookies of a registrable domain (and its subdomains), every store and partition. */
async function domainCookies(domain: string): Promise<CookieSnapshot[]> {
  return (await getAllCookies({ domain })) as CookieSnapshot[];
}

export async function loadScope(db: CookieLogDB, scope: Scope): Promise<ScopedCookies> {
  if (scope.kind === 'all') {
    const cookies = toInfo((await getAllCookies()) as CookieSnapshot[]);
    const domains = [...new Set(cookies.map((c) => registrableDomain(c.domain)))].sort();
    return { scope, domains, cookies, inspectable: true };
  }
  if (scope.kind === 'domain') {
    const cookies = toInfo(await domainCookies(scope.domain));
    return { scope, domains: [scope.domain], cookies, inspectable: true };
  }
  const tab = await getTab(scope.tabId);
  const topLevelUrl = tab?.url;
  const inspectable = isInspectableUrl(topLevelUrl);
  const topHost = topLevelUrl ? hostOf(topLevelUrl) : undefined;
  const topLevelSite = topHost ? registrableDomain(topHost) : undefined;
  const domains = new Set<string>();
  if (topLevelSite && inspectable) domains.add(topLevelSite);
  for (const o of await tabObservations(db, scope.tabId, { limit: 2_000 })) {
    if (!topLevelSite || o.topLevelSite === undefined || o.topLevelSite === topLevelSite) domains.add(o.registrableDomain);
  }
  const lists = await Promise.all([...domains].map((d) => domainCookies(d)));
  return {
    scope,
    topLevelUrl,
    topLevelSite,
    domains: [...domains].sort(),
    cookies: toInfo(lists.flat()),
    inspectable,
  };
}
