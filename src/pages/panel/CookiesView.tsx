/** Every cookie the panel knows for the tab (in the jar now, or only in the log) to pick for the inspector. */
import { t } from '../../platform/i18n';
import type { KnownCookie } from './cookies';

export function CookiesView(props: { known: readonly KnownCookie[]; selectedKey: string | undefined; onSelect: (key: string) => void }) {
  if (props.known.length === 0) return <p class="muted">{t('panel_cookies_empty')}</p>;
  return (
    <ul class="cookie-list" data-testid="cookie-list" aria-label={t('panel_view_cookies')}>
      {props.known.map((k) => (
        <li key={k.info.key} data-cookie-name={k.info.name} data-present={String(k.present)}>
          <button
            type="button"
            class="link"
            aria-pressed={props.selectedKey === k.info.key}
            onClick={() => props.onSelect(k.info.key)}
          >
            {k.info.name}
          </button>{' '}
          <span class="muted">
            {k.info.hostOnly ? '' : '.'}
            {k.info.domain}
            {k.info.path}
            {k.present ? '' : ` · ${t('panel_gone')}`}
          </span>
        </li>
      ))}
    </ul>
  );
}
