/**
 * "in 13 days" / "3 hours ago" through Intl.RelativeTimeFormat, so every locale the browser knows
 * gets its own grammar without our translating units. Pure: `now` and the locale are parameters.
 */
const UNITS: ReadonlyArray<readonly [Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 86_400_000],
  ['month', 30 * 86_400_000],
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
  ['second', 1000],
];

/** The largest unit the distance fills at least once ("in 13 days", not "in 2 weeks"; weeks read worse in a table). */
export function relativeParts(target: number, now: number): { value: number; unit: Intl.RelativeTimeFormatUnit } {
  const diff = target - now;
  const abs = Math.abs(diff);
  for (const [unit, ms] of UNITS) {
    // Below 60 days, days stay exact: "in 45 days" is what a cookie's Max-Age usually says.
    if (unit === 'month' && abs < 60 * 86_400_000) continue;
    if (abs >= ms) return { value: Math.round(diff / ms), unit };
  }
  return { value: 0, unit: 'second' };
}

const formatters = new Map<string, Intl.RelativeTimeFormat>();

export function formatRelative(target: number, now: number, locale: string): string {
  let f = formatters.get(locale);
  if (!f) {
    try {
      f = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
    } catch {
      f = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
    }
    formatters.set(locale, f);
  }
  const { value, unit } = relativeParts(target, now);
  return f.format(value, unit);
}

const absolute = new Map<string, Intl.DateTimeFormat>();

/**
 * Absolute date and time for the hover title, in the user's locale with the time zone named. One
 * formatter per locale: `toLocaleString` with options builds a new one per call, per table row.
 */
export function formatAbsolute(target: number, locale: string): string {
  const d = new Date(target);
  if (Number.isNaN(d.getTime())) return String(target);
  try {
    let f = absolute.get(locale);
    if (!f) {
      f = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'long' });
      absolute.set(locale, f);
    }
    return f.format(d);
  } catch {
    return d.toISOString();
  }
}
