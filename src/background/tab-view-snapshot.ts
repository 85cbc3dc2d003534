/**
 * Keeps the popup's snapshot (analysis/popup-snapshot.ts) in step with the tab view cache: stored
 * each time the view of the tab a popup asked about last is computed, dropped on the first cookie
 * change after. Private tabs get none: their data stays in the worker's memory.
 */
import { popupSnapshot, type PopupSnapshot } from '../analysis/popup-snapshot';
import type { TabView } from '../analysis/view-model';
import { FIRST_ROWS } from '../analysis/view-wire';

/** Writes and clears are fire-and-forget: a lost one leaves no snapshot, or an older one dropped. */
export interface SnapshotStore {
  load(): Promise<PopupSnapshot | undefined>;
  save(s: PopupSnapshot): void;
  clear(): void;
}

export class SnapshotKeeper {
  /** Whether one may be stored: true at start, since a worker before this one may have left one. */
  private stored = true;
  /** What the stored one was made from. */
  private from: object | undefined;

  constructor(private readonly store: SnapshotStore | undefined) {}

  /** The tab a previous worker's popup asked about, from its snapshot (read once, at start). */
  lastAsked(): Promise<{ tabId: number; askedAt: number } | undefined> | undefined {
    return this.store?.load().then(
      (s) => (s ? { tabId: s.tabId, askedAt: s.askedAt } : undefined),
      () => undefined,
    );
  }

  cookiesChanged(): void {
    if (!this.stored) return;
    this.stored = false;
    this.from = undefined;
    this.store?.clear();
  }

  offer(entry: { tabId: number; incognito: boolean; view: TabView }, askedAt: number): void {
    if (!this.store || entry === this.from || entry.incognito) return;
    this.from = entry;
    this.stored = true;
    this.store.save(popupSnapshot({ tabId: entry.tabId, askedAt, tab: entry.view, rows: FIRST_ROWS }));
  }
}
