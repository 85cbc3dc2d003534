import { SEVERITIES } from '../../model/finding';
import { t } from '../../platform/i18n';
import { SeverityBadge } from '../../ui/components';
import { PurposeCounts, TrackingPlatforms } from '../../ui/purpose';
import '../../ui/purpose/purpose.css';
import type { ViewModel } from '../../view/view-model';

/** The site and its numbers: cookies (all / session / persistent / third-party), findings by severity. */
export function PopupHeader(props: { vm: ViewModel }) {
  const { vm } = props;
  const c = vm.counts;
  return (
    <header class="popup-header" data-testid="popup-header">
      <h1 data-testid="site">{vm.site ?? t('popup_noSite')}</h1>
      <ul
        class="popup-counts"
        aria-label={t('popup_countsLabel')}
        data-count-all={c.all}
        data-count-session={c.session}
        data-count-persistent={c.persistent}
        data-count-third-party={c.thirdParty}
      >
        <li>{t('popup_countAll', String(c.all))}</li>
        <li>{t('popup_countSession', String(c.session))}</li>
        <li>{t('popup_countPersistent', String(c.persistent))}</li>
        <li>{t('popup_countThirdParty', String(c.thirdParty))}</li>
      </ul>
      {vm.purposes ? <PurposeCounts counts={vm.purposes} /> : null}
      {vm.trackingPlatforms ? <TrackingPlatforms platforms={vm.trackingPlatforms} /> : null}
      <p class="popup-severities" data-testid="severities" aria-label={t('popup_findingsBySeverity')}>
        {SEVERITIES.map((s) => (
          <span key={s} data-severity={s} data-count={vm.bySeverity[s]}>
            <SeverityBadge severity={s} count={vm.bySeverity[s]} />
          </span>
        ))}
      </p>
    </header>
  );
}
