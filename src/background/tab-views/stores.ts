/**
 * Which cookie stores a view may show. A tab's view shows its own store only (the normal one, its
 * private window's, or its Firefox container's): a normal tab never sees a private window's
 * cookies, a container tab never another container's. The "all cookies" and domain scopes show
 * every store except private ones, unless the page asking is itself in a private window.
 */
import type { CookieSnapshot } from '../../model/cookie';
import type { StoreScope } from '../../model/scope';

export type { StoreScope } from '../../model/scope';

export function inStoreScope(storeId: string, scope: StoreScope, isPrivate: (storeId: string) => boolean): boolean {
  if (scope.kind === 'store') return storeId === scope.storeId;
  return scope.kind === 'every' || !isPrivate(storeId);
}

export function cookiesInStores(
  jar: readonly CookieSnapshot[],
  scope: StoreScope,
  isPrivate: (storeId: string) => boolean,
): CookieSnapshot[] {
  return scope.kind === 'every' ? [...jar] : jar.filter((c) => inStoreScope(c.storeId, scope, isPrivate));
}
