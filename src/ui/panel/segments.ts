/**
 * How the panel keeps a live page of a busy log cheap: the page is split by time into segments,
 * each its own live query over a bounded time range. Dexie re-runs a live query only when a write
 * touches the ranges it read, so new events re-run only the small open-ended tail; older segments
 * re-run only when something in their range changes (a late correlation patch, a clear). When the
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

/** Tail entries before it is cut. */
export const ROLL_AT = 400;
/** Entries newer than this (ms) stay in the tail: the recorder may still patch their outcome. */
export const PATCH_WINDOW_MS = 2_000;
/** Bounded segments kept before they are folded into the base page. */
export const MAX_FROZEN = 6;
const UNBOUNDED = 100_000;

export function initialSegments(now: number, limit: number): Segment[] {
  return [
    { key: `b${now}`, until: now, limit },
    { key: `t${now + 1}`, since: now + 1, limit: UNBOUNDED },
  ];
}

/** The base page follows the requested size (first page, full page, "load older"). */
export function withBaseLimit(segments: readonly Segment[], limit: number): Segment[] {
  const [base, ...rest] = segments;
  if (!base || base.limit === limit) return [...segments];
  return [{ ...base, key: `b${base.until ?? 'open'}:${limit}`, limit }, ...rest];
}

/**
 * After the tail answered with `count` entries, the newest at `newest`: cut it when it is big,
 * keeping the last PATCH_WINDOW_MS open; fold bounded segments into the base when there are many.
 */
export function roll(segments: readonly Segment[], count: number, newest: number): Segment[] {
  const tail = segments[segments.length - 1];
  if (!tail || count < ROLL_AT) return [...segments];
  const cut = Math.floor(newest - PATCH_WINDOW_MS);
  if (tail.since !== undefined && cut < tail.since) return [...segments];
  const frozen: Segment = { key: `f${tail.since}-${cut}`, until: cut, limit: UNBOUNDED };
  if (tail.since !== undefined) frozen.since = tail.since;
  const next = [...segments.slice(0, -1), frozen, { key: `t${cut + 1}`, since: cut + 1, limit: UNBOUNDED }];
  const base = next[0] as Segment;
  if (next.length - 2 <= MAX_FROZEN) return next;
  // Fold: one base page of the newest `limit` entries up to the cut.
  return [
    { key: `b${cut}:${base.limit}`, until: cut, limit: base.limit },
    next[next.length - 1] as Segment,
  ];
}
