/** Which cookies a page shows, and what it gets for that scope from the background. */
import type { CookieInfo } from './cookie';

/** Which cookie stores a view covers (background/tab-views/stores.ts decides). */
export type StoreScope = { kind: 'store'; storeId: string } | { kind: 'all-but-private' } | { kind: 'every' };

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
  /**
   * The cookie stores covered: the tab's own store for a tab scope; for the other scopes every
   * store but private ones, unless asked from a private window.
   */
  stores: StoreScope;
}
