/** The timeline: filters, the virtualized list of rows (newest last) and "load older". */
import { Component } from 'preact';
import { useMemo, useRef } from 'preact/hooks';
import { t } from '../../platform/i18n';
import { LiveSummary } from '../../ui/components';
import type { TimelineFilter } from '../../ui/timeline/filter';
import { FilteredRows, type IncrementalTimeline } from '../../ui/timeline/incremental';
import { PurposeFilter } from './PurposeFilter';
import { rowPurposes } from './purposes';
import { changeOutcome, ROW_KINDS, type TimelineRow } from '../../ui/timeline/rows';
import { VirtualList } from '../../ui/timeline/VirtualList';
import { clockTime } from './format';

export const ROW_HEIGHT = 26;

const OUTCOME_ICON: Record<string, string> = {
  stored: '✚',
  updated: '↻',
  deleted: '✖',
  unchanged: '＝',
  rejected: '⛔',
  pending: '…',
  expired: '⌛',
  evicted: '⏏',
};

const KIND_ICON: Record<TimelineRow['kind'], string> = {
  request: '→',
  'set-cookie': '←',
  script: '✎',
  expired: '⌛',
  evicted: '⏏',
  change: '•',
};

export function rowOutcome(r: TimelineRow): string {
  if (r.outcome) return r.outcome;
  if (r.change) return changeOutcome(r.change);
  return 'sent';
}

function rowData(r: TimelineRow): Record<string, string> {
  const d: Record<string, string> = {
    'data-kind': r.kind,
    'data-cookie-name': r.names.join(' '),
    'data-outcome': rowOutcome(r),
    'data-party': r.party,
    'data-flagged': String(r.flagged),
  };
  if (r.reason) d['data-reason'] = r.reason;
  if (r.findings.length > 0) d['data-findings'] = r.findings.join(' ');
  if (r.url) d['data-url'] = r.url;
  return d;
}

/**
 * A cell shows one line cut with an ellipsis: text far past any pane's width is only shaped and
 * laid out for nothing (a request sending 50 cookies names them all). The row detail and the
 * data-* attributes keep the full text.
 */
const CELL_CHARS = 400;
/** The names cell is at most 180 px wide (panel.css): 100 characters overflow it at any font size. */
const NAMES_CHARS = 100;
function clip(text: string, max = CELL_CHARS): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** A row's cells; re-rendered only when the row itself changed (rows are replaced, never mutated). */
class Row extends Component<{ row: TimelineRow }> {
  override shouldComponentUpdate(next: { row: TimelineRow }): boolean {
    return next.row !== this.props.row;
  }

  override render() {
    return <RowCells row={this.props.row} />;
  }
}

function RowCells({ row }: { row: TimelineRow }) {
  const outcome = rowOutcome(row);
  return (
    <>
      <span class="t-time">{clockTime(row.time)}</span>
      <span class="t-kind">
        <span aria-hidden="true">{KIND_ICON[row.kind]} </span>
        {t(`panel_kind_${row.kind.replace('-', '_')}`)}
      </span>
      <span class="t-names">{clip(row.names.join(', '), NAMES_CHARS)}</span>
      <span class={`t-outcome o-${outcome}`}>
        <span aria-hidden="true">{OUTCOME_ICON[outcome] ?? ''} </span>
        {t(`panel_outcome_${outcome}`)}
        {row.reason ? ` (${row.reason})` : ''}
      </span>
      <span class="t-where">
        {clip(row.line ?? row.url ?? `${row.change?.domain ?? ''}${row.change?.path ?? ''}`)}
        {row.omitted ? (
          <span class="t-omitted" data-testid="lines-omitted" data-omitted={row.omitted}>
            {' '}
            {t('panel_lines_omitted', String(row.omitted))}
          </span>
        ) : null}
      </span>
      {row.flagged ? (
        <span class="t-flag" title={t('panel_flagged')}>
          <span aria-hidden="true">⚠</span>
          <span class="sr-only">{t('panel_flagged')}</span>
        </span>
      ) : null}
    </>
  );
}

export interface TimelineViewProps {
  /** The rows, built incrementally; undefined while the log loads. */
  timeline: IncrementalTimeline | undefined;
  /** `timeline.version` when this render was made (the rows are updated in place). */
  version: number;
  filter: TimelineFilter;
  onFilter: (f: TimelineFilter) => void;
  selectedId: string | undefined;
  onSelect: (row: TimelineRow) => void;
  more: boolean;
  /** The requested page has answered (not only the fast first page): tests wait on it. */
  complete: boolean;
  onLoadOlder: () => void;
  /** Enter on the selected row. */
  onActivate?: () => void;
  /** Escape in the list. */
  onDismiss?: () => void;
}

