/**
 * Panel → Sessions: one entry per session of the tab's sites, from the read model (the same
 * session model as the report): its timeline (issued → login → rotated → sent N× → logout →
 * ended), its findings, and the buttons that mark a login or logout by hand. Stored URLs show
 * parameter names only (`?user=…`).
 */
import { readableUrl } from '../../analysis/url-secrets';
import type { SessionStep } from '../../analysis/sessions';
import type { Finding } from '../../model/finding';
import { t } from '../../platform/i18n';
import { FindingList, LiveSummary } from '../../ui/components';
import { AuthMarks } from '../../ui/sessions/AuthMarks';
import { clearedAtLogout, renewedAtLogin, sessionKey, sessionName, stateText, verdictText } from '../../ui/sessions/labels';
import type { TabSession } from '../../view/view-model';

function stepText(step: SessionStep): string {
  if (step.kind === 'sent') return t('ui_sessions_sentTimes', String(step.count ?? 0));
  if (step.kind === 'ended' && step.endedBy) return t('ui_sessions_endedHow', t(`ui_sessions_ended_${step.endedBy}`));
  return t(`ui_sessions_step_${step.kind}`);
}

function Step(props: { step: SessionStep }) {
  const { step } = props;
  const at = new Date(step.time).toISOString();
  return (
    <li data-step={step.kind}>
      {stepText(step)}{' '}
      <time class="muted" dateTime={at}>
        {new Date(step.time).toLocaleTimeString(t('ui_locale'))}
      </time>
      {step.url ? <span class="mono"> {readableUrl(step.url)}</span> : null}
    </li>
  );
}

/** The finding with its URLs shown by parameter name (`?key=…`), as everywhere in the panel. */
function readableFinding(f: Finding): Finding {
  const details =
    f.details && Object.fromEntries(Object.entries(f.details).map(([k, v]) => [k, typeof v === 'string' ? readableUrl(v) : v]));
  const subject = 'url' in f.subject && typeof f.subject.url === 'string' ? { ...f.subject, url: readableUrl(f.subject.url) } : f.subject;
  return { ...f, subject, message: readableUrl(f.message), ...(details ? { details } : {}) };
}

function Session(props: { session: TabSession }) {
  const { summary, timeline, findings } = props.session;
  const renewed = renewedAtLogin(summary);
  const cleared = clearedAtLogout(summary);
  const name = sessionName(summary);
  return (
    <li
      class="session-entry"
      data-session={sessionKey(summary)}
      data-renewed-at-login={renewed}
      data-cleared-at-logout={cleared}
      data-ended-by={summary.endedBy ?? ''}
      data-session-findings={summary.findings.join(' ')}
      data-timeline={timeline.map((s) => s.kind).join(' ')}
    >
      <h3>
        <span class="mono">{name}</span>{' '}
        <span class="muted">
          — {props.session.site} · {stateText(summary)}
        </span>
      </h3>
      <p>
        {t('ui_sessions_colRenewed')}: {verdictText(renewed)} · {t('ui_sessions_colCleared')}: {verdictText(cleared)}
      </p>
      <ol class="session-timeline" aria-label={t('ui_sessions_timeline')}>
        {timeline.map((step, i) => (
          <Step key={i} step={step} />
        ))}
      </ol>
      {findings.length === 0 ? (
        <p class="muted">{t('ui_sessions_noFindings')}</p>
      ) : (
        <FindingList findings={findings.map(readableFinding)} label={t('ui_sessions_colFindings')} />
      )}
    </li>
  );
}

export function SessionTimelines(props: { tabId: number; sessions: readonly TabSession[] }) {
  const { sessions } = props;
  const findings = sessions.reduce((n, s) => n + s.findings.length, 0);
  return (
    <section class="session-timelines" data-testid="session-timelines" data-sessions={sessions.length}>
      <h2>{t('ui_sessions_title')}</h2>
      <AuthMarks tabId={props.tabId} />
      <LiveSummary message={`${t('ui_sessions_title')}: ${sessions.length} · ${t('ui_sessions_colFindings')}: ${findings}`} />
      {sessions.length === 0 ? (
        <p class="muted">{t('ui_sessions_none')}</p>
      ) : (
        <ul class="session-entries">
          {sessions.map((s) => (
            <Session key={s.id} session={s} />
          ))}
        </ul>
      )}
    </section>
  );
}

/** Logins and logouts above the main timeline: when they happened, by which request. */
export function AuthMomentStrip(props: {
  moments: ReadonlyArray<{ kind: 'login' | 'logout'; time: number; url: string | null; manual: boolean }>;
}) {
  if (props.moments.length === 0) return null;
  return (
    <ul class="auth-moments" data-testid="auth-moments" aria-label={t('ui_sessions_title')}>
      {props.moments.map((m, i) => (
        <li key={i} data-moment={m.kind} data-manual={String(m.manual)}>
          <span aria-hidden="true">{m.kind === 'login' ? '→ ' : '← '}</span>
          {t(`ui_sessions_authMoment_${m.kind}`, m.url ? readableUrl(m.url) : t('ui_sessions_byHand'))}{' '}
          <time class="muted" dateTime={new Date(m.time).toISOString()}>
            {new Date(m.time).toLocaleTimeString(t('ui_locale'))}
          </time>
        </li>
      ))}
    </ul>
  );
}
