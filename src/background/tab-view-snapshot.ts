/**
 * Keeps the popup's snapshots (analysis/popup-snapshot.ts) in step with the tab view cache: one
 * per tab, stored each time a current view of the tab is computed, for the `max` tabs computed
 * last. A cookie change drops the snapshots whose scope holds the cookie's site, and only those:
 * a site polling its analytics cookie in a background tab leaves the other tabs' snapshots alone.
 * Private tabs get none: their data stays in the worker's memory.
 *
 * What is stored is listed in an index (tab, scope's sites, when a popup asked), kept in memory
 * and in storage.session, so that a restarted worker knows which snapshots a change makes stale.
 */
import { popupSnapshot, type PopupSnapshot, type SnapshotIndexEntry } from '../analysis/popup-snapshot';
import type { TabView } from '../analysis/view-model';
import { FIRST_ROWS } from '../analysis/view-wire';

/**
 * Writes are fire-and-forget but applied in call order. A lost one leaves no snapshot, or one
 * the index no longer lists: a popup uses its tab's snapshot only while the index lists the tab.
 */
export interface SnapshotStore {
  loadIndex(): Promise<SnapshotIndexEntry[]>;
  /** Stores one tab's snapshot together with the index that lists it (one write). */
  save(s: PopupSnapshot, index: SnapshotIndexEntry[]): void;
  /** Removes these tabs' snapshots first, then writes the index without them. */
  drop(tabIds: number[], index: SnapshotIndexEntry[]): void;
}

/** Snapshots kept: the tabs computed last (each ~20–120 KB of memory in storage.session). */
export const MAX_SNAPSHOTS = 8;

interface Kept {
  domains: Set<string>;
  askedAt: number;
  /** The cache entry the stored snapshot was made from (unknown for a previous worker's). */
  from: object | undefined;
}

export class SnapshotKeeper {
  /** Stored snapshots, least recently stored first. */
  private readonly kept = new Map<number, Kept>();
  /** Settles once a previous worker's index is loaded; changes and offers wait for it. */
  private loading: Promise<void> | undefined;

  constructor(
    private readonly store: SnapshotStore | undefined,
    private readonly max = MAX_SNAPSHOTS,
  ) {
    const loading: Promise<void> | undefined = store?.loadIndex().then(
      (entries) => {
        for (const e of entries) {
          if (!this.kept.has(e.tabId)) this.kept.set(e.tabId, { domains: new Set(e.domains), askedAt: e.askedAt, from: undefined });
        }
        if (this.loading === loading) this.loading = undefined;
      },
      () => {
        if (this.loading === loading) this.loading = undefined;
      },
    );
    this.loading = loading;
  }

  /** The tab a popup asked about last, as a previous worker's index says (read once, at start). */
  lastAsked(): Promise<{ tabId: number; askedAt: number } | undefined> | undefined {
    return this.loading?.then(() => {
      let last: { tabId: number; askedAt: number } | undefined;
      for (const [tabId, k] of this.kept) if (k.askedAt > 0 && (!last || k.askedAt >= last.askedAt)) last = { tabId, askedAt: k.askedAt };
      return last;
    });
  }

  /** Whether the tab has a stored snapshot no change has made stale. */
  has(tabId: number): boolean {
    return this.kept.has(tabId);
  }

  /** A cookie of `site` changed (undefined: unknown, every snapshot is dropped). */
  cookiesChanged(site: string | undefined): void {
    const apply = (): void => {
      const stale = [...this.kept].filter(([, k]) => site === undefined || k.domains.has(site)).map(([tabId]) => tabId);
      if (stale.length === 0) return;
      for (const tabId of stale) this.kept.delete(tabId);
      this.store?.drop(stale, this.index());
    };
    if (this.loading) void this.loading.then(apply);
    else apply();
  }

  /** The current view of a tab: stored unless it is what is stored already, or a private tab's. */
  offer(entry: { tabId: number; incognito: boolean; view: TabView }, askedAt: number | undefined): void {
    if (!this.store || entry.incognito) return;
    const save = (): void => {
      const before = this.kept.get(entry.tabId);
      if (before?.from === entry) return;
      this.kept.delete(entry.tabId);
      const asked = askedAt ?? before?.askedAt ?? 0;
      this.kept.set(entry.tabId, { domains: new Set(entry.view.domains), askedAt: asked, from: entry });
      const evicted: number[] = [];
      while (this.kept.size > this.max) {
        const oldest = this.kept.keys().next().value as number;
        this.kept.delete(oldest);
        evicted.push(oldest);
      }
      if (evicted.length > 0) this.store!.drop(evicted, this.index());
      this.store!.save(popupSnapshot({ tabId: entry.tabId, askedAt: asked, tab: entry.view, rows: FIRST_ROWS }), this.index());
    };
    if (this.loading) void this.loading.then(save);
    else save();
  }

  private index(): SnapshotIndexEntry[] {
    return [...this.kept].map(([tabId, k]) => ({ tabId, domains: [...k.domains], askedAt: k.askedAt }));
  }
}

/** Where `laterWrites` puts what it writes: storage.session, keys to JSON strings. */
export interface SnapshotWrites {
  set(values: Record<string, string>): void;
  remove(keys: string[]): void;
}

/**
 * A SnapshotStore whose writes wait for the task after the one that offered the snapshot: that
 * task is answering a popup, which waits for the answer, not for the snapshot (encoding and
 * handing ~100 KB to storage took up to ~10 ms before the answer went out). Writes keep their
 * call order: a drop queued behind a save is applied after it, so a snapshot a change made
 * stale is never left listed; a drop with nothing queued goes out at once.
 */
export function laterWrites(
  writes: SnapshotWrites,
  encode: { key(tabId: number): string; snapshot(s: PopupSnapshot): string; index(entries: SnapshotIndexEntry[]): string; indexKey: string },
  loadIndex: () => Promise<SnapshotIndexEntry[]>,
  defer: (run: () => void) => void = (run) => void setTimeout(run, 0),
): SnapshotStore {
  const queue: Array<() => void> = [];
  // A write that throws is lost like any failed write, and must not stall the ones after it.
  const run = (): void => {
    for (let job = queue.shift(); job; job = queue.shift()) {
      try {
        job();
      } catch {
        // Nothing stored: a popup then finds no snapshot (or an index without it) and asks.
      }
    }
  };
  const enqueue = (job: () => void, now: boolean): void => {
    if (now && queue.length === 0) return job();
    queue.push(job);
    if (queue.length === 1) defer(run);
  };
  return {
    loadIndex,
    save: (s, entries) => enqueue(() => writes.set({ [encode.key(s.tabId)]: encode.snapshot(s), [encode.indexKey]: encode.index(entries) }), false),
    drop: (tabIds, entries) =>
      enqueue(() => {
        writes.remove(tabIds.map(encode.key));
        writes.set({ [encode.indexKey]: encode.index(entries) });
      }, true),
  };
}
