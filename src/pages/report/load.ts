/**
 * What the report is built from: the cookies in scope (asked of the background, which scopes them
 * to cookie stores: a tab's own; no private ones unless this page is in a private window), the
 * Set-Cookie lines the log recorded as rejected for that scope, and, when asked, its change log.
 */
import { domainChanges, domainObservations, recentChanges, recentObservations, tabObservations } from '../../db/queries';
import type { CookieLogDB } from '../../db/schema';
import type { CookieChangeEvent, HeaderObservation, SessionMark } from '../../model/events';
import type { SessionLog, SetCookieLineInput } from '../../report/index';
import { setCookieLines } from './lines';
import { createClient } from '../../messaging/client';
import { messageRuntime } from '../../platform/runtime';
import { isPrivateStore } from '../../platform/cookies';
import type { Scope, ScopedCookies } from '../../ui/scope';
import { logSources, mergeLogs, type LogPart } from './log-sources';

const client = createClient(messageRuntime());

/** How far back the log is read: a report is about the recent past, and each query is bounded. */
const LOG_LIMIT = 5_000;

export interface ReportData {
  scoped: ScopedCookies;
  setCookieLines: SetCookieLineInput[];
  /** Undefined when history was not asked for. */
  events: CookieChangeEvent[] | undefined;
  /** Header observations in scope: none for a tab means its headers were not recorded. */
  observationCount: number;
  /** What the Sessions section is read from: changes and observations in scope, and the marks. */
  sessionLog: SessionLog;
  /**
   * Set when the on-disk log could not be read (a page in a Firefox private window has no
   * IndexedDB): the report then covers only what the background holds in memory.
   */
  diskUnreadable?: string;
  loadedAt: number;
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

async function marksIn(db: CookieLogDB, scoped: ScopedCookies): Promise<SessionMark[]> {
  const all = await db.marks.orderBy('time').toArray();
  if (scoped.scope.kind === 'all') return all;
  const sites = new Set(scoped.domains);
  return all.filter((m) => m.kind === 'startup' || (m.site !== undefined && sites.has(m.site)));
}

async function diskPart(db: CookieLogDB, scoped: ScopedCookies): Promise<LogPart> {
  const [observations, changes, marks] = await Promise.all([
    observationsFor(db, scoped.scope),
    changesFor(db, scoped),
    marksIn(db, scoped),
  ]);
  return { observations, changes, marks };
}

/** The private log's part, asked of the background: the only place it lives. */
async function memoryPart(scoped: ScopedCookies): Promise<LogPart> {
  const { scope } = scoped;
  const filters =
    scope.kind === 'tab'
      ? [{ tabId: scope.tabId }, ...scoped.domains.map((domain) => ({ domain }))]
      : scope.kind === 'domain'
        ? [{ domain: scope.domain }]
        : [{}];
  const answers = await Promise.all(filters.map((f) => client.send('getPrivateLog', { ...f, limit: LOG_LIMIT })));
  const marks = await client.send('getMarks', {});
  const sites = new Set(scoped.domains);
  return {
    observations: answers[0]?.observations ?? [],
    changes: answers.slice(scope.kind === 'tab' ? 1 : 0).flatMap((a) => a.changes),
    marks:
      scope.kind === 'all'
        ? marks.filter((m) => m.id < 0 || m.kind === 'startup')
        : marks.filter((m) => m.kind === 'startup' || (m.site !== undefined && sites.has(m.site))),
  };
}

/**
 * Where the log is read: a normal scope from the on-disk log in this page (as before); a private
 * tab's from the background's memory log only; a private window's domain or all-cookies scope from
 * both, the disk part only where this page can open IndexedDB.
 */
export async function loadReportData(db: CookieLogDB, scope: Scope, includeHistory: boolean, now: number): Promise<ReportData> {
  const scoped = await client.send('getScope', scope);
  const sources = logSources(scoped.stores, isPrivateStore);
  const parts: LogPart[] = [];
  let diskUnreadable: string | undefined;
  if (sources.memory) parts.push(await memoryPart(scoped));
  if (sources.disk === 'required') parts.push(await diskPart(db, scoped));
  if (sources.disk === 'if-readable') {
    try {
      parts.push(await diskPart(db, scoped));
    } catch (err) {
      diskUnreadable = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
    }
  }
  const { observations, changes, marks } = mergeLogs(parts);
  const events = includeHistory ? changes : undefined;
  return {
    scoped,
    setCookieLines: setCookieLines(observations),
    events,
    observationCount: observations.length,
    sessionLog: { changes, observations, marks },
    loadedAt: now,
    ...(diskUnreadable === undefined ? {} : { diskUnreadable }),
  };
}
