/**
 * The site's sessions at a glance: each ID, whether it is alive, whether the login renewed it and
 * the logout cleared it, and its findings' IDs. The panel's Sessions tab has the timelines.
 */
import { t } from '../../platform/i18n';
import { clearedAtLogout, renewedAtLogin, sessionKey, sessionName, stateText, verdictText } from '../../ui/sessions/labels';
import type { TabSession } from '../../view/view-model';

export function SessionsSection(props: { sessions: readonly TabSession[] }) {
  const { sessions } = props;
  return (
    <section class="popup-section" aria-labelledby="sessions-h" data-testid="popup-sessions" data-sessions={sessions.length}>
      <h2 id="sessions-h">{t('ui_sessions_title')}</h2>
      {sessions.length === 0 ? (
        <p class="muted">{t('ui_sessions_none')}</p>
      ) : (
        <ul class="popup-sessions">
          {sessions.map((s) => {
            const renewed = renewedAtLogin(s.summary);
            const cleared = clearedAtLogout(s.summary);
            return (
              <li
                key={s.id}
                data-session={sessionKey(s.summary)}
                data-renewed-at-login={renewed}
                data-cleared-at-logout={cleared}
                data-ended-by={s.summary.endedBy ?? ''}
                data-session-findings={s.summary.findings.join(' ')}
              >
                <span class="mono">{sessionName(s.summary)}</span> <span class="muted">{stateText(s.summary)}</span>
                <br />
                {t('ui_sessions_colRenewed')}: {verdictText(renewed)} · {t('ui_sessions_colCleared')}: {verdictText(cleared)}
                {s.summary.findings.length > 0 ? (
                  <>
                    <br />
                    <span class="mono">{s.summary.findings.join(' ')}</span>
                  </>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
