/**
 * Pages' tab ports (platform/watch.ts) joined to the read model: a page that asks for its tab's
 * view gets it, first rows first when the tab is large, and then every newer view.
 */
import type { TabView } from '../../view/view-model';
import { firstRows } from '../../view/view-wire';
import type { LimitProfileId } from '../../model/limits';
import type { WatchPort } from '../../platform/watch';
import type { TabReadModel } from './read-model';

/** Only the first rows of each section, when `rows` is given and the view has more. */
export function firstPage(tab: TabView, rows?: number): TabView {
  if (rows === undefined) return tab;
  const first = firstRows(tab.view, rows);
  return first.complete ? tab : { ...tab, view: first.view, complete: false };
}

export function serveTabPort(port: WatchPort, model: TabReadModel, profileOf: (requested?: string) => LimitProfileId): void {
  let unsubscribe: (() => void) | undefined;
  port.onRequest((request) => {
    unsubscribe?.();
    let first = request.firstRows;
    unsubscribe = model.subscribe({
      tabId: port.tabId,
      profileId: profileOf(request.profile),
      push: (view) => {
        // The first answer may be split: a screenful to paint, then the whole view.
        const page = first === undefined ? view : firstPage(view, first);
        first = undefined;
        port.post({ type: 'view', view: page });
        if (page !== view) port.post({ type: 'view', view });
      },
      failed: (message) => port.post({ type: 'error', message }),
    });
  });
  port.onDisconnect(() => unsubscribe?.());
}
