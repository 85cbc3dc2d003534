import type { TabPortPush, TabPortRequest } from '../messaging/protocol';
import { browser, type Runtime } from './browser';
import { sessionSlot } from './session-slot';

/**
 * A page of ours looking at a tab holds one runtime port to the background for as long as it is
 * open: `cookie-monitor:watch:<tabId>` for pages that show the tab's live traffic (the DevTools
 * page and panel: the background records that tab's request and response headers while one is
 * connected, see background/capture.ts), `cookie-monitor:view:<tabId>` for pages that only show
 * its cookies (the popup). On either, a page that asks for the tab's view gets it pushed
 * (messaging/protocol.ts `TabPortRequest`).
 *
 * Ports end when the background goes away (a Chromium service worker stopped when idle), so the
 * client reconnects at once, and pings every 20 s: a message on a port keeps a service worker
 * alive (Chrome 114+) while someone is looking at the timeline.
 */
export const WATCH_PORT_PREFIX = 'cookie-monitor:watch:';
export const VIEW_PORT_PREFIX = 'cookie-monitor:view:';
const KEEPALIVE_MS = 20_000;

export interface TabPort {
  /** Asks for the tab's view (again after a reconnect); replaces what was asked before. */
  ask(request: TabPortRequest): void;
  /** Every message the background pushes, until the returned function is called. */
  onPush(listener: (push: TabPortPush) => void): () => void;
  stop(): void;
}

/** Client side: one port to the background about `tabId`, reconnected until `stop`. */
export function openTabPort(tabId: number, opts: { watch: boolean }): TabPort {
  let stopped = false;
  let port: Runtime.Port | undefined;
  let timer: ReturnType<typeof setInterval> | undefined;
  let attempts = 0;
  let asked: TabPortRequest | undefined;
  const listeners: Array<(push: TabPortPush) => void> = [];
  const connect = (): void => {
    if (stopped) return;
    try {
      port = browser.runtime.connect({ name: `${opts.watch ? WATCH_PORT_PREFIX : VIEW_PORT_PREFIX}${tabId}` });
    } catch {
      return; // the extension was reloaded or removed: this page is dead anyway
    }
    port.onMessage.addListener((m: unknown) => {
      for (const l of listeners) l(m as TabPortPush);
    });
    // A background that restarted knows nothing of this page: it is asked again.
    if (asked) port.postMessage(asked);
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
  return {
    ask: (request) => {
      asked = request;
      try {
        port?.postMessage(request);
      } catch {
        /* disconnected: the reconnect asks again */
      }
    },
    onPush: (l) => {
      listeners.push(l);
      return () => {
        const i = listeners.indexOf(l);
        if (i >= 0) listeners.splice(i, 1);
      };
    },
    stop,
  };
}

/** Client side: watches `tabId` until the returned function is called. */
export function keepWatching(tabId: number): () => void {
  return openTabPort(tabId, { watch: true }).stop;
}

export interface WatchPort {
  tabId: number;
  /** False for view-only ports (the popup): they do not turn header recording on. */
  watch: boolean;
  onDisconnect(listener: () => void): void;
  /** Requests for the tab's view ('keepalive' pings are not passed on). */
  onRequest(listener: (request: TabPortRequest) => void): void;
  post(push: TabPortPush): void;
}

/**
 * Background side: calls `listener` for every watch port one of this extension's own pages opens.
 * Ports from anywhere else (content scripts, other extensions, web pages) are disconnected.
 */
export function onWatchConnect(listener: (port: WatchPort) => void): void {
  const ownOrigin = new URL(browser.runtime.getURL('/')).origin;
  browser.runtime.onConnect.addListener((port) => {
    const watch = port.name.startsWith(WATCH_PORT_PREFIX);
    if (!watch && !port.name.startsWith(VIEW_PORT_PREFIX)) return;
    const tabId = Number(port.name.slice((watch ? WATCH_PORT_PREFIX : VIEW_PORT_PREFIX).length));
    const sender = port.sender;
    const senderOrigin = sender?.url ? safeOrigin(sender.url) : undefined;
    if (sender?.id !== browser.runtime.id || senderOrigin !== ownOrigin || !Number.isSafeInteger(tabId) || tabId < 0) {
      port.disconnect();
      return;
    }
    let open = true;
    port.onDisconnect.addListener(() => {
      open = false;
    });
    listener({
      tabId,
      watch,
      onDisconnect: (l) => port.onDisconnect.addListener(() => l()),
      // Keepalive pings need no answer; receiving them is what keeps the worker alive.
      onRequest: (l) =>
        port.onMessage.addListener((m: unknown) => {
          if (isTabPortRequest(m)) l(m);
        }),
      post: (push) => {
        if (!open) return;
        try {
          port.postMessage(push);
        } catch {
          open = false;
        }
      },
    });
  });
}

function isTabPortRequest(m: unknown): m is TabPortRequest {
  if (typeof m !== 'object' || m === null || (m as { type?: unknown }).type !== 'view') return false;
  const { profile, firstRows } = m as { profile?: unknown; firstRows?: unknown };
  return (
    (profile === undefined || typeof profile === 'string') &&
    (firstRows === undefined || (Number.isSafeInteger(firstRows) && (firstRows as number) > 0))
  );
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
