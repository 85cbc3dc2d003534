/**
 * Purposes for the panel's purpose filters (issue 16). The panel page may load the cookie database
 * (the popup may not); a timeline row's purposes are those of the cookies it names, remembered per
 * row since a filter re-checks every row on each change.
 */
import { purposeOf } from '../../analysis';
import type { CookieInfo } from '../../model/cookie';
import type { PurposeCategory } from '../../model/purpose';
import type { TimelineRow } from '../../ui/timeline/rows';

const byRow = new WeakMap<TimelineRow, readonly PurposeCategory[]>();

export function rowPurposes(row: TimelineRow): readonly PurposeCategory[] {
  let out = byRow.get(row);
  if (out === undefined) {
    const domain = (row.change?.domain ?? row.domain).replace(/^\./, '').toLowerCase();
    const party = row.party === 'unknown' ? 'unknown' : row.party;
    out = [...new Set(row.names.map((name) => purposeOf({ name, domain }, { party }).category))];
    byRow.set(row, out);
  }
  return out;
}

/** A known cookie's purpose category; `topLevelSite` decides first or third party. */
export function cookiePurpose(c: CookieInfo, party: 'first' | 'third' | 'unknown'): PurposeCategory {
  return purposeOf({ name: c.name, domain: c.domain, value: c.value }, { party }).category;
}
