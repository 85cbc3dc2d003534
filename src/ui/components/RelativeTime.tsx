import { formatAbsolute, formatRelative } from './relative-time';

/** "in 13 days" with the absolute date on hover (title) and in the machine-readable dateTime. */
export function RelativeTime(props: { time: number; now: number; locale: string }) {
  const absolute = formatAbsolute(props.time, props.locale);
  const date = new Date(props.time);
  return (
    <time dateTime={Number.isNaN(date.getTime()) ? undefined : date.toISOString()} title={absolute}>
      {formatRelative(props.time, props.now, props.locale)}
    </time>
  );
}
