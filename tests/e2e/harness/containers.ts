/**
 * Firefox containers: with `privacy.userContext.enabled`, an extension page can open a tab in a
 * container (`tabs.create({ cookieStoreId })`); its cookies live in that container's store.
 */
import type { ExtensionBrowser } from '../../../scripts/browser/types';

export const CONTAINER_PREFS = { 'privacy.userContext.enabled': true } as const;

/** Opens `url` in a tab of `cookieStoreId` from an extension page; resolves with its tab id once loaded. */
export async function openContainerTab(b: ExtensionBrowser, url: string, cookieStoreId = 'firefox-container-1'): Promise<number> {
  const opener = await b.openExtensionPage('src/pages/options/index.html');
  try {
    return (await opener.page.evaluate(
      async (u: string, store: string) => {
        type Tab = { id: number; status?: string };
        const api = (globalThis as unknown as { browser: { tabs: { create(o: object): Promise<Tab>; get(id: number): Promise<Tab> } } })
          .browser;
        const tab = await api.tabs.create({ url: u, cookieStoreId: store, active: false });
        for (;;) {
          const now = await api.tabs.get(tab.id);
          if (now.status === 'complete') return tab.id;
          await new Promise((r) => setTimeout(r, 50));
        }
      },
      url,
      cookieStoreId,
    )) as number;
  } finally {
    await opener.page.close();
  }
}
