/** Which rows a fixed-row-height virtual list renders: the visible ones plus a small overscan. */
export interface VisibleWindow {
  start: number;
  /** Exclusive. */
  end: number;
}

export function visibleWindow(scrollTop: number, viewportHeight: number, rowHeight: number, count: number, overscan = 8): VisibleWindow {
  if (count <= 0 || rowHeight <= 0) return { start: 0, end: 0 };
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const visible = Math.ceil(Math.max(0, viewportHeight) / rowHeight) + 1;
  const start = Math.max(0, Math.min(count - 1, first - overscan));
  const end = Math.min(count, first + visible + overscan);
  return { start, end: Math.max(start, end) };
}

/**
 * The rows a virtual list keeps rendered while it scrolls: the current window as long as it still
 * covers the visible rows plus `margin` on each side, else a new one reaching `overscan` rows past
 * them. Scrolling then changes the DOM once every ~`overscan - margin` rows, in one block, instead
 * of adding and removing a row or two on every frame (each such frame restyled, laid out and
 * repainted the list).
 */
export function coveringWindow(
  current: VisibleWindow,
  scrollTop: number,
  viewportHeight: number,
  rowHeight: number,
  count: number,
  margin = 3,
  overscan = 24,
): VisibleWindow {
  if (count <= 0 || rowHeight <= 0) return { start: 0, end: 0 };
  const first = Math.min(count - 1, Math.floor(Math.max(0, scrollTop) / rowHeight));
  const last = Math.min(count, Math.ceil((Math.max(0, scrollTop) + Math.max(0, viewportHeight)) / rowHeight));
  const needStart = Math.max(0, first - margin);
  const needEnd = Math.min(count, Math.max(last, first + 1) + margin);
  if (
    current.start <= needStart &&
    current.end >= needEnd &&
    current.end <= count &&
    current.end - current.start <= needEnd - needStart + 2 * overscan
  ) {
    return current;
  }
  return { start: Math.max(0, first - overscan), end: Math.min(count, Math.max(last, first + 1) + overscan) };
}

/** The scrollTop that brings row `index` fully into view, or undefined when it already is. */
export function scrollToReveal(index: number, scrollTop: number, viewportHeight: number, rowHeight: number): number | undefined {
  const top = index * rowHeight;
  if (top < scrollTop) return top;
  if (top + rowHeight > scrollTop + viewportHeight) return top + rowHeight - viewportHeight;
  return undefined;
}
