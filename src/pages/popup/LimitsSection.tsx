import { useState } from 'preact/hooks';
import { usageStatus } from '../../model/limits';
import { LIMIT_PROFILES, type LimitProfileId } from '../../model/limits';
import { t } from '../../platform/i18n';
import { LimitMeter, UsageStatusLabel } from '../../ui/components';
import type { ViewModel } from '../../view/view-model';

const PROFILE_IDS = Object.keys(LIMIT_PROFILES) as LimitProfileId[];
/** Usage rows come sorted over → near → ok, then by count: the first ones are those that matter. */
const FIRST_DOMAINS = 20;

/** Every registrable domain (bucket) visible to the tab, count and bytes against the chosen profile. */
export function LimitsSection(props: { vm: ViewModel; profileId: LimitProfileId; onProfile: (id: LimitProfileId) => void }) {
  const { vm } = props;
  const [showAll, setShowAll] = useState(false);
  const rows = showAll ? vm.usage.domains : vm.usage.domains.slice(0, FIRST_DOMAINS);
  return (
    <section class="popup-section" aria-labelledby="limits-h" data-testid="limits">
      <div class="popup-section-head">
        <h2 id="limits-h">{t('popup_limits')}</h2>
        <label class="popup-profile">
          {t('popup_profile')}
          <select
            data-testid="profile"
            value={props.profileId}
            onChange={(e) => props.onProfile((e.currentTarget as HTMLSelectElement).value as LimitProfileId)}
          >
            {PROFILE_IDS.map((id) => (
              <option key={id} value={id}>
                {t(`popup_profile_${id}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {vm.usage.domains.length === 0 ? (
        <p class="muted">{t('popup_noDomains')}</p>
      ) : (
        <div class="ui-table-wrap">
          <table class="ui-table popup-limits">
            <caption class="sr-only">{t('popup_limits')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('popup_limitDomain')}</th>
                <th scope="col">{t('popup_limitCount')}</th>
                <th scope="col">{t('popup_limitBytes')}</th>
                <th scope="col">{t('popup_limitStatus')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((d) => (
                <tr
                  key={d.bucket}
                  data-domain={d.domain}
                  data-partition={d.partition ?? ''}
                  data-count={d.count}
                  data-bytes={d.bytes}
                  data-status={d.status}
                >
                  <th scope="row">
                    {d.domain}
                    {d.domain !== vm.site ? <span class="muted"> · {t('ui_badge_thirdParty')}</span> : null}
                    {d.partition ? <span class="muted"> · {t('popup_partitionOf', d.partition)}</span> : null}
                  </th>
                  <td>
                    <LimitMeter
                      label={t('popup_meterCountLabel', d.domain)}
                      used={d.count}
                      limit={d.limit}
                      status={usageStatus(d.count, d.limit)}
                      valueText={t('popup_ofCookies', [String(d.count), String(d.limit)])}
                    />
                  </td>
                  <td>
                    {d.byteLimit === null ? (
                      <span class="ui-meter-text">{t('ui_bytes', String(d.bytes))}</span>
                    ) : (
                      <LimitMeter
                        label={t('popup_meterBytesLabel', d.domain)}
                        used={d.bytes}
                        limit={d.byteLimit}
                        status={usageStatus(d.bytes, d.byteLimit)}
                        valueText={t('popup_ofBytes', [String(d.bytes), String(d.byteLimit)])}
                      />
                    )}
                  </td>
                  <td>
                    <UsageStatusLabel status={d.status} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {rows.length < vm.usage.domains.length ? (
        <button type="button" class="ui-show-all" data-action="show-all-domains" onClick={() => setShowAll(true)}>
          {t('ui_showAll', String(vm.usage.domains.length))}
        </button>
      ) : null}
    </section>
  );
}
