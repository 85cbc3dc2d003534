/**
 * The recorded data model: what the background logs about cookie changes and cookie-bearing
 * headers, the user's recording settings, and the identity string that ties a cookie's history
 * together. Imports nothing (see DESIGN.md, "What we record").
 *
 * Sizes are UTF-8 octets, because the limits they are compared with are (RFC 6265bis §5.6).
 * Values are never stored unless `Settings.recordValues` is on; a short keyed digest
 * (`valueDigest`) makes changes and rotations visible without keeping the secret.
 */

/** `cookies.onChanged` causes, as both Chrome and Firefox name them. */
export type ChangeCause = 'explicit' | 'overwrite' | 'expired' | 'expired_overwrite' | 'evicted';

export type SameSite = 'no_restriction' | 'lax' | 'strict' | 'unspecified';

/** Who wrote the cookie: a `Set-Cookie` header, a script (document.cookie / cookieStore / extension), or unknown. */
export type ChangeSource = 'http' | 'script' | 'unknown';

export interface CookieChangeEvent {
  /** Assigned by the log when the event is enqueued; unique across both log tables. */
  id: number;
  /** ms since the epoch. */
  time: number;
  storeId: string;
  incognito: boolean;
  cause: ChangeCause;
  removed: boolean;
  name: string;
  domain: string;
  hostOnly: boolean;
  path: string;
  secure: boolean;
  httpOnly: boolean;
  sameSite: SameSite;
  session: boolean;
  /** Seconds since the epoch, as the cookies API reports it; absent for session cookies. */
  expirationDate?: number;
  /** CHIPS partition as a stable string (see `partitionKeyString`). */
  partitionKey?: string;
  /** Firefox first-party isolation key. */
  firstPartyDomain?: string;
  /** Registrable domain (eTLD+1) of `domain`. */
  registrableDomain: string;
  /** See `cookieKey`. */
  cookieKey: string;
  valueLength: number;
  valueDigest: string;
  /** Only when the user enabled value recording. */
  value?: string;
  /** The header observation whose `Set-Cookie` caused this change, once correlated. */
  linkedObservationId?: number;
  source: ChangeSource;
  /**
   * Not seen live: found when the background started, by comparing the browser's cookies with
   * the last state the log holds (the change happened while the background was stopped).
   */
  reconciled?: boolean;
}

/**
 * What became of a `Set-Cookie` line: `pending` until correlated; `stored` (new cookie),
 * `updated` (replaced one), `deleted` (an expiry in the past removed one); `unchanged` when the
 * browser kept an identical cookie or had nothing to delete (Firefox fires no change then);
 * `rejected` when the browser did not store it (`reason` says why, predicted or observed).
 */
export type SetCookieOutcome = 'pending' | 'stored' | 'updated' | 'deleted' | 'unchanged' | 'rejected';

export interface SetCookieRecord {
  /** The raw line; its value is replaced by "" unless values are recorded. */
  line: string;
  name: string;
  valueLength: number;
  valueDigest: string;
  outcome: SetCookieOutcome;
  /** Why it was rejected (predicted or reported by the browser). */
  reason?: string;
  changeEventId?: number;
  warnings?: string[];
}

export type ObservationKind = 'response' | 'request';

export interface HeaderObservation {
  /** Assigned by the log when the observation is enqueued; unique across both log tables. */
  id: number;
  time: number;
  kind: ObservationKind;
  tabId: number;
  frameId: number;
  requestId: string;
  url: string;
  method: string;
  resourceType: string;
  initiator?: string;
  /** Registrable domain of the tab's top-level document. */
  topLevelSite?: string;
  /** Responses only. */
  statusCode?: number;
  scheme: string;
  /** Registrable domain of `url`. */
  registrableDomain: string;
  /** Responses: one entry per `Set-Cookie` line, in header order (the first MAX_SET_COOKIE_LINES). */
  setCookies?: SetCookieRecord[];
  /** Responses: how many further `Set-Cookie` lines were not recorded (see MAX_SET_COOKIE_LINES). */
  setCookiesOmitted?: number;
  /** Requests: the names sent in `Cookie`, in header order. */
  cookieNames?: string[];
  /**
   * Requests: present when an `Authorization` header was sent. The scheme only, never credentials;
   * '' when the header had none (a bare API key).
   */
  authorization?: { scheme: string };
}

/** A record as the background hands it to the log, before the log assigns its id. */
export type NewCookieChange = Omit<CookieChangeEvent, 'id'>;
export type NewHeaderObservation = Omit<HeaderObservation, 'id'>;

/** Fields a later correlation may fill in on a recorded `Set-Cookie` line. */
export type SetCookiePatch = Partial<Pick<SetCookieRecord, 'outcome' | 'reason' | 'changeEventId' | 'warnings'>>;
/** Fields a later correlation may fill in on a recorded change. */
export type ChangePatch = Partial<Pick<CookieChangeEvent, 'linkedObservationId' | 'source'>>;

