import { inspectedTabId } from '../platform/devtools';
import { getActiveTab, getTab } from '../platform/tabs';

export interface Target {
  tabId: number | undefined;
  url: string | undefined;
  /** Where the target came from, for the page's header and for tests. */
  source: 'query' | 'devtools' | 'active-tab' | 'none';
}

/**
 * Every UI page accepts its target in the query string (`?tabId=N`): tests and power users open
 * pages as ordinary tabs, where there is no popup anchor and no inspected window. Otherwise the
 * DevTools inspected tab, then the active tab.
 */
export async function resolveTarget(search: string = globalThis.location?.search ?? ''): Promise<Target> {
  const raw = new URLSearchParams(search).get('tabId');
  const fromQuery = raw !== null && /^\d+$/.test(raw) ? Number(raw) : undefined;
  if (fromQuery !== undefined) {
    const tab = await getTab(fromQuery);
    return { tabId: fromQuery, url: tab?.url, source: 'query' };
  }
  const inspected = inspectedTabId();
  if (inspected !== undefined) {
    const tab = await getTab(inspected);
    return { tabId: inspected, url: tab?.url, source: 'devtools' };
  }
  const active = await getActiveTab();
  if (active?.id !== undefined) return { tabId: active.id, url: active.url, source: 'active-tab' };
  return { tabId: undefined, url: undefined, source: 'none' };
}
