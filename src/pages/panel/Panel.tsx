/**
 * The DevTools panel for one tab: a live timeline with filters, the cookie inspector, and the
 * sessions, limits and findings views. Reads the log (./useLog.ts) and the browser's current
 * cookies; acts only through the message client (Actions).
 */
import { useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { analyze, registrableDomain } from '../../analysis';
import type { PanelSource } from './source';
import { LIMIT_PROFILES, type LimitProfileId } from '../../model/limits';
import { BROWSER } from '../../platform/browser';
import { t } from '../../platform/i18n';
import { markLoaded } from '../../ui/mount';
import { EMPTY_FILTER, type TimelineFilter } from '../../ui/timeline/filter';
import { IncrementalTimeline } from '../../ui/timeline/incremental';
import type { TimelineRow } from '../../ui/timeline/rows';
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
import { AuthMomentStrip, SessionTimelines } from './SessionTimelines';
import { ShortcutsHelp } from './ShortcutsHelp';
import { useThrottledMemo } from './throttle';
import { Tabs, type View } from './Tabs';
import { TimelineView } from './TimelineView';
import { FIRST_PAGE, type LogSlice, PAGE_SIZE, useLiveLog } from './useLog';
import { useScope } from './useScope';

/** The full analysis runs at most this often while the log changes (see ./throttle.ts). */
const ANALYSIS_EVERY_MS = 1_000;

export function Panel({ source, tabId, first }: { source: PanelSource; tabId: number; first?: Promise<LogSlice> | undefined }) {
  // A small first page puts the newest events on screen fast; the full page follows right after.
  const [limit, setLimit] = useState(FIRST_PAGE);
  const [view, setView] = useState<View>('timeline');
  const [filter, setFilter] = useState<TimelineFilter>(EMPTY_FILTER);
  const [row, setRow] = useState<TimelineRow | undefined>(undefined);
  const [selectedKey, setSelectedKey] = useState<string | undefined>(undefined);
  const [profileId, setProfileId] = useState<LimitProfileId>(BROWSER === 'firefox' ? 'firefox' : 'chromium');
  const profile = LIMIT_PROFILES[profileId];

  const log = useLiveLog(source.reader, tabId, limit, first);
  const store = log?.store;
  const logVersion = log?.version ?? -1;
  const scope = useScope(tabId);
  const topLevelSite = scope?.topLevelSite;
  const now = Date.now();

  const lineFindings = useMemo(() => lineFindingsMemo(profile), [profile]);
  // The rows follow the log incrementally: a poll hands on only the events it changed. A new
  // first-party site or findings profile changes every row, so those rebuild from the store.
  const builder = useRef<IncrementalTimeline | undefined>(undefined);
  const timeline = useMemo(() => {
    if (!store) return undefined;
    const t0 = performance.now();
    let t = builder.current;
    if (!t || t.ctx.topLevelSite !== topLevelSite || t.ctx.lineFindings !== lineFindings) {
      t = builder.current = new IncrementalTimeline({ topLevelSite, lineFindings });
      store.drain();
      t.reset(store.observations(), store.changes());
    } else {
      t.apply(store.drain());
    }
    // For the bench's breakdown; bounded so a long session does not pile up entries.
    if (performance.getEntriesByName('panel-rows').length > 500) performance.clearMeasures('panel-rows');
    performance.measure('panel-rows', { start: t0, end: performance.now() });
    return { rows: t, version: t.version };
  }, [store, logVersion, topLevelSite, lineFindings]);
  const changes = useMemo(() => store?.changes() ?? [], [store, logVersion]);
  const observations = useMemo(() => store?.observations() ?? [], [store, logVersion]);
  const known = useMemo(() => knownCookies(scope?.cookies ?? [], changes), [scope, changes]);
  const needsAnalysis = view === 'findings' || view === 'limits' || selectedKey !== undefined || row !== undefined;
  // Over every observation of the page: at most once a second while a stream keeps changing them.
  const analysis = useThrottledMemo(
    () => {
      if (!needsAnalysis || !scope || !log) return undefined;
      const input: Parameters<typeof analyze>[0] = {
        cookies: scope.cookies,
        observations: findingObservations(observations),
        now: Date.now(),
        profile,
      };
      if (topLevelSite) input.topLevelSite = topLevelSite;
      return analyze(input);
    },
    [scope, observations],
    [needsAnalysis, scope === undefined, log === undefined, profile, topLevelSite],
    ANALYSIS_EVERY_MS,
  );
  const sessions = useMemo(
    () => (view === 'sessions' && log ? sessionFacts(known, changes, observations, topLevelSite) : []),
    [view, known, changes, observations, topLevelSite],
  );

  // Loaded = the latest events are on screen; the current cookies (inspector, limits) may follow.
  const ready = log !== undefined;
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
  // Enter in a list moves into the details; Escape closes them and gives the list its focus back.
  const openInspector = (): void => document.getElementById('panel-inspector')?.focus();
  const closeInspector = (): void => {
    if (view === 'timeline') setRow(undefined);
    else setSelectedKey(undefined);
    document.querySelector<HTMLElement>('.panel-main [role=listbox]')?.focus();
  };

  return (
    <div class="panel">
      <div class="panel-bar">
        <Tabs view={view} onView={setView} counts={{ timeline: timeline?.rows.rows.length ?? 0, cookies: known.length }} />
        <Actions tabId={tabId} />
        <ShortcutsHelp />
      </div>
      {!ready || !scope ? (
        <p class="muted" data-testid="loading">
          {t('panel_loading')}
        </p>
      ) : null}
      {scope && !scope.inspectable ? <p class="notice">{t('panel_not_inspectable')}</p> : null}
      <div class="panel-body">
        <div class="panel-main" role="tabpanel" id={`view-${view}`} aria-labelledby={`tab-${view}`}>
          {view === 'timeline' && scope ? <AuthMomentStrip moments={scope.authMoments} /> : null}
          {view === 'timeline' ? (
            <TimelineView
              timeline={timeline?.rows}
              version={timeline?.version ?? -1}
              filter={filter}
              onFilter={setFilter}
              selectedId={row?.id}
              onSelect={setRow}
              more={(log?.more ?? false) && limit >= PAGE_SIZE}
              complete={log !== undefined && log.limit >= limit}
              onLoadOlder={() => setLimit((l) => Math.max(l, PAGE_SIZE) + PAGE_SIZE)}
              onActivate={openInspector}
              onDismiss={closeInspector}
            />
          ) : null}
          {view === 'cookies' ? (
            <CookiesView
              known={known}
              selectedKey={selectedKey}
              onSelect={setSelectedKey}
              onActivate={openInspector}
              onDismiss={closeInspector}
              topLevelSite={topLevelSite}
            />
          ) : null}
          {view === 'sessions' ? <SessionTimelines tabId={tabId} sessions={scope?.sessions ?? []} /> : null}
          {view === 'sessions' ? <SessionsView facts={sessions} onSelect={selectKey} /> : null}
          {view === 'limits' && analysis && scope && log ? (
            <LimitsView
              usage={analysis.usage}
              cookies={scope.cookies}
              changes={changes}
              profile={profile}
              onProfile={setProfileId}
              now={now}
            />
          ) : null}
          {view === 'findings' && analysis ? <FindingsView findings={analysis.findings} /> : null}
        </div>
        {(view === 'timeline' && row) || (view === 'cookies' && inspected) ? (
          <aside
            class="panel-side"
            id="panel-inspector"
            tabIndex={-1}
            aria-label={t('panel_inspector')}
            onKeyDown={(e) => {
              if (e.key !== 'Escape') return;
              e.preventDefault();
              closeInspector();
            }}
          >
            {view === 'timeline' && row ? <RowDetail row={row} /> : null}
            {inspected ? (
              <Inspector
                key={inspected.info.key}
                lifecycle={source.lifecycle}
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
