/**
 * Words for purposes in the UI language. Pure over a `translate` function so the counts line is
 * tested without a browser.
 */
import { PURPOSE_CATEGORIES, type CookiePurpose, type PurposeCategory } from '../../model/purpose';

type Translate = (key: string, substitutions?: string | string[]) => string;

export function categoryLabel(category: PurposeCategory, translate: Translate): string {
  return translate(`ui_purpose_${category}`);
}

/** Where the answer came from: "Open Cookie Database: Google Analytics", "Rule: consent". */
export function sourceLabel(p: CookiePurpose, translate: Translate): string {
  if (p.source === 'rule') return translate('ui_purposeSource_rule', p.rule ?? '');
  if (p.source === 'open-cookie-database') return translate('ui_purposeSource_database', p.platform ?? '—');
  return translate('ui_purposeSource_unknown');
}

/** "12 necessary · 3 analytics · 5 marketing": the non-zero categories, in their fixed order. */
export function countsLine(counts: Readonly<Record<PurposeCategory, number>>, translate: Translate): string {
  return PURPOSE_CATEGORIES.filter((c) => counts[c] > 0)
    .map((c) => `${counts[c]} ${translate(`ui_purposeCount_${c}`)}`)
    .join(' · ');
}
