/**
 * Background entry (Chrome service worker / Firefox event page). Every listener is registered
 * synchronously at the top level: a worker woken by an event only delivers it to listeners that
 * exist by the end of the first turn of the script
 * (https://developer.chrome.com/docs/extensions/develop/concepts/service-workers/events).
 * Events that arrive before the database is open wait in the recorder's ordered chain.
 */
import { digester } from '../analysis/digest';
import { rebaseJar } from '../db/clear';
import { DigestKey, describeValue } from '../db/digest';
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
import { sessionSlot } from '../platform/session-slot';
import { getTab } from '../platform/tabs';
import { onWatchConnect, watchedTabsStore } from '../platform/watch';
import { headerListeners, headerValue, setCookieLines } from '../platform/webrequest';
import { HeaderCapture, RESTORE_GRACE_MS } from './recorder/capture';
import { createHandlers, type BackgroundState } from './handlers';
import { SessionMarks } from './recorder/marks';
import { reconcileAtStart } from './recorder/reconcile';
import { serveTabPort } from './tab-views/ports';
import { TabReadModel } from './tab-views/read-model';
import { readModelSources, resolveProfile } from './tab-views/sources';
import { Recorder, type RecorderLogs } from './recorder/recorder';

const db = new CookieLogDB();
let settings: Settings = { ...DEFAULT_SETTINGS };
let ready = false;

const memory = new MemoryLog({ getSettings: () => settings });
/** Why the on-disk log could not be opened, when it could not (reported by getStatus). */
let storageError: string | undefined;
/** Each open popup's and panel's tab, kept current from the jar mirror and pushed to them. */
const tabViews = new TabReadModel(
  readModelSources(
    db,
    memory,
    () => storageError !== undefined,
    (site) => marks.list(site),
  ),
);
// The jar is read at every start (reconciliation compares it with the log): begin now, so that a
// popup that woke the worker does not wait for the read to start.
tabViews.cookies().catch(() => undefined);
const digestKey = DigestKey.open(
  db,
  sessionSlot<string>('digestKey', (raw) => (typeof raw === 'string' ? raw : undefined)),
);
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
onWatchConnect((port) => {
  if (port.watch) port.onDisconnect(capture.watch(port.tabId));
  serveTabPort(port, tabViews, (requested) => resolveProfile(settings.limitProfile, requested));
});

const writer = (async () => {
  settings = await loadSettings(db);
  return LogWriter.open(db, {
    getSettings: () => settings,
    maxLatencyMs: 100,
    // A flood is pruned while it lands, not ten minutes later.
    onGrowth: { everyBytes: 4 * 1024 * 1024, run: () => runRetention() },
  });
})();
/**
 * Without IndexedDB (disabled, corrupted, refused) recording goes on in memory, as for private
 * windows, instead of queueing forever: the UIs say so through getStatus.
 */
const logs: Promise<RecorderLogs> = Promise.all([writer, digestKey]).then(
  ([disk, d]) => {
    digest = (v) => d.digest(v);
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
  observed: (obs) => tabViews.observed(obs),
  recorded: (tabId) => tabViews.logged(tabId),
  currentDigest: async ({ url, name, storeId }) => {
    const cookies = await getAllCookies({ url });
    const match = cookies.find((c) => c.name === name && (storeId === undefined || c.storeId === storeId));
    return match ? (await digestKey).digest(match.value) : undefined;
  },
});

// ── cookie changes: top level, synchronous, always ─────────────────────────────────────────────
onCookieChanged((change) => {
  recorder.cookieChanged(change);
  tabViews.changed({ removed: change.removed, cookie: change.cookie as CookieSnapshot });
});

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
  rotateDigestKey: async () => (await digestKey).rotate(),
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

// Retention: once at start, then every ten minutes while the background lives, and whenever the
// writer has written enough since the last run (onGrowth above).
const runRetention = async (): Promise<void> => {
  const removed = await prune(db, settings, Date.now());
  state.lastPrune = { time: Date.now(), removed };
};
setInterval(() => void runRetention().catch(() => undefined), 10 * 60_000);

/** Records what changed while the background was not running (see reconcile.ts). */
const reconcileStart = (): Promise<void> =>
  recorder.exclusive(async (l) => {
    await l.disk.flush();
    // The read model's jar: read once per worker, shared.
    const [known, cookies, key] = await Promise.all([currentJar(db), tabViews.cookies(), digestKey]);
    const changes = reconcileAtStart({
      paused: settings.paused,
      known,
      cookies,
      isPrivateStore,
      // A key made at this start cannot compare values with the jar's digests (made with the last one).
      rekeyed: key.fresh,
      describe: (v) => describeValue(key.digest, v),
      now: Date.now(),
    });
    for (const change of changes.changes) l.disk.addChange(change);
    if (key.fresh && !settings.paused) {
      await l.disk.flush();
      await rebaseJar(db, changes.current);
    }
  });

// Header capture settles once settings are loaded and the last background's watched tabs are
// known; events that arrived before wait in the recorder and are judged then.
void Promise.all([writer.catch(() => undefined), watchedTabsStore.load()]).then(([, tabs]) => {
  capture.start(tabs);
  setTimeout(() => capture.update(), RESTORE_GRACE_MS + 100);
});

void logs.then(async () => {
  if (storageError === undefined) {
    await reconcileStart().catch((err: unknown) => console.error('Cookie Monitor: reconciliation failed', err));
    void runRetention().catch(() => undefined);
  }
  ready = true;
});
