/**
 * The popup's snapshots: the view of a tab as a popup's first answer would carry it, kept by the
 * background in `storage.session` (memory only), one key per tab, for the few tabs it computed a
 * view of last (the tabs popups asked about and the active tab after its cookies changed). A
 * popup paints its tab's at once — without waiting for a stopped service worker to start and
 * compute — and replaces it with the background's answer moments later.
 *
 * A snapshot is kept only while it is known to be current: the background drops it when a cookie
 * of one of the sites in its scope changes (the index says which sites each covers) and writes it
 * again when it recomputes the view; the popup uses it only for the same tab on the same host, and
 * not past the first expiry among the view's cookies. Cookie values are not in it. Imports types
 * only from the analysis (the popup bundle must not pull the analysis in).
 */
import type { TabView } from './view-model';
import { firstRows } from './view-wire';

/** The storage.session key of one tab's snapshot. */
export function snapshotKey(tabId: number): string {
  return `popupSnapshot:${tabId}`;
}

/** The storage.session key of the index: which tabs have a snapshot, of which sites. */
export const SNAPSHOT_INDEX_KEY = 'popupSnapshots';

export interface SnapshotIndexEntry {
  tabId: number;
  /** The registrable domains in the view's scope: a cookie change in one of them drops it. */
  domains: string[];
  /** When a popup last asked about the tab (0: never; the snapshot was made by warming). */
  askedAt: number;
}

export interface PopupSnapshot {
  tabId: number;
  /** The tab's URL when the view was computed: a navigation makes the snapshot moot. */
  url: string | undefined;
  /** When a popup last asked about this tab: a restarted background keeps it warm from then. */
  askedAt: number;
  /** The first expiry among the view's cookies (ms), or null: after it the view is not current. */
  validUntil: number | null;
  tab: TabView;
}

/** The snapshot of a whole view: its first rows, values withheld. */
export function popupSnapshot(args: { tabId: number; askedAt: number; tab: TabView; rows: number }): PopupSnapshot {
  const { tab } = args;
  let validUntil: number | null = null;
  for (const r of tab.view.rows) if (r.expires !== null && (validUntil === null || r.expires < validUntil)) validUntil = r.expires;
  const first = firstRows(tab.view, args.rows);
  const rows = first.view.rows.map((r) => ({ ...r, cookie: { ...r.cookie, value: '' } }));
  return {
    tabId: args.tabId,
    url: tab.topLevelUrl,
    askedAt: args.askedAt,
    validUntil,
    tab: { ...tab, view: { ...first.view, rows }, complete: first.complete, valuesWithheld: true },
  };
}

/**
 * A snapshot as stored: one JSON string. A big profile's snapshot is ~120 KB of nested objects,
 * which storage.session takes ~40 ms to hand over as values (converted in and out of the browser
 * process) and ~1 ms as a string.
 */
export function encodePopupSnapshot(s: PopupSnapshot): string {
  return JSON.stringify(s);
}

/** A stored snapshot, checked for shape (storage may hold anything an older version left). */
export function parsePopupSnapshot(raw: unknown): PopupSnapshot | undefined {
  if (typeof raw !== 'string') return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null) return undefined;
  const s = parsed as Partial<PopupSnapshot>;
  const tab = s.tab as Partial<TabView> | undefined;
  const ok =
    Number.isSafeInteger(s.tabId) &&
    typeof s.askedAt === 'number' &&
    (s.validUntil === null || typeof s.validUntil === 'number') &&
    (s.url === undefined || typeof s.url === 'string') &&
    typeof tab === 'object' &&
    tab !== null &&
    tab.valuesWithheld === true &&
    typeof tab.view === 'object' &&
    tab.view !== null &&
    Array.isArray(tab.view.rows) &&
    Array.isArray(tab.view.findings) &&
    typeof tab.view.counts === 'object' &&
    typeof tab.view.usage === 'object';
  return ok ? (s as PopupSnapshot) : undefined;
}

/**
 * Whether a popup for `tabId` at `url` may paint this snapshot at `now`. A navigation within the
 * same host keeps it: the view depends on the page only through its site (which cookies are in
 * scope and which are third-party), and the background's answer follows moments later anyway.
 */
export function snapshotUsable(s: PopupSnapshot, tabId: number, url: string | undefined, now: number): boolean {
  return s.tabId === tabId && sameHost(s.url, url) && (s.validUntil === null || now < s.validUntil);
}

function sameHost(a: string | undefined, b: string | undefined): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined) return false;
  try {
    const [x, y] = [new URL(a), new URL(b)];
    return /^https?:$/.test(x.protocol) && /^https?:$/.test(y.protocol) && x.hostname === y.hostname;
  } catch {
    return false;
  }
}

/** The index as stored (one JSON string, as snapshots are). */
export function encodeSnapshotIndex(entries: readonly SnapshotIndexEntry[]): string {
  return JSON.stringify(entries);
}

/** The stored index, entries of the wrong shape left out; anything else reads as empty. */
export function parseSnapshotIndex(raw: unknown): SnapshotIndexEntry[] {
  if (typeof raw !== 'string') return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return [];
  }
  if (!Array.isArray(parsed)) return [];
  return parsed.filter(
    (e: Partial<SnapshotIndexEntry> | null): e is SnapshotIndexEntry =>
      typeof e === 'object' &&
      e !== null &&
      Number.isSafeInteger(e.tabId) &&
      typeof e.askedAt === 'number' &&
      Array.isArray(e.domains) &&
      e.domains.every((d) => typeof d === 'string'),
  );
}
