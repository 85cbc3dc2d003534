/** The report's options (values, history, limit profile) and its download buttons. */
import type { LimitProfileId } from '../../model/limits';
import { LIMIT_PROFILES } from '../../model/limits';
import { t } from '../../platform/i18n';
import { FORMATS, type ReportFormat } from '../../report/index';

export interface Options {
  includeValues: boolean;
  includeHistory: boolean;
  profile: LimitProfileId;
}

const DOWNLOADS: ReadonlyArray<{ format: ReportFormat; label: string }> = [
  { format: 'json', label: 'JSON' },
  { format: 'html', label: 'HTML' },
  { format: 'csv', label: 'CSV' },
  { format: 'sarif', label: 'SARIF' },
  { format: 'netscape', label: 'cookies.txt' },
  { format: 'storage-state', label: 'Playwright storageState' },
  { format: 'cookie-editor', label: 'Cookie-Editor JSON' },
];

export function Controls(props: {
  options: Options;
  onChange: (o: Options) => void;
  onDownload: (f: ReportFormat) => void;
  onRefresh: () => void;
  disabled: boolean;
  lastDownload: { name: string; bytes: number } | null;
}) {
  const { options: o, onChange } = props;
  return (
    <section class="report-controls" aria-label={t('report_controls')}>
      <div class="report-options">
        <label class="report-switch" data-on={o.includeValues}>
          <input
            type="checkbox"
            role="switch"
            data-testid="include-values"
            checked={o.includeValues}
            aria-describedby="report-values-help"
            onChange={(e) => onChange({ ...o, includeValues: e.currentTarget.checked })}
          />
          <span>{t('report_includeValues')}</span>
        </label>
        <span id="report-values-help" class={o.includeValues ? 'report-warning' : 'muted'}>
          <span aria-hidden="true">{o.includeValues ? '⚠ ' : '✓ '}</span>
          {o.includeValues ? t('report_valuesOnHelp') : t('report_valuesOffHelp')}
        </span>
        <label>
          <input
            type="checkbox"
            data-testid="include-history"
            checked={o.includeHistory}
            onChange={(e) => onChange({ ...o, includeHistory: e.currentTarget.checked })}
          />
          <span>{t('report_includeHistory')}</span>
        </label>
        <label>
          <span>{t('report_limitProfile')} </span>
          <select
            data-testid="limit-profile"
            value={o.profile}
            onChange={(e) => onChange({ ...o, profile: e.currentTarget.value as LimitProfileId })}
          >
            {Object.values(LIMIT_PROFILES).map((p) => (
              <option key={p.id} value={p.id}>
                {p.label}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={props.onRefresh} data-testid="refresh">
          {t('report_refresh')}
        </button>
      </div>
      <div class="report-downloads" role="group" aria-label={t('report_download')}>
        <span class="muted">{t('report_download')}:</span>
        {DOWNLOADS.filter((d) => !FORMATS[d.format].needsValues || o.includeValues).map((d) => (
          <button
            key={d.format}
            type="button"
            data-testid={`download-${d.format}`}
            disabled={props.disabled}
            aria-label={t('report_downloadAs', d.label)}
            onClick={() => props.onDownload(d.format)}
          >
            <span aria-hidden="true">⬇ </span>
            {d.label}
          </button>
        ))}
        <button type="button" data-testid="print" disabled={props.disabled} onClick={() => window.print()}>
          {t('report_print')}
        </button>
        <span role="status" aria-live="polite" data-testid="download-status" class="muted">
          {props.lastDownload ? t('report_saved', [props.lastDownload.name, String(props.lastDownload.bytes)]) : ''}
        </span>
      </div>
    </section>
  );
}
