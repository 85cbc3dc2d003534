/** The report on screen: what the cookies are for — counts, the platforms behind them, the third parties. */
import { trackingPlatforms } from '../../analysis/purpose-summary';
import { t } from '../../platform/i18n';
import type { AuditReport } from '../../report/index';
import { categoryLabel, PurposeCounts, TrackingPlatforms } from '../../ui/purpose';
import '../../ui/purpose/purpose.css';

const DATABASE_URL = 'https://github.com/jkwakman/Open-Cookie-Database';

export function Purposes(props: { report: AuditReport }) {
  const s = props.report.purposes;
  const cats = (list: readonly Parameters<typeof categoryLabel>[0][]): string => list.map((c) => categoryLabel(c, t)).join(', ');
  return (
    <section id="purposes" aria-labelledby="purposes-h" data-testid="purposes">
      <h2 id="purposes-h">{t('report_purposes')}</h2>
      <PurposeCounts counts={s.counts} />
      <TrackingPlatforms platforms={trackingPlatforms(s)} />
      <h3>{t('report_purposePlatforms')}</h3>
      {s.platforms.length === 0 ? (
        <p>{t('report_noPlatforms')}</p>
      ) : (
        <table data-testid="purpose-platforms">
          <caption class="sr-only">{t('report_purposePlatforms')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('report_colPlatform')}</th>
              <th scope="col">{t('report_colPurpose')}</th>
              <th scope="col" class="num">
                {t('report_colCount')}
              </th>
              <th scope="col">{t('report_thirdParty')}</th>
            </tr>
          </thead>
          <tbody>
            {s.platforms.map((p) => (
              <tr key={p.name} data-platform={p.name}>
                <td>{p.name}</td>
                <td>{cats(p.categories)}</td>
                <td class="num">{p.cookies}</td>
                <td>{p.thirdParty ? t('report_yes') : t('report_no')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>{t('report_purposeThirdParties')}</h3>
      {s.thirdParties.length === 0 ? (
        <p>{t('report_noThirdParties')}</p>
      ) : (
        <table data-testid="purpose-third-parties">
          <caption class="sr-only">{t('report_purposeThirdParties')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('report_colDomain')}</th>
              <th scope="col" class="num">
                {t('report_colCount')}
              </th>
              <th scope="col">{t('report_colPurpose')}</th>
              <th scope="col">{t('report_colPlatform')}</th>
            </tr>
          </thead>
          <tbody>
            {s.thirdParties.map((p) => (
              <tr key={p.domain} data-third-party={p.domain}>
                <td>{p.domain}</td>
                <td class="num">{p.cookies}</td>
                <td>{cats(p.categories)}</td>
                <td>{p.platforms.join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p class="muted">
        {t('report_purposeSource')}{' '}
        <a href={DATABASE_URL} target="_blank" rel="noopener noreferrer">
          Open Cookie Database
        </a>{' '}
        (Apache-2.0)
      </p>
    </section>
  );
}
