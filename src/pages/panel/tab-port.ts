/**
 * The panel page's one port to the background (platform/watch.ts): it keeps the tab's headers
 * recorded while the panel is open, and carries the tab's view (useScope.ts).
 */
import { openTabPort, type TabPort } from '../../platform/watch';

const ports = new Map<number, TabPort>();

export function panelPort(tabId: number): TabPort {
  let port = ports.get(tabId);
  if (!port) ports.set(tabId, (port = openTabPort(tabId, { watch: true })));
  return port;
}
