/** Purpose UI pieces for the popup, the panel and the report page; they take data, never the cookie database. */
export { PurposeBadge } from './PurposeBadge';
export { PurposeCounts, TrackingPlatforms } from './PurposeCounts';
export { categoryLabel, countsLine, sourceLabel } from './purpose-text';
