/**
 * The audit report page: reads its scope from the query string, loads cookies and the log, builds
 * the report with the chosen options, shows it, and saves it in any format.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { CookieLogDB } from '../../db/schema';
import { LIMIT_PROFILES } from '../../model/limits';
import { BROWSER, EXTENSION_VERSION } from '../../platform/browser';
import { getBrowserInfo, type BrowserInfo } from '../../platform/browser-info';
import { downloadText } from '../../platform/downloads';
import { t } from '../../platform/i18n';
import { buildReport, FORMATS, reportFileName, type AuditReport, type ReportFormat, type ReportScope } from '../../report/index';
import { markLoaded } from '../../ui/mount';
import type { StoreScope } from '../../model/scope';
import { scopeFromQuery, type Scope } from '../../ui/scope';
import { Shell } from '../../ui/Shell';
import { Controls, type Options } from './Controls';
import { loadReportData, type ReportData } from './load';
import { Purposes } from './Purposes';
import { optionsFromQuery } from './query-options';
import { RecordBanner } from './RecordBanner';
import { Domains, Findings, SessionIds, Sessions, Summary } from './sections';
import { Cookies, Events, Rejected } from './tables';

const db = new CookieLogDB();
export const GENERATOR_NAME = 'Cookie & Session Monitor';

/** A fresh digest key per page: digests compare within one report, never across reports. */
function randomKey(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

function reportScope(scope: Scope, data: ReportData): ReportScope {
  if (scope.kind !== 'tab') return scope;
  return data.scoped.topLevelUrl ? { kind: 'tab', tabId: scope.tabId, url: data.scoped.topLevelUrl } : { kind: 'tab', tabId: scope.tabId };
}

/** Which cookie stores the report covers: the tab's own, or every one but (or with) private windows. */
function storesLabel(stores: StoreScope): string {
  if (stores.kind === 'store') return t('report_storeOne', stores.storeId);
  return t(stores.kind === 'every' ? 'report_storeEvery' : 'report_storeNoPrivate');
}

function scopeLabel(scope: Scope | undefined, data: ReportData | undefined): string {
  if (!scope) return t('report_noScope');
  const stores = data ? ` · ${storesLabel(data.scoped.stores)}` : '';
  if (scope.kind === 'tab') return t('report_scopeTab', [String(scope.tabId), data?.scoped.topLevelUrl ?? '']) + stores;
  if (scope.kind === 'domain') return t('report_scopeDomain', scope.domain) + stores;
  return t('report_scopeAll') + stores;
}

export function ReportPage() {
  const scope = useMemo(() => scopeFromQuery(location.search), []);
  const digestKey = useMemo(randomKey, []);
  const [options, setOptions] = useState<Options>(() =>
    optionsFromQuery(location.search, {
      includeValues: false,
      includeHistory: false,
      profile: BROWSER === 'firefox' ? 'firefox' : 'chromium',
    }),
  );
  const [data, setData] = useState<ReportData | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const [browserInfo, setBrowserInfo] = useState<BrowserInfo>({ name: BROWSER, version: 'unknown' });
  const [lastDownload, setLastDownload] = useState<{ name: string; bytes: number } | null>(null);
  const [reloads, setReloads] = useState(0);

  useEffect(() => {
    void getBrowserInfo().then(setBrowserInfo, () => undefined);
  }, []);

  useEffect(() => {
    if (!scope) {
      markLoaded();
      return;
    }
    let live = true;
    loadReportData(db, scope, options.includeHistory, Date.now()).then(
      (d) => {
        if (!live) return;
        setData(d);
        setError(undefined);
        markLoaded();
      },
      (err: unknown) => {
        if (!live) return;
        setError(err instanceof Error ? err.message : String(err));
        markLoaded();
      },
    );
    return () => {
      live = false;
    };
  }, [scope, options.includeHistory, reloads]);

  const report: AuditReport | undefined = useMemo(() => {
    if (!scope || !data) return undefined;
    return buildReport({
      cookies: data.scoped.cookies,
      setCookieLines: data.setCookieLines,
      events: data.events,
      sessionLog: data.sessionLog,
      context: {
        generatedAt: data.loadedAt,
        generator: { name: GENERATOR_NAME, version: EXTENSION_VERSION },
        browser: { name: browserInfo.name, version: browserInfo.version },
        scope: reportScope(scope, data),
        limitProfile: LIMIT_PROFILES[options.profile],
        valuesIncluded: options.includeValues,
        topLevelSite: data.scoped.topLevelSite,
        digestKey,
      },
    });
  }, [scope, data, browserInfo, options.profile, options.includeValues, digestKey]);

  const download = (format: ReportFormat): void => {
    if (!report) return;
    const spec = FORMATS[format];
    if (spec.needsValues && !report.valuesIncluded) return;
    const saved = downloadText(spec.render(report), reportFileName(report, format), spec.mime);
    setLastDownload(saved);
    document.documentElement.dataset['lastDownload'] = `${format}:${saved.bytes}`;
  };

  return (
    <Shell title={t('report_title')} subtitle={scopeLabel(scope, data)}>
      <div class="report-page" data-values-included={options.includeValues}>
        <Controls
          options={options}
          onChange={setOptions}
          onDownload={download}
          onRefresh={() => setReloads((n) => n + 1)}
          disabled={!report}
          lastDownload={lastDownload}
        />
        {!scope ? <p role="alert">{t('report_noScope')}</p> : null}
        {error ? <p role="alert">{t('report_loadFailed', error)}</p> : null}
        {data?.diskUnreadable ? (
          <p role="note" data-testid="disk-unreadable">
            {t('report_diskUnreadable', data.diskUnreadable)}
          </p>
        ) : null}
        {scope && !report && !error ? <p aria-busy="true">{t('report_loading')}</p> : null}
        {scope?.kind === 'tab' && data && data.scoped.inspectable && data.observationCount === 0 ? (
          <RecordBanner tabId={scope.tabId} onRecorded={() => setReloads((n) => n + 1)} />
        ) : null}
        {report ? (
          <article class="report" data-testid="report" aria-label={t('report_title')}>
            <p class="report-values" data-testid="values-notice">
              <strong>
                <span aria-hidden="true">{report.valuesIncluded ? '⚠ ' : '✓ '}</span>
                {report.valuesIncluded ? t('report_valuesIncluded') : t('report_valuesRedacted')}
              </strong>
            </p>
            <dl class="report-meta">
              <dt>{t('report_generated')}</dt>
              <dd>{report.generatedAt}</dd>
              <dt>{t('report_browser')}</dt>
              <dd>{`${report.browser.name} ${report.browser.version}`}</dd>
              <dt>{t('report_topLevelSite')}</dt>
              <dd>{report.topLevelSite ?? '—'}</dd>
            </dl>
            <Summary report={report} />
            <Findings report={report} />
            <Sessions report={report} />
            <SessionIds report={report} />
            <Purposes report={report} />
            <Domains report={report} />
            <Cookies report={report} />
            <Rejected report={report} />
            <Events report={report} />
          </article>
        ) : null}
      </div>
    </Shell>
  );
}
