import type { CookiePurpose, PurposeCategory } from '../../model/purpose';
import { t } from '../../platform/i18n';
import { categoryLabel, sourceLabel } from './purpose-text';

/** A shape per purpose beside its word: the colour only repeats what the text says. */
const ICON: Record<PurposeCategory, string> = {
  necessary: '■',
  personalization: '◐',
  analytics: '◔',
  marketing: '◆',
  unknown: '?',
};

/** A cookie's purpose as a small labelled badge; its source (database platform or rule) on hover and focus. */
export function PurposeBadge(props: { purpose: CookiePurpose; showSource?: boolean }) {
  const p = props.purpose;
  const source = sourceLabel(p, t);
  return (
    <span class={`ui-purpose ui-purpose-${p.category}`} data-purpose={p.category} data-purpose-source={p.source} title={source}>
      <span class="ui-icon" aria-hidden="true">
        {ICON[p.category]}
      </span>
      {categoryLabel(p.category, t)}
      {props.showSource ? <span class="ui-purpose-source"> ({source})</span> : null}
    </span>
  );
}
