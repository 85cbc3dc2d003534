import { browser } from './browser';

/**
 * Host access is what lets the extension see cookies and headers at all. Chrome grants the
 * manifest's `host_permissions` at install; Firefox MV3 lets the user withhold them (and, before
 * Firefox 127, withheld them by default), in which case no cookies.onChanged or webRequest event
 * ever arrives. Pages check this and show a "grant access" prompt instead of an empty log.
 * https://extensionworkshop.com/documentation/develop/manifest-v3-migration-guide/
 */
/** Only http(s): cookies and the headers we read exist on no other scheme (manifest `host_permissions`). */
export const ALL_SITES: { origins: string[] } = { origins: ['http://*/*', 'https://*/*'] };

export async function hasHostAccess(): Promise<boolean> {
  try {
    return await browser.permissions.contains(ALL_SITES);
  } catch {
    return false;
  }
}

/** Must be called from a user gesture (a click handler), or the browser refuses. */
export async function requestHostAccess(): Promise<boolean> {
  try {
    return await browser.permissions.request(ALL_SITES);
  } catch {
    return false;
  }
}

export function onHostAccessChanged(listener: () => void): () => void {
  const handler = (): void => listener();
  browser.permissions.onAdded.addListener(handler);
  browser.permissions.onRemoved.addListener(handler);
  return () => {
    browser.permissions.onAdded.removeListener(handler);
    browser.permissions.onRemoved.removeListener(handler);
  };
}
