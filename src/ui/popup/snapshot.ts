/**
 * The popup's first paint from the background's snapshot of its tab (analysis/popup-snapshot.ts),
 * read from `storage.session` directly: no message, so a stopped service worker does not hold it
 * up. The background's answer replaces it moments later; `data-loaded` waits for that answer.
 */
import { parsePopupSnapshot, parseSnapshotIndex, SNAPSHOT_INDEX_KEY, snapshotKey, snapshotUsable } from '../../analysis/popup-snapshot';
import type { TabView } from '../../analysis/view-model';
import { sessionRead } from '../../platform/session-slot';
import type { Target } from '../target';

/**
 * The snapshot's view when it is of this tab at its current URL, still current, and listed in the
 * background's index (a snapshot the background dropped is no longer listed, even if its key
 * could not be removed); else undefined. One storage call for both keys.
 */
export async function readSnapshot(target: Target): Promise<TabView | undefined> {
  if (target.tabId === undefined) return undefined;
  const key = snapshotKey(target.tabId);
  const got = await sessionRead([key, SNAPSHOT_INDEX_KEY]);
  performance.mark('popup-snapshot-read');
  const s = parsePopupSnapshot(got[key]);
  const listed = parseSnapshotIndex(got[SNAPSHOT_INDEX_KEY]).some((e) => e.tabId === target.tabId);
  return s && listed && snapshotUsable(s, target.tabId, target.url, Date.now()) ? s.tab : undefined;
}
