/**
 * Shared presentational components: props in, markup out, no data loading. The popup, the
 * DevTools panel and the report page import them from here (which also brings their CSS).
 */
import './components.css';

export { Badge, Flag, SeverityBadge, type Tone } from './Badge';
export { CookieTable, DEFAULT_PAGE_SIZE, type CookieTableProps } from './CookieTable';
export { FindingList } from './FindingList';
export { findingKey, findingText } from './finding-text';
export { LiveSummary } from './LiveSummary';
export { LimitMeter, UsageStatusLabel } from './LimitMeter';
export { RelativeTime } from './RelativeTime';
export { formatAbsolute, formatRelative } from './relative-time';
export { SearchBox } from './SearchBox';
export { filterRows, nextSort, sortRows, type SortColumn, type SortDirection, type SortState } from './table-sort';
export { ValueReveal } from './ValueReveal';
