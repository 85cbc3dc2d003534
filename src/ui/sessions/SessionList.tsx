/**
 * Sessions as a table, one row per session: what was issued, whether the login renewed it and the
 * logout cleared it, how it ended, where it travelled, and its findings. Takes the model's
 * summaries as props (analysis/sessions.ts), so the report page, the panel and the popup show the
 * same thing. Rows carry data attributes the end-to-end tests wait on.
 */
import type { SessionSummary } from '../../analysis/sessions';
import { t } from '../../platform/i18n';
import { formatAbsolute } from '../components/relative-time';

const yn = (b: boolean | null): string => (b === null ? '?' : b ? '✓' : '✗');

function sessionName(s: SessionSummary): string {
  if (s.cookie) return `${s.cookie.name} — ${s.cookie.domain}${s.cookie.path}`;
  return `Authorization ${s.scheme ?? ''}`.trim();
}

function Moment(props: { m: SessionSummary['login'] }) {
  if (!props.m) return <>—</>;
  return (
    <>
      <time dateTime={props.m.at}>{formatAbsolute(Date.parse(props.m.at), t('ui_locale'))}</time>{' '}
      <span class="mono">{props.m.url ?? t('ui_sessions_byHand')}</span>
    </>
  );
}

/** `caption` names the table for screen readers (visually hidden: a heading above says the same). */
export function SessionList(props: { sessions: readonly SessionSummary[]; caption?: string }) {
  if (props.sessions.length === 0) return <p data-sessions="0">{t('ui_sessions_none')}</p>;
  return (
    <table class="session-list" data-sessions={props.sessions.length}>
      <caption class="sr-only">{props.caption ?? t('ui_sessions_title')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('ui_sessions_colSession')}</th>
          <th scope="col">{t('ui_sessions_colKind')}</th>
          <th scope="col">{t('ui_sessions_colIssued')}</th>
          <th scope="col">{t('ui_sessions_colLogin')}</th>
          <th scope="col">{t('ui_sessions_colRenewed')}</th>
          <th scope="col">{t('ui_sessions_colLogout')}</th>
          <th scope="col">{t('ui_sessions_colEnded')}</th>
          <th scope="col">{t('ui_sessions_colSent')}</th>
          <th scope="col">{t('ui_sessions_colFindings')}</th>
        </tr>
      </thead>
      <tbody>
        {props.sessions.map((s, i) => (
          <tr key={i} data-session={sessionName(s)} data-session-findings={s.findings.join(' ')}>
            <td class="mono">{sessionName(s)}</td>
            <td>{s.framework ? `${s.kind} (${s.framework})` : s.kind}</td>
            <td>
              <time dateTime={s.issuedAt}>{s.issuedAt}</time>
            </td>
            <td>
              <Moment m={s.login} />
            </td>
            <td>{yn(s.rotatedAtLogin)}</td>
            <td>
              <Moment m={s.logout} />
            </td>
            <td>{s.endedBy === null ? t('ui_sessions_alive') : t(`ui_sessions_ended_${s.endedBy}`)}</td>
            <td>
              {s.sentCount}
              {s.sentOverHttp ? ` · ${t('ui_sessions_overHttp')}` : ''}
              {s.inUrl ? ` · ${t('ui_sessions_inUrl')}` : ''}
              {s.restored ? ` · ${t('ui_sessions_restored')}` : ''}
            </td>
            <td class="mono">{s.findings.join(' ')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