const NO_FACETS = { domains: [] as string[], names: [] as string[] };
const NO_ROWS: readonly TimelineRow[] = [];

/** A picker's <option>s, one per value. */
function optionsOf(values: readonly string[]) {
  return values.map((v) => (
    <option key={v} value={v}>
      {v}
    </option>
  ));
}

export function TimelineView(props: TimelineViewProps) {
  const { filter, onFilter } = props;
  const { timeline, version } = props;
  const f = useMemo(() => timeline?.facets() ?? NO_FACETS, [timeline, version]);
  // Followed incrementally: a poll re-filters only the rows it touched.
  const filtered = useRef(new FilteredRows());
  const shown = useMemo(() => (timeline ? filtered.current.update(timeline, filter, rowPurposes) : NO_ROWS), [timeline, version, filter]);
  const shownVersion = timeline ? filtered.current.version : -1;
  const total = timeline?.rows.length ?? 0;
  // The pickers' options change only when a new domain or name appears: the same vnodes otherwise.
  const domainOptions = useMemo(() => optionsOf(f.domains), [f.domains]);
  const nameOptions = useMemo(() => optionsOf(f.names), [f.names]);
  const set = (patch: Partial<TimelineFilter>): void => onFilter({ ...filter, ...patch });
  return (
    <section class="timeline" aria-label={t('panel_view_timeline')}>
      <div class="filters" role="group" aria-label={t('panel_filters')}>
        <input
          type="search"
          aria-label={t('panel_filter_search')}
          placeholder={t('panel_filter_search')}
          value={filter.search}
          onInput={(e) => set({ search: e.currentTarget.value })}
          data-testid="filter-search"
        />
        <select
          aria-label={t('panel_filter_domain')}
          value={filter.domain}
          onChange={(e) => set({ domain: e.currentTarget.value })}
          data-testid="filter-domain"
        >
          <option value="">{t('panel_filter_all_domains')}</option>
          {domainOptions}
        </select>
        <select
          aria-label={t('panel_filter_name')}
          value={filter.name}
          onChange={(e) => set({ name: e.currentTarget.value })}
          data-testid="filter-name"
        >
          <option value="">{t('panel_filter_all_names')}</option>
          {nameOptions}
        </select>
        <select
          aria-label={t('panel_filter_kind')}
          value={filter.kind}
          onChange={(e) => set({ kind: e.currentTarget.value as TimelineFilter['kind'] })}
          data-testid="filter-kind"
        >
          <option value="">{t('panel_filter_all_kinds')}</option>
          {ROW_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`panel_kind_${k.replace('-', '_')}`)}
            </option>
          ))}
        </select>
        <select
          aria-label={t('panel_filter_party')}
          value={filter.party}
          onChange={(e) => set({ party: e.currentTarget.value as TimelineFilter['party'] })}
          data-testid="filter-party"
        >
          <option value="">{t('panel_filter_all_parties')}</option>
          <option value="first">{t('panel_party_first')}</option>
          <option value="third">{t('panel_party_third')}</option>
        </select>
        <PurposeFilter value={filter.purpose} onChange={(purpose) => set({ purpose })} testId="filter-purpose" />
        <label>
          <input
            type="checkbox"
            checked={filter.flaggedOnly}
            onChange={(e) => set({ flaggedOnly: e.currentTarget.checked })}
            data-testid="filter-flagged"
          />
          {t('panel_filter_flagged')}
        </label>
        <span
          class="muted"
          data-testid="row-count"
          data-shown={shown.length}
          data-total={total}
          data-filter={JSON.stringify(filter)}
          data-complete={String(props.complete)}
        >
          {t('panel_rows_shown', [String(shown.length), String(total)])}
        </span>
        {/* The count changes with every event: screen readers hear it throttled, not each time. */}
        <LiveSummary message={t('panel_rows_shown', [String(shown.length), String(total)])} />
      </div>
      {props.more ? (
        <button type="button" class="older" onClick={props.onLoadOlder} data-testid="load-older">
          {t('panel_load_older')}
        </button>
      ) : null}
      {shown.length === 0 ? (
        <p class="muted empty" data-testid="timeline-empty">
          {t('panel_timeline_empty')}
        </p>
      ) : null}
      <VirtualList
        items={shown}
        version={shownVersion}
        rowHeight={ROW_HEIGHT}
        keyOf={(r) => r.id}
        renderRow={(r) => <Row row={r} />}
        selectedKey={props.selectedId}
        onSelect={props.onSelect}
        label={t('panel_timeline_list')}
        idPrefix="tl"
        dataOf={rowData}
        {...(props.onActivate ? { onActivate: props.onActivate } : {})}
        {...(props.onDismiss ? { onDismiss: props.onDismiss } : {})}
      />
    </section>
  );
}
