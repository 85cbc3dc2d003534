/** A purpose picker for the timeline and the cookie list (issue 16). */
import { PURPOSE_CATEGORIES, type PurposeCategory } from '../../model/purpose';
import { t } from '../../platform/i18n';
import { categoryLabel } from '../../ui/purpose';

export function PurposeFilter(props: { value: PurposeCategory | ''; onChange: (v: PurposeCategory | '') => void; testId: string }) {
  return (
    <select
      aria-label={t('panel_filter_purpose')}
      value={props.value}
      onChange={(e) => props.onChange(e.currentTarget.value as PurposeCategory | '')}
      data-testid={props.testId}
    >
      <option value="">{t('panel_filter_all_purposes')}</option>
      {PURPOSE_CATEGORIES.map((c) => (
        <option key={c} value={c}>
          {categoryLabel(c, t)}
        </option>
      ))}
    </select>
  );
}
