import { useEffect, useState } from 'preact/hooks';
import { createClient } from '../../messaging/client';
import type { Status } from '../../messaging/protocol';
import type { LimitProfile, Settings } from '../../model/events';
import { t } from '../../platform/i18n';
import { messageRuntime } from '../../platform/runtime';
import { markLoaded } from '../../ui/mount';

const client = createClient(messageRuntime());
const PROFILES: LimitProfile[] = ['auto', 'rfc2109', 'rfc6265', 'chromium', 'firefox'];
const MB = 1024 * 1024;

/** Recording, privacy and retention settings; every change is validated and applied by the background. */
export function Options() {
  const [settings, setSettings] = useState<Settings | undefined>();
  const [status, setStatus] = useState<Status | undefined>();
  const [message, setMessage] = useState('');

  const refresh = async (): Promise<void> => {
    const [s, st] = await Promise.all([client.send('getSettings'), client.send('getStatus')]);
    setSettings(s);
    setStatus(st);
  };
  useEffect(() => {
    void refresh().then(markLoaded, (err: unknown) => setMessage(String(err)));
  }, []);

  const update = async (patch: Partial<Settings>): Promise<void> => {
    try {
      setSettings(await client.send('updateSettings', patch));
      setMessage(t('options_saved'));
    } catch (err) {
      setMessage(err instanceof Error ? err.message : String(err));
    }
  };
  const act = async (what: 'clearLog' | 'prune'): Promise<void> => {
    const { removed } = what === 'clearLog' ? await client.send('clearLog', {}) : await client.send('prune');
    setMessage(t('options_removed', String(removed)));
    await refresh();
  };

  if (!settings) return <p class="muted">{message || '…'}</p>;
  const positive = (v: string): number | undefined => (/^\d+$/.test(v) && Number(v) > 0 ? Number(v) : undefined);
  return (
    <form class="options" onSubmit={(e) => e.preventDefault()}>
      <fieldset>
        <legend>{t('options_recording')}</legend>
        <label>
          <input
            type="checkbox"
            name="paused"
            checked={settings.paused}
            onChange={(e) => void update({ paused: e.currentTarget.checked })}
          />{' '}
          {t('options_paused')}
        </label>
        <label>
          <input
            type="checkbox"
            name="recordValues"
            checked={settings.recordValues}
            onChange={(e) => void update({ recordValues: e.currentTarget.checked })}
          />{' '}
          {t('options_recordValues')}
        </label>
        <p class="muted">{t('options_recordValuesHelp')}</p>
        <p class="muted">{t('options_privateHelp')}</p>
      </fieldset>
      <fieldset>
        <legend>{t('options_headers')}</legend>
        {(['inspected', 'all'] as const).map((mode) => (
          <label key={mode}>
            <input
              type="radio"
              name="headerCapture"
              value={mode}
              checked={settings.headerCapture === mode}
              onChange={() => void update({ headerCapture: mode }).then(refresh)}
            />{' '}
            {t(mode === 'all' ? 'options_headersAll' : 'options_headersInspected')}
          </label>
        ))}
        <p class="muted">{t('options_headersHelp')}</p>
        {status && (
          <p data-testid="headers-now">
            {t(
              'options_headersNow',
              status.headers.mode === 'all'
                ? t('options_headersNowAll')
                : status.headers.watchedTabs.length === 0
                  ? t('options_headersNowNone')
                  : status.headers.watchedTabs.map((id) => `#${id}`).join(', '),
            )}
          </p>
        )}
      </fieldset>
      <fieldset>
        <legend>{t('options_retention')}</legend>
        <label>
          {t('options_maxEvents')}{' '}
          <input
            type="number"
            name="retentionMaxEvents"
            min={1000}
            step={1000}
            value={settings.retentionMaxEvents}
            onChange={(e) => {
              const n = positive(e.currentTarget.value);
              if (n !== undefined) void update({ retentionMaxEvents: n });
            }}
          />
        </label>
        <label>
          {t('options_maxAgeDays')}{' '}
          <input
            type="number"
            name="retentionMaxAgeDays"
            min={1}
            value={settings.retentionMaxAgeDays}
            onChange={(e) => {
              const n = positive(e.currentTarget.value);
              if (n !== undefined) void update({ retentionMaxAgeDays: n });
            }}
          />
        </label>
        <label>
          {t('options_maxMegabytes')}{' '}
          <input
            type="number"
            name="retentionMaxMegabytes"
            min={1}
            value={Math.round(settings.retentionMaxBytes / MB)}
            onChange={(e) => {
              const n = positive(e.currentTarget.value);
              if (n !== undefined) void update({ retentionMaxBytes: n * MB });
            }}
          />
        </label>
      </fieldset>
      <fieldset>
        <legend>{t('options_limits')}</legend>
        <label>
          {t('options_profile')}{' '}
          <select
            name="limitProfile"
            value={settings.limitProfile}
            onChange={(e) => void update({ limitProfile: e.currentTarget.value as LimitProfile })}
          >
            {PROFILES.map((p) => (
              <option key={p} value={p}>
                {t(`options_profile_${p}`)}
              </option>
            ))}
          </select>
        </label>
      </fieldset>
      {status?.storageError ? (
        <div class="notice" role="alert" data-testid="storage-error">
          <p>{t('options_storageError', status.storageError)}</p>
        </div>
      ) : null}
      <fieldset>
        <legend>{t('options_log')}</legend>
        {status ? (
          <p data-testid="log-status">
            {t('options_logCounts', [String(status.counts.changes), String(status.counts.observations)])}
            {status.log.dropped > 0 ? ` · ${t('options_dropped', String(status.log.dropped))}` : ''}
          </p>
        ) : null}
        {status && status.detailDropped > 0 ? (
          <p data-testid="detail-dropped" data-count={status.detailDropped}>
            {t('status_detailDropped', String(status.detailDropped))}
          </p>
        ) : null}
        <button type="button" name="prune" onClick={() => void act('prune')}>
          {t('options_pruneNow')}
        </button>{' '}
        <button type="button" name="clear" onClick={() => void act('clearLog')}>
          {t('options_clear')}
        </button>
      </fieldset>
      <p role="status" aria-live="polite" data-testid="options-message">
        {message}
      </p>
    </form>
  );
}
