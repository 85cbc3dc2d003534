import { browser, type Runtime } from './browser';
import { sessionSlot } from './session-slot';

/**
 * "Watching" a tab: a page of ours that shows a tab's live traffic (the DevTools page and panel)
 * holds a runtime port named `cookie-monitor:watch:<tabId>` open for as long as it is open. The
 * background records that tab's request and response headers while at least one such port is
 * connected (see background/capture.ts).
 *
 * Ports end when the background goes away (a Chromium service worker stopped when idle), so the
 * client reconnects at once, and pings every 20 s: a message on a port keeps a service worker
 * alive (Chrome 114+) while someone is looking at the timeline.
 */
export const WATCH_PORT_PREFIX = 'cookie-monitor:watch:';
const KEEPALIVE_MS = 20_000;

/** Client side: watches `tabId` until the returned function is called. */
export function keepWatching(tabId: number): () => void {
  let stopped = false;
  let port: Runtime.Port | undefined;
  let timer: ReturnType<typeof setInterval> | undefined;
  let attempts = 0;
  const connect = (): void => {
    if (stopped) return;
    try {
      port = browser.runtime.connect({ name: `${WATCH_PORT_PREFIX}${tabId}` });
    } catch {
      return; // the extension was reloaded or removed: this page is dead anyway
    }
    port.onDisconnect.addListener(() => {
      port = undefined;
      // Reconnect after a background restart; give up on a context that keeps refusing.
      if (!stopped && attempts++ < 50) setTimeout(connect, 0);
    });
  };
  connect();
  timer = setInterval(() => {
    attempts = 0;
    try {
      port?.postMessage('keepalive');
    } catch {
      /* disconnected: onDisconnect reconnects */
    }
  }, KEEPALIVE_MS);
  const stop = (): void => {
    stopped = true;
    if (timer !== undefined) clearInterval(timer);
    timer = undefined;
    port?.disconnect();
  };
  addEventListener('pagehide', stop, { once: true });
  return stop;
}

export interface WatchPort {
  tabId: number;
  onDisconnect(listener: () => void): void;
}

/**
 * Background side: calls `listener` for every watch port one of this extension's own pages opens.
 * Ports from anywhere else (content scripts, other extensions, web pages) are disconnected.
 */
export function onWatchConnect(listener: (port: WatchPort) => void): void {
  const ownOrigin = new URL(browser.runtime.getURL('/')).origin;
  browser.runtime.onConnect.addListener((port) => {
    if (!port.name.startsWith(WATCH_PORT_PREFIX)) return;
    const tabId = Number(port.name.slice(WATCH_PORT_PREFIX.length));
    const sender = port.sender;
    const senderOrigin = sender?.url ? safeOrigin(sender.url) : undefined;
    if (sender?.id !== browser.runtime.id || senderOrigin !== ownOrigin || !Number.isSafeInteger(tabId) || tabId < 0) {
      port.disconnect();
      return;
    }
    // Keepalive pings need no answer; receiving them is what keeps the worker alive.
    port.onMessage.addListener(() => undefined);
    listener({ tabId, onDisconnect: (l) => port.onDisconnect.addListener(() => l()) });
  });
}

function safeOrigin(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

/**
 * The watched tabs, kept in `storage.session` so a background that restarts knows them before the
 * pages reconnect.
 */
const watchedTabsSlot = sessionSlot<number[]>('watchedTabs', (v) =>
  Array.isArray(v) ? v.filter((x): x is number => Number.isSafeInteger(x)) : undefined,
);

export const watchedTabsStore = {
  load: async (): Promise<number[]> => (await watchedTabsSlot.load()) ?? [],
  save: (tabs: number[]): Promise<void> => watchedTabsSlot.save(tabs),
};
