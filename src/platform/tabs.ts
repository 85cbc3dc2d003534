import { browser, type Tabs } from './browser';

export async function getTab(tabId: number): Promise<Tabs.Tab | undefined> {
  try {
    return await browser.tabs.get(tabId);
  } catch {
    return undefined;
  }
}

/** Open tabs showing a web page (http/https), not private ones, most recently used first. */
export async function recentWebTabs(max: number): Promise<number[]> {
  const tabs = await browser.tabs.query({});
  return tabs
    .filter((t) => t.id !== undefined && !t.incognito && /^https?:/i.test(t.url ?? ''))
    .sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0))
    .slice(0, max)
    .map((t) => t.id as number);
}

/** The active tab of the last focused normal window, as the popup sees it. */
export async function getActiveTab(): Promise<Tabs.Tab | undefined> {
  const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
  return tab;
}

export async function openExtensionPage(path: string, query: Record<string, string | number> = {}): Promise<void> {
  const url = new URL(browser.runtime.getURL(path));
  for (const [k, v] of Object.entries(query)) url.searchParams.set(k, String(v));
  await browser.tabs.create({ url: url.href });
}

/**
 * Reloads a tab and resolves once its load completes (tabs.onUpdated reports `status` without the
 * `tabs` permission). Resolves after `timeoutMs` in any case, so a page that never finishes loading
 * cannot leave the caller waiting.
 */
export function reloadTabAndWait(tabId: number, timeoutMs = 30_000): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      browser.tabs.onUpdated.removeListener(listener);
      clearTimeout(timer);
      resolve();
    };
    const listener = (id: number, info: { status?: string }): void => {
      // Firefox does not always report the 'loading' step of a reload; 'complete' is enough.
      if (id === tabId && info.status === 'complete') done();
    };
    const timer = setTimeout(done, timeoutMs);
    browser.tabs.onUpdated.addListener(listener);
    browser.tabs.reload(tabId).catch(done);
  });
}

/** Whether this page itself is in a private window (Firefox gives such pages no IndexedDB). */
export function inPrivateContext(): boolean {
  return browser.extension.inIncognitoContext === true;
}

/**
 * Whether `tabId` is a private tab, whose events live only in the background's memory log. A tab
 * that cannot be looked up counts as private when this page is: nothing then reads the disk log.
 */
export async function isPrivateTab(tabId: number): Promise<boolean> {
  const tab = await getTab(tabId);
  return tab ? tab.incognito : inPrivateContext();
}
