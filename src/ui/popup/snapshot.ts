/**
 * The popup's first paint from the background's snapshot (analysis/popup-snapshot.ts), read from
 * `storage.session` directly: no message, so a stopped service worker does not hold it up. The
 * background's answer replaces it moments later; `data-loaded` waits for that answer.
 */
import { parsePopupSnapshot, POPUP_SNAPSHOT_KEY, snapshotUsable } from '../../analysis/popup-snapshot';
import type { TabView } from '../../analysis/view-model';
import { sessionSlot } from '../../platform/session-slot';
import type { Target } from '../target';

const slot = sessionSlot(POPUP_SNAPSHOT_KEY, parsePopupSnapshot);

/** The snapshot's view when it is of this tab at its current URL and still current; else undefined. */
export async function readSnapshot(target: Target): Promise<TabView | undefined> {
  if (target.tabId === undefined) return undefined;
  const s = await slot.load();
  performance.mark('popup-snapshot-read');
  return s && snapshotUsable(s, target.tabId, target.url, Date.now()) ? s.tab : undefined;
}
