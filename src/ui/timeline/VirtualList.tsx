/**
 * A fixed-row-height virtual list: only the rows in view (plus a small overscan) are in the DOM,
 * so 100,000 rows cost what 40 do. A listbox with `aria-activedescendant`: arrow keys, Page
 * Up/Down, Home and End move the selection. It stays pinned to the newest (last) row while the
 * user is at the bottom, like a log tail, and leaves the scroll alone otherwise.
 */
import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { listboxTarget } from '../components/listbox-keys';
import { coveringWindow, scrollToReveal, type VisibleWindow } from './window';

export interface VirtualListProps<T> {
  items: readonly T[];
  /** Changes whenever `items` changed, for callers that update the array in place. */
  version?: number;
  rowHeight: number;
  /** Stable id of an item (used for the row element id). */
  keyOf: (item: T) => string;
  renderRow: (item: T, selected: boolean) => ComponentChildren;
  selectedKey: string | undefined;
  onSelect: (item: T) => void;
  label: string;
  idPrefix: string;
  /** `data-*` attributes for a row element, so tests can assert on rows exactly. */
  dataOf?: (item: T) => Record<string, string>;
  /** Enter on the selected row (e.g. move focus into its details). */
  onActivate?: () => void;
  /** Escape in the list (e.g. close the details). */
  onDismiss?: () => void;
}

export function VirtualList<T>(props: VirtualListProps<T>) {
  const { items, rowHeight } = props;
  const ref = useRef<HTMLDivElement>(null);
  const [height, setHeight] = useState(400);
  // The rendered block of rows: state changes only when scrolling leaves it (see coveringWindow),
  // so most scroll frames render nothing and the browser only moves what is already painted.
  const scrollTop = useRef(0);
  const rendered = useRef<VisibleWindow>({ start: 0, end: 0 });
  const [, setRendered] = useState<VisibleWindow>(rendered.current);

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = (): void => setHeight(el.clientHeight);
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  // Follow new rows only while the user is looking at the newest ones. "At the bottom" is read
  // from the DOM as it is before this render commits, not from scroll events: those arrive a frame
  // later and, when pages of rows land in quick succession, describe a list that no longer exists.
  const committedLength = useRef(-1);
  const followTail = useRef(true);
  if (items.length !== committedLength.current) {
    const el = ref.current;
    followTail.current = !el || committedLength.current <= 0 || el.scrollTop + el.clientHeight >= el.scrollHeight - rowHeight;
  }
  useLayoutEffect(() => {
    committedLength.current = items.length;
    const el = ref.current;
    if (!el || !followTail.current) return;
    el.scrollTop = el.scrollHeight;
    onScroll();
  }, [items.length, height]);

  const win = coveringWindow(rendered.current, scrollTop.current, height, rowHeight, items.length);
  rendered.current = win;
  const onScroll = (): void => {
    const el = ref.current;
    if (!el) return;
    scrollTop.current = el.scrollTop;
    const next = coveringWindow(win, el.scrollTop, height, rowHeight, items.length);
    if (next !== win) setRendered(next);
  };

  // Not a search per scroll frame: the selection's index is found again only when the items or
  // the selection changed, and where it was is tried first (new rows are appended after it).
  const lastSelected = useRef(-1);
  const selectedIndex = useMemo(() => {
    const key = props.selectedKey;
    if (key === undefined) return -1;
    const prev = lastSelected.current;
    if (prev >= 0 && prev < items.length && props.keyOf(items[prev] as T) === key) return prev;
    return items.findIndex((i) => props.keyOf(i) === key);
  }, [items, props.version, props.selectedKey]);
  lastSelected.current = selectedIndex;

  const moveTo = (index: number): void => {
    if (items.length === 0) return;
    const i = Math.max(0, Math.min(items.length - 1, index));
    props.onSelect(items[i] as T);
    const el = ref.current;
    if (!el) return;
    const next = scrollToReveal(i, el.scrollTop, el.clientHeight, rowHeight);
    if (next !== undefined) el.scrollTop = next;
  };

  const onKeyDown = (e: KeyboardEvent): void => {
    if (e.key === 'Enter' && selectedIndex >= 0 && props.onActivate) {
      e.preventDefault();
      props.onActivate();
      return;
    }
    if (e.key === 'Escape' && props.onDismiss) {
      e.preventDefault();
      props.onDismiss();
      return;
    }
    const page = Math.max(1, Math.floor(height / rowHeight) - 1);
    const target = listboxTarget(e.key, selectedIndex, items.length, page);
    if (target === undefined) return;
    e.preventDefault();
    moveTo(target);
  };

  const rows: ComponentChildren[] = [];
  for (let i = win.start; i < win.end; i++) {
    const item = items[i] as T;
    const key = props.keyOf(item);
    const selected = i === selectedIndex;
    rows.push(
      <div
        key={key}
        id={`${props.idPrefix}-${key}`}
        role="option"
        aria-selected={selected}
        aria-posinset={i + 1}
        aria-setsize={items.length}
        class={selected ? 'vrow selected' : 'vrow'}
        style={{ top: `${i * rowHeight}px`, height: `${rowHeight}px` }}
        onClick={() => moveTo(i)}
        {...(props.dataOf ? props.dataOf(item) : {})}
      >
        {props.renderRow(item, selected)}
      </div>,
    );
  }

  return (
    <div
      ref={ref}
      class="vlist"
      role="listbox"
      tabIndex={0}
      aria-label={props.label}
      aria-activedescendant={selectedIndex >= 0 ? `${props.idPrefix}-${props.selectedKey}` : undefined}
      onScroll={onScroll}
      onKeyDown={onKeyDown}
      data-count={items.length}
    >
      <div class="vspacer" style={{ height: `${items.length * rowHeight}px` }}>
        {rows}
      </div>
    </div>
  );
}
