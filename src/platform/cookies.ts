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

export async function getCookie(details: {
  url: string;
  name: string;
  storeId?: string;
}): Promise<BrowserCookie | null> {
  try {
    return await browser.cookies.get(details);
  } catch {
    return null;
  }
}
