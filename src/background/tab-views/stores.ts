/**
 * Which cookie stores a view may show. A tab's view shows its own store only (the normal one, its
 * private window's, or its Firefox container's): a normal tab never sees a private window's
 * cookies, a container tab never another container's. The "all cookies" and domain scopes show
 * every store except private ones, unless the page asking is itself in a private window.
 */
import type { CookieSnapshot } from '../../model/cookie';

export type StoreScope = { kind: 'store'; storeId: string } | { kind: 'all-but-private' } | { kind: 'every' };

export function inStoreScope(storeId: string, scope: StoreScope, isPrivate: (storeId: string) => boolean): boolean {
  if (scope.kind === 'store') return storeId === scope.storeId;
  return scope.kind === 'every' || !isPrivate(storeId);
}

export function cookiesInStores(jar: readonly CookieSnapshot[], scope: StoreScope, isPrivate: (storeId: string) => boolean): CookieSnapshot[] {
  return scope.kind === 'every' ? [...jar] : jar.filter((c) => inStoreScope(c.storeId, scope, isPrivate));
}

/** What a report or page says it covers. */
export function describeStores(scope: StoreScope): string {
  if (scope.kind === 'store') return scope.storeId;
  return scope.kind === 'every' ? 'all stores' : 'all stores except private windows';
}
