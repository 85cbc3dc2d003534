/** What one timeline row says in full: the Set-Cookie line parsed, or the request's cookie names. */
import { evaluateSetCookie } from '../../analysis';
import { t } from '../../platform/i18n';
import type { TimelineRow } from '../../ui/timeline/rows';
import { dateTime } from './format';
import { rowOutcome } from './TimelineView';

function Attributes({ row }: { row: TimelineRow }) {
  if (!row.line || !row.url) return null;
  // Re-evaluated at the response's time; the value was redacted, which changes no attribute.
  const ev = evaluateSetCookie(row.line, row.url, { now: new Date(row.time) });
  if (!ev.accepted) {
    return (
      <p data-testid="row-evaluation" data-accepted="false">
        {t('panel_would_reject', ev.reason)}
        {ev.detail ? ` — ${ev.detail}` : ''}
      </p>
    );
  }
  const c = ev.cookie;
  const pairs: Array<[string, string]> = [
    [t('panel_attr_domain'), `${c.hostOnly ? '' : '.'}${c.domain}`],
    [t('panel_attr_path'), c.path],
    [t('panel_attr_expires'), c.expires === null ? t('panel_session') : dateTime(c.expires)],
    [t('panel_attr_secure'), c.secure ? t('panel_yes') : t('panel_no')],
    [t('panel_attr_httponly'), c.httpOnly ? t('panel_yes') : t('panel_no')],
    [t('panel_attr_samesite'), c.sameSite],
    [t('panel_attr_partitioned'), c.partitioned ? t('panel_yes') : t('panel_no')],
  ];
  return (
    <>
      <dl class="kv" data-testid="row-evaluation" data-accepted="true">
        {pairs.map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      {ev.warnings.length > 0 ? <p class="muted">{t('panel_warnings', ev.warnings.join(', '))}</p> : null}
    </>
  );
}

export function RowDetail({ row }: { row: TimelineRow }) {
  return (
    <section class="row-detail" aria-label={t('panel_row_detail')} data-testid="row-detail" data-row-id={row.id}>
      <h2>{t(`panel_kind_${row.kind.replace('-', '_')}`)}</h2>
      <p>
        {dateTime(row.time)} · {t(`panel_outcome_${rowOutcome(row)}`)}
        {row.reason ? ` (${row.reason})` : ''}
      </p>
      {row.url ? <p class="mono wrap">{`${row.observation?.method ?? ''} ${row.url}`}</p> : null}
      {row.line !== undefined ? <pre class="mono wrap">{row.line}</pre> : null}
      {row.kind === 'request' ? <p>{t('panel_sent_names', row.names.join(', '))}</p> : null}
      <Attributes row={row} />
    </section>
  );
}
