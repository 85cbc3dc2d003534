/** The background's answers to the typed protocol (src/messaging/protocol.ts). */
import { purgeValues } from '../db/clear';
import { prune } from '../db/retention';
import type { CookieLogDB } from '../db/schema';
import { saveSettings } from '../db/settings';
import type { LogWriter } from '../db/writer';
import type { MemoryLog } from '../db/memory-log';
import type { Handlers } from '../messaging/server';
import type { Settings } from '../model/events';
import type { HeaderCapture } from './recorder/capture';
import type { Recorder } from './recorder/recorder';
import { isPrivateStore } from '../platform/cookies';
import type { TabReadModel } from './tab-views/read-model';
import type { SessionMarks } from './recorder/marks';

export interface BackgroundState {
  version: string;
  /** When this background instance started (a new worker has a new value). */
  startedAt: number;
  db: CookieLogDB;
  ready: () => boolean;
  /** Set when the on-disk log could not be opened and recording is in memory only. */
  storageError: () => string | undefined;
  writer: Promise<LogWriter>;
  memory: MemoryLog;
  recorder: Recorder;
  settings: () => Settings;
  setSettings: (s: Settings) => void;
  capture: HeaderCapture;
  lastPrune?: { time: number; removed: number };
  /** The per-tab read model (tab-views/read-model.ts). */
  tabViews: TabReadModel;
  /** A new digest key (after the whole log was cleared). */
  rotateDigestKey?: () => Promise<void>;
  /** Login/logout marks and browser starts (marks.ts). */
  marks: SessionMarks;
}

export function createHandlers(s: BackgroundState): Handlers {
  return {
    ping: async () => ({ ready: s.ready(), version: s.version, startedAt: s.startedAt }),
    getStatus: async () => {
      const storageError = s.storageError();
      const base = {
        version: s.version,
        paused: s.settings().paused,
        privateLog: { ...s.memory.stats(), size: s.memory.size },
        headers: {
          mode: s.settings().headerCapture,
          listening: s.capture.listening(),
          watchedTabs: s.capture.watchedTabs(),
        },
        correlating: s.recorder.pending(),
        ...(s.lastPrune ? { lastPrune: s.lastPrune } : {}),
      };
      if (storageError !== undefined) {
        return {
          ...base,
          storageError,
          log: s.memory.stats(),
          counts: { changes: 0, observations: 0 },
          detailDropped: s.recorder.detailDropped,
        };
      }
      const writer = await s.writer;
      const [changes, observations] = await Promise.all([s.db.changes.count(), s.db.observations.count()]);
      const log = writer.stats();
      return { ...base, log, counts: { changes, observations }, detailDropped: s.recorder.detailDropped + (log.detailDropped ?? 0) };
    },
    getSettings: async () => s.settings(),
    updateSettings: async (patch) => {
      const before = s.settings();
      const next = await saveSettings(s.db, patch);
      s.setSettings(next);
      // Turning values off removes those already kept, not only later ones.
      if (before.recordValues && !next.recordValues) {
        await s.recorder.flush();
        s.memory.purgeValues();
        await purgeValues(s.db);
      }
      return next;
    },
    setPaused: async ({ paused }) => {
      const next = await saveSettings(s.db, { paused: paused === true });
      s.setSettings(next);
      return { paused: next.paused };
    },
    clearLog: async (filter) => {
      await s.recorder.idle();
      const writer = await s.writer;
      const removed = (await writer.clear(filter)) + s.memory.clear(filter);
      if (filter?.tabId === undefined) await s.marks.clear(filter?.domain);
      // Clearing everything forgets the digest key too: nothing kept can be compared with what follows.
      if (filter?.tabId === undefined && filter?.domain === undefined) await s.rotateDigestKey?.();
      return { removed };
    },
    flush: async () => {
      await s.recorder.flush();
      const writer = await s.writer;
      return { queued: writer.stats().queued };
    },
    prune: async () => {
      await s.recorder.flush();
      const removed = await prune(s.db, s.settings(), Date.now());
      s.lastPrune = { time: Date.now(), removed };
      return { removed };
    },
    getPrivateLog: async (q) => s.memory.query(q),
    getScope: async (scope, sender) => {
      // A page in a private window may see private stores; any other page never does.
      const fromPrivate =
        sender.tab?.incognito === true || (sender.tab?.cookieStoreId !== undefined && isPrivateStore(sender.tab.cookieStoreId));
      return s.tabViews.scoped(scope, fromPrivate ? { kind: 'every' } : { kind: 'all-but-private' });
    },
    markSession: async ({ tabId, kind, span }) => {
      if (kind !== 'login' && kind !== 'logout') throw new Error(`Unknown mark "${String(kind)}".`);
      const mark = await s.marks.mark(tabId, kind, span);
      s.tabViews.logged(tabId);
      return mark;
    },
    getMarks: async ({ site }) => s.marks.list(typeof site === 'string' ? site : undefined),
  };
}
