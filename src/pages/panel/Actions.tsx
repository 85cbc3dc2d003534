/** Clear this tab's log, pause/resume recording, open the audit report: commands through the typed client. */
import { useEffect, useState } from 'preact/hooks';
import { createClient } from '../../messaging/client';
import { t } from '../../platform/i18n';
import { messageRuntime } from '../../platform/runtime';
import { openExtensionPage } from '../../platform/tabs';

const client = createClient(messageRuntime());

export function Actions({ tabId }: { tabId: number }) {
  const [paused, setPaused] = useState<boolean | undefined>(undefined);
  const [status, setStatus] = useState('');
  const [detailDropped, setDetailDropped] = useState(0);
  useEffect(() => {
    client.send('getSettings').then(
      (s) => setPaused(s.paused),
      () => setPaused(undefined),
    );
    // Said once when the panel opens: a flood that shed detail is rare and worth knowing about.
    client.send('getStatus').then(
      (st) => setDetailDropped(st.detailDropped),
      () => setDetailDropped(0),
    );
  }, []);
  const run = (what: () => Promise<unknown>, done: string): void => {
    what().then(
      () => setStatus(done),
      (err: unknown) => setStatus(t('panel_action_failed', err instanceof Error ? err.message : String(err))),
    );
  };
  return (
    <div class="actions" role="toolbar" aria-label={t('panel_actions')}>
      <button
        type="button"
        aria-pressed={paused === true}
        disabled={paused === undefined}
        onClick={() =>
          run(
            async () => setPaused((await client.send('setPaused', { paused: !paused })).paused),
            paused ? t('panel_resumed') : t('panel_paused'),
          )
        }
        data-testid="pause"
      >
        {paused ? t('panel_resume') : t('panel_pause')}
      </button>
      <button type="button" onClick={() => run(() => client.send('clearLog', { tabId }), t('panel_cleared'))} data-testid="clear">
        {t('panel_clear')}
      </button>
      <button type="button" onClick={() => run(() => openExtensionPage('src/pages/report/index.html', { tabId }), '')} data-testid="report">
        {t('panel_open_report')}
      </button>
      {detailDropped > 0 ? (
        <span class="muted" data-testid="detail-dropped" data-count={detailDropped}>
          {t('status_detailDropped', String(detailDropped))}
        </span>
      ) : null}
      <span role="status" class="muted" data-testid="action-status">
        {status}
      </span>
    </div>
  );
}
