/** The report on screen, part 2: the cookie tables, rejected Set-Cookie lines and the change log. */
import { useState } from 'preact/hooks';
import { t } from '../../platform/i18n';
import type { AuditReport, ReportCookie } from '../../report/index';
import { PurposeBadge } from '../../ui/purpose';
import { yesNo } from './sections';

/** A value is shown only after a click on its own button; the choice is kept in memory only. */
function ValueCell(props: { cookie: ReportCookie }) {
  const [shown, setShown] = useState(false);
  const c = props.cookie;
  const redacted = `${c.valueLength} B · ${c.valueDigest}`;
  if (c.value === undefined) return <td class="mono">{redacted}</td>;
  return (
    <td class="mono">
      {shown ? <span data-testid="revealed-value">{c.value}</span> : <span>{redacted}</span>}{' '}
      <button
        type="button"
        class="link"
        aria-pressed={shown}
        aria-label={t(shown ? 'report_hideValueOf' : 'report_showValueOf', c.name)}
        onClick={() => setShown(!shown)}
      >
        {shown ? t('report_hide') : t('report_show')}
      </button>
    </td>
  );
}

/** `caption` repeats the heading above: it names the table for screen readers' table lists. */
function CookieTable(props: { cookies: readonly ReportCookie[]; persistent: boolean; testId: string; caption: string }) {
  if (props.cookies.length === 0) return <p>{t('report_none')}</p>;
  return (
    <table data-testid={props.testId}>
      <caption class="sr-only">{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('report_colName')}</th>
          <th scope="col">{t('report_colDomain')}</th>
          <th scope="col">Path</th>
          <th scope="col">Secure</th>
          <th scope="col">HttpOnly</th>
          <th scope="col">SameSite</th>
          {props.persistent ? <th scope="col">{t('report_colExpires')}</th> : null}
          <th scope="col" class="num">
            {t('report_colSize')}
          </th>
          <th scope="col">{t('report_colValue')}</th>
          <th scope="col">{t('report_colPurpose')}</th>
          <th scope="col">{t('report_colFindings')}</th>
        </tr>
      </thead>
      <tbody>
        {props.cookies.map((c, i) => (
          <tr key={i} data-cookie-name={c.name}>
            <td class="mono">{c.name}</td>
            <td>
              {c.hostOnly ? c.domain : `.${c.domain}`}
              {c.thirdParty ? ` (${t('report_thirdParty')})` : ''}
            </td>
            <td class="mono">{c.path}</td>
            <td>{yesNo(c.secure)}</td>
            <td>{yesNo(c.httpOnly)}</td>
            <td>{c.sameSite}</td>
            {props.persistent ? <td>{c.expires ?? ''}</td> : null}
            <td class="num">{c.size}</td>
            <ValueCell cookie={c} />
            <td>
              <PurposeBadge purpose={c.purpose} showSource />
            </td>
            <td class="mono">{c.findings.join(' ')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function Cookies(props: { report: AuditReport }) {
  const session = props.report.cookies.filter((c) => c.session);
  const persistent = props.report.cookies.filter((c) => !c.session);
  return (
    <section id="cookies" aria-labelledby="cookies-h">
      <h2 id="cookies-h">{t('report_cookies')}</h2>
      <h3>{t('report_sessionCookies', String(session.length))}</h3>
      <CookieTable
        cookies={session}
        persistent={false}
        testId="session-cookies"
        caption={t('report_sessionCookies', String(session.length))}
      />
      <h3>{t('report_persistentCookies', String(persistent.length))}</h3>
      <CookieTable
        cookies={persistent}
        persistent={true}
        testId="persistent-cookies"
        caption={t('report_persistentCookies', String(persistent.length))}
      />
    </section>
  );
}

export function Rejected(props: { report: AuditReport }) {
  const list = props.report.rejected;
  return (
    <section id="rejected" aria-labelledby="rejected-h">
      <h2 id="rejected-h">{t('report_rejected')}</h2>
      {list.length === 0 ? (
        <p>{t('report_noRejected')}</p>
      ) : (
        <table data-testid="rejected">
          <caption class="sr-only">{t('report_rejected')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('report_colTime')}</th>
              <th scope="col">URL</th>
              <th scope="col">{t('report_colName')}</th>
              <th scope="col">{t('report_colReason')}</th>
              <th scope="col">Set-Cookie</th>
            </tr>
          </thead>
          <tbody>
            {list.map((r, i) => (
              <tr key={i}>
                <td>{r.time}</td>
                <td class="mono">{r.url}</td>
                <td class="mono">{r.cookieName}</td>
                <td class="mono">{r.reason}</td>
                <td class="mono">{r.line}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

export function Events(props: { report: AuditReport }) {
  const list = props.report.events;
  if (list === undefined) return null;
  return (
    <section id="events" aria-labelledby="events-h">
      <h2 id="events-h">{t('report_events')}</h2>
      {list.length === 0 ? (
        <p>{t('report_noEvents')}</p>
      ) : (
        <table data-testid="events">
          <caption class="sr-only">{t('report_events')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('report_colTime')}</th>
              <th scope="col">{t('report_colChange')}</th>
              <th scope="col">{t('report_colCause')}</th>
              <th scope="col">{t('report_colName')}</th>
              <th scope="col">{t('report_colDomain')}</th>
              <th scope="col">Path</th>
              <th scope="col">{t('report_colValue')}</th>
            </tr>
          </thead>
          <tbody>
            {list.map((e, i) => (
              <tr key={i}>
                <td>{e.time}</td>
                <td>{e.removed ? t('report_removed') : t('report_set')}</td>
                <td>{e.cause}</td>
                <td class="mono">{e.name}</td>
                <td>{e.domain}</td>
                <td class="mono">{e.path}</td>
                <td class="mono">{`${e.valueLength} B · ${e.valueDigest}`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
