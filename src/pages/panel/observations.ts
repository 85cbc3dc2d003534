/** The log's header observations as the findings engine's inputs (src/model/observation.ts). */
import { utf8Length } from '../../analysis/size';
import type { HeaderObservation } from '../../model/events';
import type { FindingObservation } from '../../model/observation';

export function findingObservations(observations: readonly HeaderObservation[]): FindingObservation[] {
  const out: FindingObservation[] = [];
  for (const o of observations) {
    const top = o.topLevelSite === undefined ? {} : { topLevelSite: o.topLevelSite };
    if (o.kind === 'request') {
      if ((o.cookieNames ?? []).length > 0)
        out.push({ kind: 'cookie-sent', url: o.url, time: o.time, cookieNames: o.cookieNames ?? [], ...top });
      continue;
    }
    (o.setCookies ?? []).forEach((s, lineIndex) => {
      out.push({
        kind: 'set-cookie',
        url: o.url,
        time: o.time,
        line: s.line,
        lineIndex,
        // The recorded line's value is redacted: measure the size the browser saw.
        nameValueBytes: utf8Length(s.name) + s.valueLength,
        ...top,
        outcome: s.outcome === 'rejected' ? { accepted: false, reason: s.reason ?? 'unknown' } : { accepted: true },
      });
    });
  }
  return out;
}