export type LimitProfile = 'auto' | 'rfc2109' | 'rfc6265' | 'chromium' | 'firefox';

/**
 * Whose request/response headers are recorded: `inspected` — tabs open in DevTools or in the
 * Cookies panel, while they are (the default: no cost on other browsing); `all` — every tab, always.
 * Cookie changes are recorded in every case.
 */
export type HeaderCaptureMode = 'inspected' | 'all';

export interface Settings {
  recordValues: boolean;
  headerCapture: HeaderCaptureMode;
  /** Upper bound on changes + observations kept on disk. */
  retentionMaxEvents: number;
  retentionMaxAgeDays: number;
  /** Upper bound on the log's approximate size on disk, in bytes. */
  retentionMaxBytes: number;
  paused: boolean;
  limitProfile: LimitProfile;
}

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  recordValues: false,
  headerCapture: 'inspected',
  retentionMaxEvents: 100_000,
  retentionMaxAgeDays: 7,
  retentionMaxBytes: 64 * 1024 * 1024,
  paused: false,
  limitProfile: 'auto',
});

/** Health of a log (the on-disk writer or the in-memory private log), for status displays. */
export interface LogStats {
  /** Operations accepted but not yet durable. */
  queued: number;
  /** Records written (on disk, or kept in memory). */
  written: number;
  /** Records lost after every retry failed. */
  dropped: number;
  /** Oldest records removed to make room (quota pressure, or the in-memory cap). */
  evicted: number;
  /**
   * Unwritten detail shed to keep the queue within its bound (Set-Cookie lines, their evaluations,
   * a request's cookie names); the records themselves were kept.
   */
  detailDropped?: number;
  /** What the queue holds now, in the units of its bound (one per record or patch plus one per line or name). */
  queuedWeight?: number;
  lastError?: { name: string; message: string; time: number };
}

/** The parts of a cookie that make it one cookie to the browser (RFC 6265bis §5.7 step 22, plus store and partition). */
export interface CookieIdentity {
  name: string;
  domain: string;
  path: string;
  storeId: string;
  partitionKey?: string;
  firstPartyDomain?: string;
}

// '|' separates the parts; '%' and '|' inside a part are percent-encoded so the string can be split
// back unambiguously (cookie names and paths may contain '|').
const escapePart = (s: string): string => s.replace(/%/g, '%25').replace(/\|/g, '%7C');
const unescapePart = (s: string): string => s.replace(/%7C/g, '|').replace(/%25/g, '%');

function partitionPart(c: Pick<CookieIdentity, 'partitionKey' | 'firstPartyDomain'>): string {
  const parts: string[] = [];
  if (c.partitionKey) parts.push(c.partitionKey);
  if (c.firstPartyDomain) parts.push(`fpd=${c.firstPartyDomain}`);
  return parts.join(' ');
}

/** Stable identity string: `name|domain|path|partition|store`. */
export function cookieKey(c: CookieIdentity): string {
  return [c.name, c.domain, c.path, partitionPart(c), c.storeId].map(escapePart).join('|');
}

/** The name, domain, path, partition and store encoded by `cookieKey`, or undefined if malformed. */
export function parseCookieKey(
  key: string,
): { name: string; domain: string; path: string; partition: string; storeId: string } | undefined {
  const parts = key.split('|');
  if (parts.length !== 5) return undefined;
  const [name, domain, path, partition, storeId] = parts.map(unescapePart) as [string, string, string, string, string];
  return { name, domain, path, partition, storeId };
}

/**
 * A CHIPS partition key (Chrome `{ topLevelSite, hasCrossSiteAncestor? }`, Firefox `{ topLevelSite }`)
 * as one stable string, so it can be indexed and compared.
 */
export function partitionKeyString(pk: { topLevelSite?: string; hasCrossSiteAncestor?: boolean } | undefined): string | undefined {
  if (!pk?.topLevelSite) return undefined;
  return pk.hasCrossSiteAncestor ? `${pk.topLevelSite} cross-site` : pk.topLevelSite;
}

/**
 * A moment the user or the browser marks in the log: "I'm logging in now" / "I just logged out"
 * (for apps whose URLs say nothing), and a browser start (so session restore can be told apart).
 */
export type SessionMarkKind = 'login' | 'logout' | 'startup';

export interface SessionMark {
  /** Assigned by the log. */
  id: number;
  /** When the moment began (a hand mark: when the user clicked). */
  time: number;
  /**
   * When the moment ended, for a moment whose span is known (an audit's --login script): its
   * cookie changes are those between `time` and `until`. A hand mark has none: the changes of a
   * short window after it count.
   */
  until?: number;
  kind: SessionMarkKind;
  /** Registrable domain of the tab's page when the user marked it; absent for `startup`. */
  site?: string;
  tabId?: number;
}

export type NewSessionMark = Omit<SessionMark, 'id'>;
