import type { PurposeCategory } from '../../model/purpose';
import { t } from '../../platform/i18n';
import { countsLine } from './purpose-text';

/** "12 necessary · 3 analytics · 5 marketing" for a header. */
export function PurposeCounts(props: { counts: Readonly<Record<PurposeCategory, number>> }) {
  const line = countsLine(props.counts, t);
  if (line === '') return null;
  return (
    <p class="ui-purpose-counts" data-purpose-counts={line}>
      <span class="ui-sr">{t('ui_purposeCounts_label')} </span>
      {line}
    </p>
  );
}

/** Third-party tracking named by platform: "Tracking: Google Analytics, Meta Pixel". */
export function TrackingPlatforms(props: { platforms: readonly string[] }) {
  if (props.platforms.length === 0) return null;
  return (
    <p class="ui-tracking" data-tracking-platforms={props.platforms.join(', ')}>
      {t('ui_trackingPlatforms', props.platforms.join(', '))}
    </p>
  );
}
