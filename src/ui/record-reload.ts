/**
 * "Record and reload", shared by the report page's banner and the popup's report button: with the
 * caller holding the tab's watch port (as DevTools does), wait until the background records the
 * tab's headers, reload it, and wait until the recorder has settled every Set-Cookie line of the
 * reload and made it visible to readers. Each wait polls a signal the background gives, bounded.
 */
import { createClient } from '../messaging/client';
import { messageRuntime } from '../platform/runtime';
import { reloadTabAndWait } from '../platform/tabs';

export type RecordPhase = 'idle' | 'reloading' | 'settling';

/** How long a wait may last before going on anyway: a page that keeps setting cookies must not block the report. */
const WAIT_LIMIT_MS = 10_000;
const POLL_MS = 100;

const client = createClient(messageRuntime());

async function until(check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + WAIT_LIMIT_MS;
  while (Date.now() < deadline && !(await check().catch(() => true))) await new Promise((r) => setTimeout(r, POLL_MS));
}

/** Whether the tab's headers are recorded now (DevTools, the panel, or "all tabs" recording). */
export async function isRecorded(tabId: number): Promise<boolean> {
  const { headers } = await client.send('getStatus');
  return headers.listening && (headers.mode === 'all' || headers.watchedTabs.includes(tabId));
}

export async function recordAndReload(tabId: number, onPhase: (phase: RecordPhase) => void = () => undefined): Promise<void> {
  onPhase('reloading');
  // The background attaches its header listeners after the watch port connects: reloading sooner would miss the first requests.
  await until(() => isRecorded(tabId));
  await reloadTabAndWait(tabId);
  onPhase('settling');
  await until(async () => (await client.send('getStatus')).correlating === 0);
  await client.send('flush').catch(() => undefined);
  onPhase('idle');
}
