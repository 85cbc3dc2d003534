/** Per registrable domain count and bytes against the chosen profile, evictions seen, next at risk. */
import { nextEvictions, type UsageReport } from '../../analysis';
import type { CookieInfo } from '../../model/cookie';
import type { CookieChangeEvent } from '../../model/events';
import { LIMIT_PROFILES, type LimitProfile, type LimitProfileId } from '../../model/limits';
import { t } from '../../platform/i18n';

export interface LimitsViewProps {
  usage: UsageReport;
  cookies: readonly CookieInfo[];
  changes: readonly CookieChangeEvent[];
  profile: LimitProfile;
  onProfile: (id: LimitProfileId) => void;
  now: number;
}

const STATUS_ICON = { ok: '✓', near: '◆', over: '▲' } as const;

export function LimitsView(props: LimitsViewProps) {
  const { profile } = props;
  const evicted = new Map<string, number>();
  for (const c of props.changes) if (c.cause === 'evicted') evicted.set(c.registrableDomain, (evicted.get(c.registrableDomain) ?? 0) + 1);
  return (
    <section aria-label={t('panel_view_limits')}>
      <label>
        {t('panel_profile')}{' '}
        <select value={profile.id} onChange={(e) => props.onProfile(e.currentTarget.value as LimitProfileId)} data-testid="profile">
          {Object.values(LIMIT_PROFILES).map((p) => (
            <option key={p.id} value={p.id}>
              {p.label}
            </option>
          ))}
        </select>
      </label>
      {props.usage.domains.length === 0 ? <p class="muted">{t('panel_limits_empty')}</p> : null}
      <table class="grid" data-testid="limits">
        <caption class="sr-only">{t('panel_limits_caption', profile.label)}</caption>
        <thead>
          <tr>
            <th scope="col">{t('panel_col_domain')}</th>
            <th scope="col">{t('panel_col_count')}</th>
            <th scope="col">{t('panel_col_bytes')}</th>
            <th scope="col">{t('panel_col_evicted')}</th>
            <th scope="col">{t('panel_col_next')}</th>
          </tr>
        </thead>
        <tbody>
          {props.usage.domains.map((row) => {
            const plan = nextEvictions(props.cookies, profile, row, props.now);
            return (
              <tr
                key={row.bucket}
                data-domain={row.domain}
                data-count={row.count}
                data-status={row.status}
                data-evicted={evicted.get(row.domain) ?? 0}
              >
                <td>
                  {row.domain}
                  {row.partition ? <span class="muted"> ({row.partition})</span> : null}
                </td>
                <td>
                  <span class={`flag st-${row.status}`}>
                    <span aria-hidden="true">{STATUS_ICON[row.status]} </span>
                    {t('panel_of', [String(row.count), String(row.limit)])} · {t(`panel_status_${row.status}`)}
                  </span>
                  <meter min={0} max={row.limit} value={row.count} aria-label={t('panel_col_count')} />
                </td>
                <td>{row.byteLimit === null ? String(row.bytes) : t('panel_of', [String(row.bytes), String(row.byteLimit)])}</td>
                <td>{evicted.get(row.domain) ?? 0}</td>
                <td class="wrap">
                  {plan.next.length === 0 ? (
                    <span class="muted">—</span>
                  ) : (
                    plan.next
                      .slice(0, 5)
                      .map((c) => c.name)
                      .join(', ')
                  )}
                  {plan.next.length > 5 ? ` ${t('panel_and_more', String(plan.next.length - 5))}` : ''}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
