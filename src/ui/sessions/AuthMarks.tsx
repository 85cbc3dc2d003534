/**
 * "I'm logging in now" / "I just logged out": marks the moment by hand for apps whose URLs say
 * nothing. The mark is a record of the log (background/marks.ts); `send` is injectable so the
 * component renders in tests and in any page. Not wired into the panel yet (see docs/SESSIONS.md).
 */
import { useState } from 'preact/hooks';
import { createClient } from '../../messaging/client';
import type { SessionMark } from '../../model/events';
import { t } from '../../platform/i18n';
import { messageRuntime } from '../../platform/runtime';

export type SendMark = (kind: 'login' | 'logout') => Promise<SessionMark>;

function defaultSend(tabId: number): SendMark {
  const client = createClient(messageRuntime());
  return (kind) => client.send('markSession', { tabId, kind });
}

export function AuthMarks(props: { tabId: number; send?: SendMark }) {
  const [status, setStatus] = useState('');
  const [last, setLast] = useState<SessionMark | undefined>(undefined);
  const send = props.send ?? defaultSend(props.tabId);
  const mark = (kind: 'login' | 'logout'): void => {
    send(kind).then(
      (m) => {
        setLast(m);
        setStatus(t(kind === 'login' ? 'ui_sessions_markedLogin' : 'ui_sessions_markedLogout', m.site ?? ''));
      },
      (err: unknown) => setStatus(t('ui_sessions_markFailed', err instanceof Error ? err.message : String(err))),
    );
  };
  return (
    <div class="auth-marks" role="group" aria-label={t('ui_sessions_marks')} data-last-mark={last ? `${last.kind}:${last.id}` : ''}>
      <button type="button" data-mark="login" onClick={() => mark('login')}>
        {t('ui_sessions_markLogin')}
      </button>
      <button type="button" data-mark="logout" onClick={() => mark('logout')}>
        {t('ui_sessions_markLogout')}
      </button>
      <span role="status">{status}</span>
    </div>
  );
}
