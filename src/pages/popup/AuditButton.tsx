/**
 * "Open audit report" records the site first: a report of a tab whose headers were not recorded
 * misses rejected Set-Cookie lines, so the button records the tab, reloads it and waits until the
 * recorder has settled (the report page's "Record and reload"), then opens the report. A tab already
 * recorded (DevTools open, or "all tabs") opens its report at once.
 */
import { useState } from 'preact/hooks';
import { t } from '../../platform/i18n';
import { openExtensionPage } from '../../platform/tabs';
import { keepWatching } from '../../platform/watch';
import { isRecorded, recordAndReload, type RecordPhase } from '../../ui/record-reload';

export function AuditButton(props: { tabId: number }) {
  const [phase, setPhase] = useState<RecordPhase>('idle');

  const audit = async (): Promise<void> => {
    const already = await isRecorded(props.tabId).catch(() => false);
    // Held only until the report opens: opening it closes the popup, which would drop the port anyway.
    const stop = already ? undefined : keepWatching(props.tabId);
    try {
      if (!already) await recordAndReload(props.tabId, setPhase);
      await openExtensionPage('src/pages/report/index.html', { tabId: props.tabId });
    } finally {
      stop?.();
      setPhase('idle');
    }
  };

  return (
    <button
      type="button"
      class="primary"
      data-action="open-report"
      data-phase={phase}
      disabled={phase !== 'idle'}
      onClick={() => void audit()}
    >
      {phase === 'idle' ? t('popup_openReport') : t('report_recording')}
    </button>
  );
}
