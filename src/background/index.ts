/**
 * Background entry (Chrome service worker / Firefox event page). Every listener is registered
 * synchronously at the top level: a worker woken by an event only delivers it to listeners that
 * exist by the end of the first turn of the script
 * (https://developer.chrome.com/docs/extensions/develop/concepts/service-workers/events).
 * Events that arrive before the database is open wait in the recorder's ordered chain.
 */
import { digester } from '../analysis/digest';
import { describeValue, loadOrCreateDigester } from '../db/digest';
import { MemoryLog } from '../db/memory-log';
import { prune } from '../db/retention';
import { CookieLogDB, currentJar } from '../db/schema';
import { loadSettings } from '../db/settings';
import { LogWriter } from '../db/writer';
import { createServer } from '../messaging/server';
import type { CookieSnapshot } from '../model/cookie';
import { DEFAULT_SETTINGS, type Settings } from '../model/events';
import { BROWSER, browser, EXTENSION_VERSION } from '../platform/browser';
import { getAllCookies, isPrivateStore, onCookieChanged } from '../platform/cookies';
import { onBrowserStartup, onSuspend } from '../platform/lifecycle';
import { getTab } from '../platform/tabs';
import { onWatchConnect, watchedTabsStore } from '../platform/watch';
import { headerListeners, headerValue, setCookieLines } from '../platform/webrequest';
import { HeaderCapture, RESTORE_GRACE_MS } from './capture';
import { buildChange } from './changes';
import { createHandlers, type BackgroundState } from './handlers';
import { SessionMarks } from './marks';
import { reconcile } from './reconcile';
import { popupSnapshotStore, resolveProfile, tabViewSources } from './tab-view';
import { TabViewCache } from './tab-view-cache';
import { Recorder, type RecorderLogs } from './recorder';

const db = new CookieLogDB();
let settings: Settings = { ...DEFAULT_SETTINGS };
let ready = false;

const memory = new MemoryLog({ getSettings: () => settings });
const digestKey = loadOrCreateDigester(db);
/** Set once the key is loaded; events before that wait in the recorder's chain (logs promise). */
let digest: ((value: string) => string) | undefined;
// ── header listeners: registered now, synchronously (a worker woken by a request gets it); once
// settings are loaded they stay only while some tab's headers are to be recorded (capture.ts).
const capture: HeaderCapture = new HeaderCapture({
  listeners: headerListeners(
    (d) => {
      if (capture.settled && !capture.covers(d.tabId)) return;
      recorder.responseReceived(d, setCookieLines(d.responseHeaders));
    },
    (d) => {
      if (capture.settled && !capture.covers(d.tabId)) return;
      recorder.requestSent(d, headerValue(d.requestHeaders, 'cookie'), headerValue(d.requestHeaders, 'authorization'));
    },
  ),
  mode: () => settings.headerCapture,
  save: (tabs) => void watchedTabsStore.save(tabs),
  now: () => Date.now(),
});
onWatchConnect((port) => port.onDisconnect(capture.watch(port.tabId)));

const writer = (async () => {
  settings = await loadSettings(db);
  return LogWriter.open(db, { getSettings: () => settings, maxLatencyMs: 100 });
})();
/** Why the on-disk log could not be opened, when it could not (reported by getStatus). */
let storageError: string | undefined;
/**
 * Without IndexedDB (disabled, corrupted, refused) recording goes on in memory, as for private
 * windows, instead of queueing forever: the UIs say so through getStatus.
 */
const logs: Promise<RecorderLogs> = Promise.all([writer, digestKey]).then(
  ([disk, d]) => {
    digest = d;
    return { disk, memory };
  },
  (err: unknown) => {
    storageError = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
    console.error('Cookie Monitor could not open its log; recording in memory only', err);
    digest = digester(crypto.getRandomValues(new Uint8Array(32)));
    return { disk: memory, memory };
  },
);

const describe = (value: string) => {
  // The recorder applies events only once `logs` resolved, i.e. after the key is loaded.
  if (!digest) throw new Error('digest key not loaded');
  return describeValue(digest, value);
};

