/** Session identifiers of the inspected site: did they rotate, were they ever sent over http: or to a third party. */
import { t } from '../../platform/i18n';
import type { SessionFacts } from './cookies';

function Flag({ bad, yes, no }: { bad: boolean; yes: string; no: string }) {
  return (
    <span class={bad ? 'flag bad' : 'flag ok'}>
      <span aria-hidden="true">{bad ? '⚠ ' : '✓ '}</span>
      {bad ? yes : no}
    </span>
  );
}

export function SessionsView(props: { facts: readonly SessionFacts[]; onSelect: (key: string) => void }) {
  if (props.facts.length === 0)
    return (
      <p class="muted" data-testid="sessions-empty">
        {t('panel_sessions_empty')}
      </p>
    );
  return (
    <table class="grid" data-testid="sessions">
      <caption class="sr-only">{t('panel_sessions_caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('panel_col_cookie')}</th>
          <th scope="col">{t('panel_col_rotated')}</th>
          <th scope="col">{t('panel_col_http')}</th>
          <th scope="col">{t('panel_col_third_party')}</th>
        </tr>
      </thead>
      <tbody>
        {props.facts.map((f) => (
          <tr
            key={f.cookie.info.key}
            data-cookie-name={f.cookie.info.name}
            data-rotated={String(f.rotated)}
            data-http={String(f.sentOverHttp)}
          >
            <td>
              <button type="button" class="link" onClick={() => props.onSelect(f.cookie.info.key)}>
                {f.cookie.info.name}
              </button>{' '}
              <span class="muted">
                {f.cookie.info.domain}
                {f.match.framework ? ` · ${f.match.framework}` : ''}
                {f.cookie.present ? '' : ` · ${t('panel_gone')}`}
              </span>
            </td>
            <td>
              {f.rotated ? (
                <span class="flag ok">
                  <span aria-hidden="true">✓ </span>
                  {t('panel_rotated', String(f.digests))}
                </span>
              ) : (
                <span class="flag">
                  <span aria-hidden="true">– </span>
                  {t('panel_not_rotated')}
                </span>
              )}
            </td>
            <td>
              <Flag bad={f.sentOverHttp} yes={t('panel_sent_http')} no={t('panel_not_sent_http')} />
            </td>
            <td>
              <Flag bad={f.sentToThirdParty} yes={t('panel_sent_third')} no={t('panel_not_sent_third')} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
