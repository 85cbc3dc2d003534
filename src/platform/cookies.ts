import { BROWSER, browser, type Cookies } from './browser';

export type BrowserCookie = Cookies.Cookie;
export type CookieChange = Cookies.OnChangedChangeInfoType;

export function onCookieChanged(listener: (change: CookieChange) => void): void {
  browser.cookies.onChanged.addListener((c) => {
    listener(c);
  });
}

/**
 * Private/incognito cookie stores: Chromium names the incognito store "1" (the regular one "0");
 * Firefox names it "firefox-private" (containers are "firefox-container-N").
 * https://developer.mozilla.org/docs/Mozilla/Add-ons/WebExtensions/API/cookies/CookieStore
 */
export function isPrivateStore(storeId: string): boolean {
  // Fails closed: a store not known to be a normal one (a new kind of store) is kept off disk.
  return BROWSER === 'firefox' ? !/^firefox-(default|container-\d+)$/.test(storeId) : storeId !== '0';
}

/**
 * Every cookie the browser holds: all stores (containers, incognito when allowed), and in each
 * store both unpartitioned and partitioned (CHIPS) cookies. `partitionKey: {}` asks for all
 * partitions (Chrome 119+, Firefox 94+); `firstPartyDomain: null` returns cookies of every
 * first-party domain when first-party isolation is on (Firefox throws without it then).
 */
export async function getAllCookies(filter: { domain?: string; url?: string } = {}): Promise<BrowserCookie[]> {
  const stores = await browser.cookies.getAllCookieStores();
  const all: BrowserCookie[] = [];
  for (const store of stores) {
    const details: Record<string, unknown> = { ...filter, storeId: store.id, partitionKey: {} };
    if (BROWSER === 'firefox') details['firstPartyDomain'] = null;
    let cookies: BrowserCookie[];
    try {
      cookies = await browser.cookies.getAll(details as Cookies.GetAllDetailsType);
    } catch {
      // Older engines reject the partitionKey filter: fall back to unpartitioned cookies.
      const { partitionKey: _p, ...rest } = details;
      cookies = await browser.cookies.getAll(rest as Cookies.GetAllDetailsType);
    }
    all.push(...cookies);
  }
  return all;
}

export async function getCookie(details: { url: string; name: string; storeId?: string }): Promise<BrowserCookie | null> {
  try {
    return await browser.cookies.get(details);
  } catch {
    return null;
  }
}

/** The default (non-private, no container) store's id in each browser. */
export const DEFAULT_STORE = BROWSER === 'firefox' ? 'firefox-default' : '0';

/**
 * The cookie store a tab's pages use: the normal store, the private one, or (Firefox) its
 * container. `getAllCookieStores` lists each store with its tabs in both browsers; a tab it does
 * not list (closed meanwhile) falls back to what the tab says of itself.
 */
export async function cookieStoreOfTab(tab: {
  id?: number | undefined;
  incognito?: boolean;
  cookieStoreId?: string | undefined;
}): Promise<string> {
  const stores = await browser.cookies.getAllCookieStores().catch(() => []);
  const listed = stores.find((s) => tab.id !== undefined && s.tabIds.includes(tab.id));
  if (listed) return listed.id;
  if (tab.cookieStoreId) return tab.cookieStoreId;
  return tab.incognito === true ? (BROWSER === 'firefox' ? 'firefox-private' : '1') : DEFAULT_STORE;
}
