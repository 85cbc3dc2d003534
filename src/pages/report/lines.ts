/** The recorder's Set-Cookie records as report input (pure, so it is tested without a browser). */
import { utf8Length } from '../../analysis/index';
import type { HeaderObservation } from '../../model/events';
import type { SetCookieLineInput } from '../../report/index';

/** Lines whose outcome is known: stored, updated or unchanged count as accepted; deletions say nothing about a cookie. */
export function setCookieLines(observations: readonly HeaderObservation[]): SetCookieLineInput[] {
  const out: SetCookieLineInput[] = [];
  for (const o of observations) {
    if (o.kind !== 'response') continue;
    (o.setCookies ?? []).forEach((s, i) => {
      if (s.outcome === 'pending' || s.outcome === 'deleted') return;
      const line: SetCookieLineInput = {
        url: o.url,
        time: o.time,
        line: s.line,
        name: s.name,
        accepted: s.outcome !== 'rejected',
        nameValueBytes: utf8Length(s.name) + s.valueLength,
        lineIndex: i,
      };
      if (s.outcome === 'rejected') line.reason = s.reason ?? 'unknown';
      if (o.topLevelSite !== undefined) line.topLevelSite = o.topLevelSite;
      out.push(line);
    });
  }
  return out;
}
