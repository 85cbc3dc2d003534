/**
 * What the report is built from: the cookies in scope (the browser's jar, via ui/scope), the
 * Set-Cookie lines the log recorded as rejected for that scope, and, when asked, its change log.
 */
import { utf8Length } from '../../analysis/index';
import { domainChanges, domainObservations, recentChanges, recentObservations, tabObservations } from '../../db/queries';
import type { CookieLogDB } from '../../db/schema';
import type { CookieChangeEvent, HeaderObservation } from '../../model/events';
import type { RejectedLineInput } from '../../report/index';
import { loadScope, type Scope, type ScopedCookies } from '../../ui/scope';

/** How far back the log is read: a report is about the recent past, and each query is bounded. */
const LOG_LIMIT = 5_000;

export interface ReportData {
  scoped: ScopedCookies;
  rejected: RejectedLineInput[];
  /** Undefined when history was not asked for. */
  events: CookieChangeEvent[] | undefined;
  loadedAt: number;
}

export function rejectedLines(observations: readonly HeaderObservation[]): RejectedLineInput[] {
  const out: RejectedLineInput[] = [];
  for (const o of observations) {
    if (o.kind !== 'response') continue;
    (o.setCookies ?? []).forEach((s, i) => {
      if (s.outcome !== 'rejected') return;
      const line: RejectedLineInput = {
        url: o.url,
        time: o.time,
        line: s.line,
        name: s.name,
        reason: s.reason ?? 'unknown',
        nameValueBytes: utf8Length(s.name) + s.valueLength,
        lineIndex: i,
      };
      if (o.topLevelSite !== undefined) line.topLevelSite = o.topLevelSite;
      out.push(line);
    });
  }
  return out;
}

async function observationsFor(db: CookieLogDB, scope: Scope): Promise<HeaderObservation[]> {
  if (scope.kind === 'tab') return tabObservations(db, scope.tabId, { limit: LOG_LIMIT });
  if (scope.kind === 'domain') return domainObservations(db, scope.domain, { limit: LOG_LIMIT });
  return recentObservations(db, { limit: LOG_LIMIT });
}

async function changesFor(db: CookieLogDB, scoped: ScopedCookies): Promise<CookieChangeEvent[]> {
  if (scoped.scope.kind === 'all') return recentChanges(db, { limit: LOG_LIMIT });
  const lists = await Promise.all(scoped.domains.map((d) => domainChanges(db, d, { limit: LOG_LIMIT })));
  return lists.flat();
}

export async function loadReportData(db: CookieLogDB, scope: Scope, includeHistory: boolean, now: number): Promise<ReportData> {
  const scoped = await loadScope(db, scope);
  const [observations, events] = await Promise.all([
    observationsFor(db, scope),
    includeHistory ? changesFor(db, scoped) : Promise.resolve(undefined),
  ]);
  return { scoped, rejected: rejectedLines(observations), events, loadedAt: now };
}
