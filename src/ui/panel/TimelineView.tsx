/** The timeline: filters, the virtualized list of rows (newest last) and "load older". */
import { useMemo } from 'preact/hooks';
import { t } from '../../platform/i18n';
import { facets, filterRows, type TimelineFilter } from '../timeline/filter';
import { changeOutcome, ROW_KINDS, type TimelineRow } from '../timeline/rows';
import { VirtualList } from '../timeline/VirtualList';
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

function Row({ row }: { row: TimelineRow }) {
  const outcome = rowOutcome(row);
  return (
    <>
      <span class="t-time">{clockTime(row.time)}</span>
      <span class="t-kind">
        <span aria-hidden="true">{KIND_ICON[row.kind]} </span>
        {t(`panel_kind_${row.kind.replace('-', '_')}`)}
      </span>
      <span class="t-names">{row.names.join(', ')}</span>
      <span class={`t-outcome o-${outcome}`}>
        <span aria-hidden="true">{OUTCOME_ICON[outcome] ?? ''} </span>
        {t(`panel_outcome_${outcome}`)}
        {row.reason ? ` (${row.reason})` : ''}
      </span>
      <span class="t-where">{row.line ?? row.url ?? `${row.change?.domain ?? ''}${row.change?.path ?? ''}`}</span>
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
  rows: readonly TimelineRow[];
  filter: TimelineFilter;
  onFilter: (f: TimelineFilter) => void;
  selectedId: string | undefined;
  onSelect: (row: TimelineRow) => void;
  more: boolean;
  /** The requested page has answered (not only the fast first page): tests wait on it. */
  complete: boolean;
  onLoadOlder: () => void;
}

export function TimelineView(props: TimelineViewProps) {
  const { filter, onFilter } = props;
  const f = useMemo(() => facets(props.rows), [props.rows]);
  const shown = useMemo(() => filterRows(props.rows, filter), [props.rows, filter]);
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
        <select aria-label={t('panel_filter_domain')} value={filter.domain} onChange={(e) => set({ domain: e.currentTarget.value })} data-testid="filter-domain">
          <option value="">{t('panel_filter_all_domains')}</option>
          {f.domains.map((d) => (
            <option key={d} value={d}>
              {d}
            </option>
          ))}
        </select>
        <select aria-label={t('panel_filter_name')} value={filter.name} onChange={(e) => set({ name: e.currentTarget.value })} data-testid="filter-name">
          <option value="">{t('panel_filter_all_names')}</option>
          {f.names.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
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
          aria-live="polite"
          data-testid="row-count"
          data-shown={shown.length}
          data-total={props.rows.length}
          data-filter={JSON.stringify(filter)}
          data-complete={String(props.complete)}
        >
          {t('panel_rows_shown', [String(shown.length), String(props.rows.length)])}
        </span>
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
        rowHeight={ROW_HEIGHT}
        keyOf={(r) => r.id}
        renderRow={(r) => <Row row={r} />}
        selectedKey={props.selectedId}
        onSelect={props.onSelect}
        label={t('panel_timeline_list')}
        idPrefix="tl"
        dataOf={rowData}
      />
    </section>
  );
}
