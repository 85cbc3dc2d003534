import { browser, type Tabs } from './browser';

export async function getTab(tabId: number): Promise<Tabs.Tab | undefined> {
  try {
    return await browser.tabs.get(tabId);
  } catch {
    return undefined;
  }
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

