/**
 * The one message protocol between the UIs (popup, devtools panel, report page, options) and the
 * background. Both the client's `send` and the server's handlers are typed from `Protocol`, so a
 * payload of the wrong shape does not compile. To add a command, add an entry here: the server's
 * handler map then fails to compile until the background implements it.
 *
 * UIs read the on-disk log directly (Dexie liveQuery); messages are for acting, and for what only the
 * background holds: its health and the private-window log, which is never on disk.
 */
import type { TabView } from '../view/view-model';
import type { CookieChangeEvent, HeaderCaptureMode, HeaderObservation, LogStats, SessionMark, Settings } from '../model/events';
import type { LimitProfileId } from '../model/limits';
import type { Scope, ScopedCookies } from '../model/scope';

/** A request without fields. */
export type Empty = Record<string, never>;

export interface Status {
  /** Extension version (manifest). */
  version: string;
  paused: boolean;
  /** The on-disk writer. */
  log: LogStats;
  /** The in-memory private-window log. */
  privateLog: LogStats & { size: number };
  /** Header recording: the setting, whether the webRequest listeners are attached, and which tabs are watched. */
  headers: { mode: HeaderCaptureMode; listening: boolean; watchedTabs: number[] };
  /** Set-Cookie lines and cookie changes still inside the recorder's correlation window: 0 once a page has settled. */
  correlating: number;
  /** Rows on disk. */
  counts: { changes: number; observations: number };
  /**
   * Unwritten detail shed to keep memory bounded under a flood (Set-Cookie lines, their
   * evaluations, a request's cookie names, correlation links); the records themselves were kept.
   */
  detailDropped: number;
  /** When retention last ran and what it removed. */
  lastPrune?: { time: number; removed: number };
  /** Set when IndexedDB could not be opened: everything is recorded in memory only. */
  storageError?: string;
}

export interface LogFilter {
  tabId?: number;
  /** Registrable domain. */
  domain?: string;
}

export interface Protocol {
  /** Liveness: also wakes a suspended service worker. `ready` is false until the log is open. */
  ping: { request: Empty; response: { ready: boolean; version: string; startedAt: number } };
  getStatus: { request: Empty; response: Status };
  getSettings: { request: Empty; response: Settings };
  /** Validated by the background; answers with the settings now in force. */
  updateSettings: { request: Partial<Settings>; response: Settings };
  setPaused: { request: { paused: boolean }; response: { paused: boolean } };
  /** Deletes recorded events, on disk and in memory; no filter clears everything. */
  clearLog: { request: LogFilter; response: { removed: number } };
  /** Makes everything recorded so far visible to readers (the writer batches; background/index.ts sets its latency). */
  flush: { request: Empty; response: { queued: number } };
  /** Runs retention now instead of waiting for its schedule. */
  prune: { request: Empty; response: { removed: number } };
  /**
   * The cookies of a scope (a tab, a domain, or all) for the report and the panel's inspector,
   * values included. Scoped to cookie stores in the background (background/tab-views/stores.ts):
   * a tab's own store; for the other scopes, private stores only when asked from a private window.
   */
  getScope: {
    request: Scope;
    response: ScopedCookies;
  };
  /**
   * The user marks a login or logout on the site of `tabId` ("I'm logging in now" / "I just logged
   * out"), for apps whose URLs say nothing. The mark becomes part of the log (memory only for a
   * private window). `span` (ms since the epoch) is the moment's known start and end, when a script
   * drove it (the audit command's --login); without it the moment is "now".
   */
  markSession: { request: { tabId: number; kind: 'login' | 'logout'; span?: MarkSpan }; response: SessionMark };
  /** Session marks (disk and private), a site's and every browser start, oldest first. */
  getMarks: { request: { site?: string }; response: SessionMark[] };
  /** Private-window events, which live only in the background's memory. Newest first. */
  getPrivateLog: {
    request: LogFilter & { cookieKey?: string; since?: number; limit?: number };
    response: { changes: CookieChangeEvent[]; observations: HeaderObservation[] };
  };
}

/** A moment's known start and end, ms since the epoch. */
export interface MarkSpan {
  start: number;
  end: number;
}

export type MessageName = keyof Protocol;
export type RequestOf<K extends MessageName> = Protocol[K]['request'];
export type ResponseOf<K extends MessageName> = Protocol[K]['response'];

/** Tags our messages so other listeners' traffic (and stray messages) is told apart. */
export const ENVELOPE_TYPE = 'cookie-monitor';

export interface Envelope<K extends MessageName = MessageName> {
  type: typeof ENVELOPE_TYPE;
  name: K;
  request: RequestOf<K>;
}

/**
 * Answers travel wrapped too: a thrown error crosses the messaging boundary differently in Chrome
 * and Firefox (and the polyfill keeps only its message), an `{ ok: false }` value arrives the same everywhere.
 */
export type Reply<K extends MessageName = MessageName> =
  | { type: typeof ENVELOPE_TYPE; ok: true; response: ResponseOf<K> }
  | { type: typeof ENVELOPE_TYPE; ok: false; error: { name: string; message: string } };

export function isEnvelope(message: unknown): message is Envelope {
  if (typeof message !== 'object' || message === null) return false;
  const m = message as Partial<Envelope>;
  return m.type === ENVELOPE_TYPE && typeof m.name === 'string' && typeof m.request === 'object' && m.request !== null;
}

export function isReply(value: unknown): value is Reply {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Partial<Reply>;
  return r.type === ENVELOPE_TYPE && typeof r.ok === 'boolean';
}

/**
 * Messages on a page's tab port (platform/watch.ts). The page says which view it wants; the
 * background answers with the view (first rows, then the rest when rows were left out) and pushes
 * it again after every change that touches it (background/tab-views/read-model.ts).
 */
export type TabPortRequest = { type: 'view'; profile?: LimitProfileId; firstRows?: number };
export type TabPortPush = { type: 'view'; view: TabView } | { type: 'error'; message: string };
