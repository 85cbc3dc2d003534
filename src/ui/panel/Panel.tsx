/**
 * The DevTools panel for one tab: a live timeline with filters, the cookie inspector, and the
 * sessions, limits and findings views. Reads the log (liveQuery) and the browser's current
 * cookies; acts only through the message client (Actions).
 */
import { useLayoutEffect, useMemo, useState } from 'preact/hooks';
import { analyze, registrableDomain } from '../../analysis';
import type { CookieLogDB } from '../../db/schema';
import { LIMIT_PROFILES, type LimitProfileId } from '../../model/limits';
import { BROWSER } from '../../platform/browser';
import { t } from '../../platform/i18n';
import { markLoaded } from '../mount';
import { EMPTY_FILTER, type TimelineFilter } from '../timeline/filter';
import { buildRows, type TimelineRow } from '../timeline/rows';
import { Actions } from './Actions';
import { knownCookies, sessionFacts } from './cookies';
import { CookiesView } from './CookiesView';
import { FindingsView } from './FindingsView';
import { Inspector } from './Inspector';
import { LimitsView } from './LimitsView';
import { lineFindingsMemo } from './line-findings';
import { findingObservations } from './observations';
import { RowDetail } from './RowDetail';
import { SessionsView } from './SessionsView';
import { Tabs, type View } from './Tabs';
import { TimelineView } from './TimelineView';
import { FIRST_PAGE, type LogSlice, PAGE_SIZE, useLogSlice } from './useLog';
import { useScope } from './useScope';

export function Panel({ db, tabId, first }: { db: CookieLogDB; tabId: number; first?: Promise<LogSlice> }) {
  // A small first page puts the newest events on screen fast; the full page follows right after.
  const [limit, setLimit] = useState(FIRST_PAGE);
  const [view, setView] = useState<View>('timeline');
  const [filter, setFilter] = useState<TimelineFilter>(EMPTY_FILTER);
  const [row, setRow] = useState<TimelineRow | undefined>(undefined);
  const [selectedKey, setSelectedKey] = useState<string | undefined>(undefined);
  const [profileId, setProfileId] = useState<LimitProfileId>(BROWSER === 'firefox' ? 'firefox' : 'chromium');
  const profile = LIMIT_PROFILES[profileId];

  const slice = useLogSlice(db, tabId, limit, first);
  const version = useMemo(() => (slice ? slice.changes.reduce((m, c) => Math.max(m, c.id), 0) : -1), [slice]);
  const scope = useScope(db, tabId, version);
  const topLevelSite = scope?.topLevelSite;
  const now = Date.now();

  const lineFindings = useMemo(() => lineFindingsMemo(profile), [profile]);
  const rows = useMemo(() => {
    if (!slice) return [];
    const t0 = performance.now();
    const built = buildRows({ observations: slice.observations, changes: slice.changes, topLevelSite, lineFindings });
    // For the bench's breakdown; bounded so a long session does not pile up entries.
    if (performance.getEntriesByName('panel-rows').length > 500) performance.clearMeasures('panel-rows');
    performance.measure('panel-rows', { start: t0, end: performance.now() });
    return built;
  }, [slice, topLevelSite, lineFindings]);
  const known = useMemo(() => knownCookies(scope?.cookies ?? [], slice?.changes ?? []), [scope, slice]);
  const needsAnalysis = view === 'findings' || view === 'limits' || selectedKey !== undefined || row !== undefined;
  const analysis = useMemo(() => {
    if (!needsAnalysis || !scope || !slice) return undefined;
    const input: Parameters<typeof analyze>[0] = {
      cookies: scope.cookies,
      observations: findingObservations(slice.observations),
      now: Date.now(),
      profile,
    };
    if (topLevelSite) input.topLevelSite = topLevelSite;
    return analyze(input);
  }, [needsAnalysis, scope, slice, profile, topLevelSite]);
  const sessions = useMemo(
    () => (view === 'sessions' && slice ? sessionFacts(known, slice.changes, slice.observations, topLevelSite) : []),
    [view, known, slice, topLevelSite],
  );

  // Loaded = the latest events are on screen; the current cookies (inspector, limits) may follow.
  const ready = slice !== undefined;
  useLayoutEffect(() => {
    if (!ready) return;
    // Committed to the DOM, painted next: the bench measures navigation start → this mark.
    performance.mark('panel-loaded');
    markLoaded();
    setLimit((l) => Math.max(l, PAGE_SIZE));
  }, [ready]);

  // The row's cookie: its logged identity, else the known cookie of that name on the row's site.
  const rowKey =
    row?.cookieKey ??
    (row && row.names.length === 1
      ? known.find((k) => k.info.name === row.names[0] && registrableDomain(k.info.domain) === row.domain)?.info.key
      : undefined);
  const inspectedKey = view === 'timeline' ? rowKey : selectedKey;
  const inspected = inspectedKey === undefined ? undefined : known.find((k) => k.info.key === inspectedKey);

  const selectKey = (key: string): void => {
    setSelectedKey(key);
    setView('cookies');
  };

  return (
    <div class="panel">
      <div class="panel-bar">
        <Tabs view={view} onView={setView} counts={{ timeline: rows.length, cookies: known.length }} />
        <Actions tabId={tabId} />
      </div>
      {!ready || !scope ? (
        <p class="muted" data-testid="loading">
          {t('panel_loading')}
        </p>
      ) : null}
      {scope && !scope.inspectable ? <p class="notice">{t('panel_not_inspectable')}</p> : null}
      <div class="panel-body">
        <div class="panel-main" role="tabpanel" id={`view-${view}`} aria-labelledby={`tab-${view}`}>
          {view === 'timeline' ? (
            <TimelineView
              rows={rows}
              filter={filter}
              onFilter={setFilter}
              selectedId={row?.id}
              onSelect={setRow}
              more={(slice?.more ?? false) && limit >= PAGE_SIZE}
              complete={slice !== undefined && slice.limit >= limit}
              onLoadOlder={() => setLimit((l) => Math.max(l, PAGE_SIZE) + PAGE_SIZE)}
            />
          ) : null}
          {view === 'cookies' ? <CookiesView known={known} selectedKey={selectedKey} onSelect={setSelectedKey} /> : null}
          {view === 'sessions' ? <SessionsView facts={sessions} onSelect={selectKey} /> : null}
          {view === 'limits' && analysis && scope && slice ? (
            <LimitsView
              usage={analysis.usage}
              cookies={scope.cookies}
              changes={slice.changes}
              profile={profile}
              onProfile={setProfileId}
              now={now}
            />
          ) : null}
          {view === 'findings' && analysis ? <FindingsView findings={analysis.findings} /> : null}
        </div>
        {(view === 'timeline' && row) || (view === 'cookies' && inspected) ? (
          <aside class="panel-side" aria-label={t('panel_inspector')}>
            {view === 'timeline' && row ? <RowDetail row={row} /> : null}
            {inspected ? (
              <Inspector
                key={inspected.info.key}
                db={db}
                cookie={inspected}
                findings={analysis?.findings ?? []}
                now={now}
                topLevelSite={topLevelSite}
                profile={profile}
              />
            ) : null}
          </aside>
        ) : null}
      </div>
    </div>
  );
}
