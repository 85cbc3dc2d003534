/**
 * For a tab whose headers were not recorded (DevTools was closed while it loaded): says what the
 * report is missing and offers to record the tab and reload it, then refreshes the report once the
 * reload has settled — the same path as opening DevTools and reloading, in one click.
 */
import { useEffect, useState } from 'preact/hooks';
import { t } from '../../platform/i18n';
import { keepWatching } from '../../platform/watch';
import { recordAndReload, type RecordPhase } from '../../ui/record-reload';

export function RecordBanner(props: { tabId: number; onRecorded: () => void }) {
  const [phase, setPhase] = useState<RecordPhase>('idle');
  const [stop, setStop] = useState<(() => void) | undefined>(undefined);
  useEffect(() => () => stop?.(), [stop]);

  const record = async (): Promise<void> => {
    // The port stays open while this page is: the tab stays recorded, as with DevTools open.
    if (!stop) setStop(() => keepWatching(props.tabId));
    await recordAndReload(props.tabId, setPhase);
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