const recorder = new Recorder({
  logs,
  describe,
  settings: () => settings,
  now: () => Date.now(),
  tab: async (tabId) => {
    const tab = await getTab(tabId);
    return { url: tab?.url, incognito: tab?.incognito };
  },
  isPrivateStore,
  engine: BROWSER === 'firefox' ? 'firefox' : 'chromium',
  captures: (tabId) => capture.covers(tabId),
  currentDigest: async ({ url, name, storeId }) => {
    const cookies = await getAllCookies({ url });
    const match = cookies.find((c) => c.name === name && (storeId === undefined || c.storeId === storeId));
    return match ? (await digestKey)(match.value) : undefined;
  },
});

/** The popup's tab views, answered from memory while current and recomputed after changes. */
const tabViews = new TabViewCache(tabViewSources(db, memory, () => storageError !== undefined), {
  defaultProfile: () => resolveProfile(settings.limitProfile),
  canWarm: () => ready,
  snapshots: popupSnapshotStore(),
});

// The jar is read at every start (reconciliation compares it with the log): begin now, so that a
// popup that woke the worker does not wait for the read to start.
tabViews.cookies().catch(() => undefined);

// ── cookie changes: top level, synchronous, always ─────────────────────────────────────────────
onCookieChanged((change) => recorder.cookieChanged(change));
onCookieChanged((change) => tabViews.cookiesChanged({ removed: change.removed, cookie: change.cookie as CookieSnapshot }));

const marks = new SessionMarks({
  db,
  diskUsable: () => storageError === undefined,
  tab: async (tabId) => {
    const tab = await getTab(tabId);
    return { url: tab?.url, incognito: tab?.incognito };
  },
  now: () => Date.now(),
});
// Registered at top level: the event fires once, while the background first runs.
onBrowserStartup(() => {
  void logs.then(() => marks.startup()).catch((err: unknown) => console.error('Cookie Monitor: startup mark failed', err));
});

const state: BackgroundState = {
  version: EXTENSION_VERSION,
  startedAt: Date.now(),
  db,
  ready: () => ready,
  writer,
  memory,
  recorder,
  storageError: () => storageError,
  settings: () => settings,
  setSettings: (s) => {
    settings = s;
    capture.update();
  },
  capture,
  tabViews,
  marks,
};
createServer(browser.runtime, createHandlers(state), {
  extensionId: browser.runtime.id,
  extensionOrigin: browser.runtime.getURL(''),
});

// Firefox announces an event page's unload; Chromium may kill a worker without notice, which is
// why the writer's latency is bounded instead of relying on this.
onSuspend(() => {
  void recorder.flush();
});

// Correlation windows close on a timer while anything waits.
setInterval(() => {
  if (recorder.pending() > 0) void recorder.expire();
}, 250);

// Retention: once at start, then every ten minutes while the background lives.
const runRetention = async (): Promise<void> => {
  const removed = await prune(db, settings, Date.now());
  state.lastPrune = { time: Date.now(), removed };
};
setInterval(() => void runRetention().catch(() => undefined), 10 * 60_000);

/** Records what changed while the background was not running (see reconcile.ts). */
const reconcileAtStart = (): Promise<void> =>
  recorder.exclusive(async (l) => {
    await l.disk.flush();
    const now = Date.now();
    // The jar the popup's views use: read once per worker, so a popup that woke it paid for it.
    const [known, cookies, key] = await Promise.all([currentJar(db), tabViews.cookies(), digestKey]);
    const current = await Promise.all(
      cookies
        .filter((c) => !isPrivateStore(c.storeId))
        .map(async (c) =>
          buildChange({ removed: false, cause: 'explicit', cookie: c }, { time: now, incognito: false, ...describeValue(key, c.value) }),
        ),
    );
    for (const change of reconcile(known, current, now)) l.disk.addChange(change);
  });

// Header capture settles once settings are loaded and the last background's watched tabs are
// known; events that arrived before wait in the recorder and are judged then.
void Promise.all([writer.catch(() => undefined), watchedTabsStore.load()]).then(([, tabs]) => {
  capture.start(tabs);
  setTimeout(() => capture.update(), RESTORE_GRACE_MS + 100);
});

void logs.then(async () => {
  if (storageError === undefined) {
    // A popup that woke the worker is answered first: reconciling a big jar takes a few hundred ms
    // of this thread, and events arriving meanwhile wait in the recorder's chain either way.
    await tabViews.settled();
    await reconcileAtStart().catch((err: unknown) => console.error('Cookie Monitor: reconciliation failed', err));
    void runRetention().catch(() => undefined);
  }
  ready = true;
  void tabViews.warmRecent();
});
