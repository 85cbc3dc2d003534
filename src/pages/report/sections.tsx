/** The report on screen, part 1: summary, findings by severity, session IDs, per-domain limits. */
import { SEVERITIES, type Finding, type FindingSubject, type Severity } from '../../model/finding';
import { t } from '../../platform/i18n';
import type { AuditReport, ReportFinding } from '../../report/index';
import { SEVERITY_MARK, subjectText } from '../../report/html';
import { SessionList } from '../../ui/sessions/SessionList';
import { findingText } from '../../ui/components/finding-text';

export function SeverityLabel(props: { severity: Severity }) {
  return (
    <span class={`sev sev-${props.severity}`}>
      <span aria-hidden="true">{SEVERITY_MARK[props.severity]} </span>
      {t(`report_sev_${props.severity}`)}
    </span>
  );
}

export function yesNo(b: boolean | null): string {
  return b === null ? '?' : b ? t('report_yes') : t('report_no');
}

export function Summary(props: { report: AuditReport }) {
  const s = props.report.summary;
  const rows: Array<[string, string | number, string]> = [
    [t('report_sumCookies'), s.cookies, 'cookies'],
    [t('report_sumSession'), s.session, 'session'],
    [t('report_sumPersistent'), s.persistent, 'persistent'],
    [t('report_sumThirdParty'), s.thirdParty, 'third-party'],
    [t('report_sumSessionIds'), s.sessionIds, 'session-ids'],
    [t('report_sumRejected'), s.rejected, 'rejected'],
    ...SEVERITIES.map((x): [string, number, string] => [t('report_sumFindings', t(`report_sev_${x}`)), s.findings[x], `findings-${x}`]),
    [t('report_limitProfile'), props.report.limitProfile.label, 'profile'],
  ];
  return (
    <section id="summary" aria-labelledby="summary-h">
      <h2 id="summary-h">{t('report_summary')}</h2>
      <table class="report-summary" data-testid="summary">
        <caption class="sr-only">{t('report_summary')}</caption>
        <tbody>
          {rows.map(([label, value, key]) => (
            <tr key={key}>
              <th scope="row">{label}</th>
              <td class={typeof value === 'number' ? 'num' : ''} data-summary={key}>
                {value}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** The report's finding as the analysis gave it, so the page words it in the UI language like the other pages. */
function asFinding(f: ReportFinding): Finding {
  const subject: FindingSubject =
    f.kind === 'cookie'
      ? { kind: 'cookie', ...f.cookie, storeId: '', key: '' }
      : f.kind === 'header'
        ? { kind: 'header', url: f.header.url, ...(f.header.name === null ? {} : { name: f.header.name }) }
        : { kind: 'domain', ...f.domain };
  return {
    id: f.id,
    severity: f.severity,
    subject,
    message: f.message,
    reference: f.reference,
    ...(f.details ? { details: f.details } : {}),
  };
}

function FindingItem(props: { f: ReportFinding }) {
  const f = props.f;
  return (
    <li class={`sev-${f.severity}`} data-finding={f.id}>
      <SeverityLabel severity={f.severity} /> <code>{f.id}</code> <span>{findingText(asFinding(f), (k) => t(k))}</span>
      <br />
      <span class="muted">
        {subjectText(f)} ·{' '}
        <a href={f.reference.url} target="_blank" rel="noopener noreferrer">
          {f.reference.label}
        </a>
      </span>
    </li>
  );
}

export function Findings(props: { report: AuditReport }) {
  const all = props.report.findings;
  return (
    <section id="findings" aria-labelledby="findings-h">
      <h2 id="findings-h">{t('report_findings')}</h2>
      {all.length === 0 ? <p>{t('report_noFindings')}</p> : null}
      {SEVERITIES.map((s) => {
        const list = all.filter((f) => f.severity === s);
        if (list.length === 0) return null;
        return (
          <div key={s}>
            <h3>
              <SeverityLabel severity={s} /> ({list.length})
            </h3>
            <ul class="report-findings">
              {list.map((f, i) => (
                <FindingItem key={`${f.id}-${i}`} f={f} />
              ))}
            </ul>
          </div>
        );
      })}
    </section>
  );
}

export function Sessions(props: { report: AuditReport }) {
  return (
    <section id="sessions" aria-labelledby="sessions-h">
      <h2 id="sessions-h">{t('ui_sessions_title')}</h2>
      <SessionList sessions={props.report.sessions} />
    </section>
  );
}

export function SessionIds(props: { report: AuditReport }) {
  const list = props.report.cookies.filter((c) => c.sessionId.isSessionId);
  return (
    <section id="session-ids" aria-labelledby="sid-h">
      <h2 id="sid-h">{t('report_sessionIds')}</h2>
      {list.length === 0 ? (
        <p>{t('report_noSessionIds')}</p>
      ) : (
        <table>
          <caption class="sr-only">{t('report_sessionIds')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('report_colName')}</th>
              <th scope="col">{t('report_colDomain')}</th>
              <th scope="col">{t('report_colWhy')}</th>
              <th scope="col">HttpOnly</th>
              <th scope="col">Secure</th>
              <th scope="col">{t('report_colFindings')}</th>
            </tr>
          </thead>
          <tbody>
            {list.map((c, i) => (
              <tr key={i}>
                <td class="mono">{c.name}</td>
                <td>{c.domain}</td>
                <td>{c.sessionId.why ?? ''}</td>
                <td>{yesNo(c.httpOnly)}</td>
                <td>{yesNo(c.secure)}</td>
                <td class="mono">{c.findings.join(' ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

export function Domains(props: { report: AuditReport }) {
  return (
    <section id="domains" aria-labelledby="domains-h">
      <h2 id="domains-h">{t('report_domains', props.report.limitProfile.label)}</h2>
      <table data-testid="domains">
        <caption class="sr-only">{t('report_domains', props.report.limitProfile.label)}</caption>
        <thead>
          <tr>
            <th scope="col">{t('report_colDomain')}</th>
            <th scope="col">{t('report_colPartition')}</th>
            <th scope="col" class="num">
              {t('report_colCount')}
            </th>
            <th scope="col" class="num">
              {t('report_colLimit')}
            </th>
            <th scope="col" class="num">
              {t('report_colBytes')}
            </th>
            <th scope="col">{t('report_colStatus')}</th>
          </tr>
        </thead>
        <tbody>
          {props.report.domains.map((d, i) => (
            <tr key={i}>
              <td>{d.domain}</td>
              <td>{d.partition ?? ''}</td>
              <td class="num">{d.count}</td>
              <td class="num">{d.limits.count}</td>
              <td class="num">{d.bytes}</td>
              <td class={`status-${d.status}`}>
                <span aria-hidden="true">{d.status === 'ok' ? '✓ ' : d.status === 'near' ? '◆ ' : '▲ '}</span>
                {t(`report_status_${d.status}`)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
