/**
 * Which cookies a page shows: those of one tab, of one registrable domain, or all of them, as the
 * page's query string says. The background answers what is in a scope (`getScope`, computed by
 * background/tab-views/ with the store rules of stores.ts): pages never read the jar themselves.
 */
import { registrableDomain } from '../analysis/domain';
import type { Scope } from '../model/scope';

export type { Scope, ScopedCookies } from '../model/scope';

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
