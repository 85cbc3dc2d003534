/**
 * How the panel keeps a live page of a busy log cheap: the page is split by time into segments,
 * each its own query over a bounded time range. Only the small open-ended tail is polled for new
 * events; older segments are read again only when something in their range changes (a late
 * correlation patch, a clear — see ./settled.ts for how that is checked cheaply). When the
 * tail grows it is cut into a bounded segment; when bounded segments pile up they are folded back
 * into one base page (one full read every few thousand events instead of one per write).
 */

export interface Segment {
  /** Stable id for subscriptions. */
  key: string;
  /** Inclusive time bounds (ms); undefined = open. */
  since?: number;
  until?: number;
  /** Newest entries kept; the base page uses the page size, the others are bounded by time. */
  limit: number;
}

/** Tail entries older than the patch window before it is cut. */
export const ROLL_AT = 100;
/**
 * Entries newer than this (ms) stay in the tail: the recorder writes in batches (a little
 * late) and patches correlations shortly after, and both must land in the polled tail rather
 * than in a bounded segment's range. A later write is still seen (every segment is live).
 */
export const PATCH_WINDOW_MS = 1_500;
/** Bounded segments kept before they are folded into the base page. */
export const MAX_FROZEN = 20;
const UNBOUNDED = 100_000;

export function initialSegments(now: number, limit: number): Segment[] {
  return [
    { key: `b${now}`, until: now, limit },
    { key: `t${now + 1}`, since: now + 1, limit: UNBOUNDED },
  ];
}

/** The base page follows the requested size (first page, full page, "load older"). */
export function withBaseLimit(segments: readonly Segment[], limit: number): readonly Segment[] {
  const [base, ...rest] = segments;
  if (!base || base.limit === limit) return segments;
  return [{ ...base, key: `b${base.until ?? 'open'}:${limit}`, limit }, ...rest];
}

/**
 * After the tail answered with entries at `times`: cut it when enough of them are older than the
 * patch window, keeping that window open; fold bounded segments into the base when there are many.
 * Counting only the older entries matters: at 500 events/s the window alone holds hundreds, and
 * cutting on those would cut on every answer.
 */
export function roll(segments: readonly Segment[], times: readonly number[]): readonly Segment[] {
  const tail = segments[segments.length - 1];
  // Unchanged → the same array, so React-style state setters see no change and nothing re-renders.
  if (!tail || times.length < ROLL_AT) return segments;
  let newest = -Infinity;
  for (const t of times) if (t > newest) newest = t;
  const cut = Math.floor(newest - PATCH_WINDOW_MS);
  let older = 0;
  for (const t of times) if (t <= cut) older++;
  if (older < ROLL_AT || (tail.since !== undefined && cut < tail.since)) return segments;
  const frozen: Segment = { key: `f${tail.since}-${cut}`, until: cut, limit: UNBOUNDED };
  if (tail.since !== undefined) frozen.since = tail.since;
  const next = [...segments.slice(0, -1), frozen, { key: `t${cut + 1}`, since: cut + 1, limit: UNBOUNDED }];
  const base = next[0] as Segment;
  if (next.length - 2 <= MAX_FROZEN) return next;
  // Fold: one base page of the newest `limit` entries up to the cut.
  return [{ key: `b${cut}:${base.limit}`, until: cut, limit: base.limit }, next[next.length - 1] as Segment];
}
