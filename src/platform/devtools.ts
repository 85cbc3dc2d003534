import { BROWSER, browser } from './browser';

/**
 * Chrome's devtools APIs are called directly on `chrome.devtools`: webextension-polyfill has had
 * trouble wrapping them (mozilla/webextension-polyfill#287, panels.create never resolving), while
 * Firefox implements `browser.devtools` natively.
 */
interface DevtoolsLike {
  inspectedWindow: { tabId: number };
  panels: {
    create(title: string, iconPath: string, pagePath: string, callback?: (panel: unknown) => void): unknown;
    themeName?: string;
  };
}

function devtools(): DevtoolsLike | undefined {
  const g = globalThis as unknown as { chrome?: { devtools?: DevtoolsLike } };
  if (BROWSER === 'chrome') return g.chrome?.devtools;
  return (browser as unknown as { devtools?: DevtoolsLike }).devtools;
}

/** The tab DevTools is inspecting, or undefined outside a DevTools context. */
export function inspectedTabId(): number | undefined {
  try {
    const id = devtools()?.inspectedWindow.tabId;
    return typeof id === 'number' && id >= 0 ? id : undefined;
  } catch {
    return undefined;
  }
}

/** 'dark' | 'default' (light) as DevTools reports its theme; undefined outside DevTools. */
export function devtoolsTheme(): string | undefined {
  try {
    return devtools()?.panels.themeName;
  } catch {
    return undefined;
  }
}

/** Resolves once the browser has created the panel (Chrome: callback; Firefox: promise). */
export function createPanel(title: string, iconPath: string, pagePath: string): Promise<void> {
  const api = devtools();
  if (!api) return Promise.reject(new Error('devtools API unavailable in this context'));
  return new Promise((resolve, reject) => {
    try {
      const ret = api.panels.create(title, iconPath, pagePath, () => resolve());
      if (ret && typeof (ret as Promise<unknown>).then === 'function') {
        (ret as Promise<unknown>).then(() => resolve(), reject);
      }
    } catch (err) {
      reject(err instanceof Error ? err : new Error(String(err)));
    }
  });
}
