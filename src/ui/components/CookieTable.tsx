import { useMemo, useState } from 'preact/hooks';
import { t } from '../../platform/i18n';
import type { CookieFlag, CookieRow } from '../../view/view-model';
import { PurposeBadge } from '../purpose';
import { Badge, Flag } from './Badge';
import { findingText } from './finding-text';
import { RelativeTime } from './RelativeTime';
import { nextSort, sortRows, type SortColumn, type SortState } from './table-sort';
import { ValueReveal } from './ValueReveal';

/**
 * Rendering thousands of rows would blow the popup's first-paint budget; the first page is what
 * anyone reads, and "show all" is one click away.
 */
export const DEFAULT_PAGE_SIZE = 200;

const COLUMNS: readonly SortColumn[] = ['name', 'domain', 'path', 'size', 'expires'];

const FLAG_LABEL: Record<CookieFlag, string> = { 'no-httponly': 'ui_flag_noHttpOnly', 'no-secure': 'ui_flag_noSecure' };

function Attributes(props: { row: CookieRow }) {
  const { row } = props;
  const c = row.cookie;
  return (
    <span class="ui-badges">
      {row.purpose ? <PurposeBadge purpose={row.purpose} /> : null}
      {row.flags.map((flag) => {
        const f = row.flagFindings[flag];
        return <Flag key={flag} code={flag} label={t(FLAG_LABEL[flag])} reason={f ? findingText(f, (k) => t(k)) : undefined} />;
      })}
      {c.httpOnly ? <Badge code="httponly" tone="good" icon="✓" label="HttpOnly" /> : null}
      {c.secure ? <Badge code="secure" tone="good" icon="✓" label="Secure" /> : null}
      <Badge
        code={`samesite-${c.sameSite}`}
        label={
          c.sameSite === 'unspecified' ? t('ui_badge_sameSiteUnset') : `SameSite=${c.sameSite[0]?.toUpperCase()}${c.sameSite.slice(1)}`
        }
      />
      {row.partitioned ? <Badge code="partitioned" icon="▦" label={t('ui_badge_partitioned')} title={c.partition?.topLevelSite} /> : null}
      {row.sessionId ? <Badge code="session-id" tone="info" icon="⚑" label={t('ui_badge_sessionId')} /> : null}
      {row.jwt ? <Badge code="jwt" tone="info" icon="⎔" label="JWT" /> : null}
      {row.thirdParty ? <Badge code="third-party" icon="↗" label={t('ui_badge_thirdParty')} /> : null}
    </span>
  );
}

function Row(props: { row: CookieRow; now: number; locale: string; valuesWithheld: boolean }) {
  const { row, now, locale } = props;
  const c = row.cookie;
  return (
    <tr
      data-cookie-name={c.name}
      data-cookie-domain={c.domain}
      data-cookie-path={c.path}
      data-section={row.section}
      data-flags={row.flags.join(' ')}
      data-finding-ids={row.findingIds.join(' ')}
      data-top-finding={row.topFinding?.id ?? ''}
    >
      <th scope="row" class="ui-name">
        <span class="ui-cookie-name">{c.name === '' ? t('ui_nameless') : c.name}</span>
        <ValueReveal name={c.name} value={props.valuesWithheld ? undefined : c.value} />
      </th>
      <td class="ui-domain">
        {c.domain}
        {c.hostOnly ? <Badge code="host-only" label={t('ui_hostOnly')} title={t('ui_hostOnlyTitle')} /> : null}
      </td>
      <td class="ui-path">{c.path}</td>
      <td class="ui-num">{t('ui_bytes', String(row.size))}</td>
      <td class="ui-expires">
        {row.expires === null ? (
          <span class="muted">{t('ui_expiresSession')}</span>
        ) : (
          <RelativeTime time={row.expires} now={now} locale={locale} />
        )}
        {row.clamped ? <Badge code="clamped" tone="warn" icon="⇥" label={t('ui_clamped')} title={t('ui_clampedTitle')} /> : null}
      </td>
      <td>
        <Attributes row={row} />
      </td>
    </tr>
  );
}

export interface CookieTableProps {
  rows: readonly CookieRow[];
  /** Visible caption: also the table's accessible name. */
  caption: string;
  now: number;
  locale: string;
  /** Put on the table for tests and styling (e.g. "session" / "persistent"). */
  section?: string;
  pageSize?: number;
  initialSort?: SortState;
  /**
   * How many rows the list has when `rows` holds only its first ones (still arriving): "show all"
   * counts them all. Undefined when `rows` is the whole list.
   */
  total?: number;
  /** The rows carry no values yet (a popup snapshot): "reveal" shows them once they arrive. */
  valuesWithheld?: boolean;
}

/** A compact, sortable table of cookies; the caller filters. */
export function CookieTable(props: CookieTableProps) {
  const [sort, setSort] = useState<SortState>(props.initialSort ?? { column: 'name', direction: 'ascending' });
  const [showAll, setShowAll] = useState(false);
  const sorted = useMemo(() => sortRows(props.rows, sort), [props.rows, sort]);
  const pageSize = props.pageSize ?? DEFAULT_PAGE_SIZE;
  const visible = showAll ? sorted : sorted.slice(0, pageSize);
  return (
    <div class="ui-table-wrap">
      <table class="ui-table" data-section={props.section} data-rows={sorted.length}>
        <caption class="ui-caption">{props.caption}</caption>
        <thead>
          <tr>
            {COLUMNS.map((col) => (
              <th key={col} scope="col" aria-sort={sort.column === col ? sort.direction : undefined}>
                <button type="button" class="ui-sort" data-sort={col} onClick={() => setSort(nextSort(sort, col))}>
                  {t(`ui_col_${col}`)}
                  <span aria-hidden="true" class="ui-sort-mark">
                    {sort.column === col ? (sort.direction === 'ascending' ? '▲' : '▼') : '↕'}
                  </span>
                </button>
              </th>
            ))}
            <th scope="col">{t('ui_col_attributes')}</th>
          </tr>
        </thead>
        <tbody>
          {visible.map((row) => (
            <Row key={row.key} row={row} now={props.now} locale={props.locale} valuesWithheld={props.valuesWithheld === true} />
          ))}
          {visible.length === 0 ? (
            <tr>
              <td class="muted" colSpan={COLUMNS.length + 1}>
                {t('ui_noRows')}
              </td>
            </tr>
          ) : null}
        </tbody>
      </table>
      {Math.max(sorted.length, props.total ?? 0) > visible.length && !showAll ? (
        <button type="button" class="ui-show-all" data-action="show-all" onClick={() => setShowAll(true)}>
          {t('ui_showAll', String(Math.max(sorted.length, props.total ?? 0)))}
        </button>
      ) : null}
    </div>
  );
}
