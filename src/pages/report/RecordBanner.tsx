/**
 * For a tab whose headers were not recorded (DevTools was closed while it loaded): says what the
 * report is missing and offers to record the tab and reload it, then refreshes the report once the
 * reload has settled — the same path as opening DevTools and reloading, in one click.
 */
import { useEffect, useState } from 'preact/hooks';
import { tabObservations } from '../../db/queries';
import type { CookieLogDB } from '../../db/schema';
import { createClient } from '../../messaging/client';
import { t } from '../../platform/i18n';
import { messageRuntime } from '../../platform/runtime';
import { reloadTabAndWait } from '../../platform/tabs';
import { keepWatching } from '../../platform/watch';

type Phase = 'idle' | 'reloading' | 'settling';

/** How long a reload may keep Set-Cookie lines inside the recorder's correlation window before the report refreshes anyway. */
const SETTLE_LIMIT_MS = 10_000;

const client = createClient(messageRuntime());

/** Set-Cookie lines of the tab's latest observations still waiting for the change they caused. */
async function pendingLines(db: CookieLogDB, tabId: number): Promise<number> {
  await client.send('flush');
  const recent = await tabObservations(db, tabId, { limit: 200 });
  return recent.reduce((n, o) => n + (o.setCookies ?? []).filter((s) => s.outcome === 'pending').length, 0);
}

/** The background attaches its header listeners after the watch port connects: reloading sooner would miss the first requests. */
async function watched(tabId: number): Promise<void> {
  const deadline = Date.now() + SETTLE_LIMIT_MS;
  while (Date.now() < deadline) {
    const { headers } = await client.send('getStatus');
    if (headers.listening && (headers.mode === 'all' || headers.watchedTabs.includes(tabId))) return;
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function settled(db: CookieLogDB, tabId: number): Promise<void> {
  const deadline = Date.now() + SETTLE_LIMIT_MS;
  while (Date.now() < deadline && (await pendingLines(db, tabId).catch(() => 0)) > 0) {
    await new Promise((r) => setTimeout(r, 200));
  }
}

export function RecordBanner(props: { db: CookieLogDB; tabId: number; onRecorded: () => void }) {
  const [phase, setPhase] = useState<Phase>('idle');
  const [stop, setStop] = useState<(() => void) | undefined>(undefined);
  useEffect(() => () => stop?.(), [stop]);

  const record = async (): Promise<void> => {
    // The port stays open while this page is: the tab stays recorded, as with DevTools open.
    if (!stop) setStop(() => keepWatching(props.tabId));
    setPhase('reloading');
    await watched(props.tabId).catch(() => undefined);
    await reloadTabAndWait(props.tabId);
    setPhase('settling');
    await settled(props.db, props.tabId);
    setPhase('idle');
    props.onRecorded();
  };

  return (
    <div class="report-record" role="status" data-testid="headers-missing" data-phase={phase}>
      <p>
        <strong>{t('report_headersMissing')}</strong> {t('report_headersMissingWhat')}
      </p>
      <button type="button" data-testid="record-reload" disabled={phase !== 'idle'} onClick={() => void record()}>
        {phase === 'idle' ? t('report_recordReload') : t('report_recording')}
      </button>
    </div>
  );
}
