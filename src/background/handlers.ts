/** The background's answers to the typed protocol (src/messaging/protocol.ts). */
import { prune } from '../db/retention';
import type { CookieLogDB } from '../db/schema';
import { saveSettings } from '../db/settings';
import type { LogWriter } from '../db/writer';
import type { MemoryLog } from '../db/memory-log';
import type { Handlers } from '../messaging/server';
import type { Settings } from '../model/events';
import type { HeaderCapture } from './capture';
import type { SessionMarks } from './marks';
import type { Recorder } from './recorder';
import { answer, resolveProfile } from './tab-view';
import type { TabViewCache } from './tab-view-cache';

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
  /** The popup's tab views, kept warm (tab-view-cache.ts). */
  tabViews: TabViewCache;
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
        ...(s.lastPrune ? { lastPrune: s.lastPrune } : {}),
      };
      if (storageError !== undefined) {
        return { ...base, storageError, log: s.memory.stats(), counts: { changes: 0, observations: 0 } };
      }
      const writer = await s.writer;
      const [changes, observations] = await Promise.all([s.db.changes.count(), s.db.observations.count()]);
      return { ...base, log: writer.stats(), counts: { changes, observations } };
    },
    getSettings: async () => s.settings(),
    updateSettings: async (patch) => {
      const next = await saveSettings(s.db, patch);
      s.setSettings(next);
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
      if (filter.tabId === undefined) await s.marks.clear(filter.domain);
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
    markSession: async ({ tabId, kind }) => {
      if (kind !== 'login' && kind !== 'logout') throw new Error(`Unknown mark "${String(kind)}".`);
      return s.marks.mark(tabId, kind);
    },
    getMarks: async ({ site }) => s.marks.list(typeof site === 'string' ? site : undefined),
    getTabView: async ({ tabId, profile, firstRows, fresh }) =>
      answer(await s.tabViews.get(tabId, resolveProfile(s.settings().limitProfile, profile), { fresh: fresh === true }), firstRows),
  };
}
