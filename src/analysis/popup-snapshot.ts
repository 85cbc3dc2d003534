/**
 * The popup's snapshot: the view of the tab a popup asked about last, as its first answer would
 * carry it, kept by the background in `storage.session` (memory only) for the next popup on that
 * tab. A popup paints it at once — without waiting for a stopped service worker to start and
 * compute — and replaces it with the background's answer moments later.
 *
 * A snapshot is kept only while it is known to be current: the background drops it on any cookie
 * change and writes it again when it recomputes the view; the popup uses it only for the same tab
 * at the same URL, and not past the first expiry among the view's cookies. Cookie values are not
 * in it. Imports types only (the popup bundle must not pull the analysis in).
 */
import type { TabView } from './view-model';
import { firstRows } from './view-wire';

export const POPUP_SNAPSHOT_KEY = 'popupSnapshot';

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

/** Whether a popup for `tabId` at `url` may paint this snapshot at `now`. */
export function snapshotUsable(s: PopupSnapshot, tabId: number, url: string | undefined, now: number): boolean {
  return s.tabId === tabId && s.url === url && (s.validUntil === null || now < s.validUntil);
}
