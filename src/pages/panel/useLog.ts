/**
 * The panel's live slice of the log: the inspected tab's observations (with the changes their
 * Set-Cookie lines caused) and every change on the sites the tab talked to, so script writes,
 * expiries and evictions — which belong to no tab — appear too. Paged (newest first in the
 * queries), so a 100,000-event log costs what one page costs, and split into time segments
 * (./segments.ts) so a stream of new events re-reads only the newest few hundred.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Range } from '../../db/queries';
import { type LogReader, type LogSlice, SETTLED_CHECK_MS, sliceSignature, tailSeed } from './log-reads';
import { LogStore, sliceWithin } from './log-store';
import { initialSegments, roll, type Segment, withBaseLimit } from './segments';

export { diskReader, FIRST_PAGE, type LogReader, type LogSlice, PAGE_SIZE, readLogSlice } from './log-reads';

/**
 * How often the open tail is re-read: new events show within half a second, and under a stream
 * the timeline is updated at most twice a second (with the events the poll found new or patched).
 */
export const TAIL_POLL_MS = 500;

interface Subscribable<T> {
  subscribe(o: { next: (v: T) => void; error: (err: unknown) => void }): { unsubscribe(): void };
}

/**
 * The open tail is polled rather than live-queried: under a stream of writes (hundreds of
 * events a second, each batch and each correlation patch its own transaction) Dexie re-starts a
 * live query on every mutation, and one that takes longer than the gap between writes never
 * answers while the page burns its CPU re-running it (measured with bench/panel.bench.ts). A poll
 * runs each read to completion, at most every TAIL_POLL_MS, one at a time.
 */
function pollTail(query: () => Promise<LogSlice>, firstAfter = 0): Subscribable<LogSlice> {
  return {
    subscribe({ next, error }) {
      let stopped = false;
      let timer: ReturnType<typeof setTimeout> | undefined;
      let last = '';
      const run = (): void => {
        const started = performance.now();
        query()
          .then(
            (v) => {
              const sig = sliceSignature(v);
              if (!stopped && sig !== last) next(v);
              last = sig;
            },
            (err: unknown) => {
              if (!stopped) error(err);
            },
          )
          .finally(() => {
            if (!stopped) timer = setTimeout(run, Math.max(0, TAIL_POLL_MS - (performance.now() - started)));
          });
      };
      if (firstAfter > 0) timer = setTimeout(run, firstAfter);
      else run();
      return {
        unsubscribe() {
          stopped = true;
          clearTimeout(timer);
        },
      };
    },
  };
}

/**
 * A settled segment: read once, then every SETTLED_CHECK_MS a check by ids (cheap) decides
 * whether to read it again. Replaces a live query, which re-read it after every batch the
 * recorder wrote (./settled.ts).
 */
function pollSettled(query: () => Promise<LogSlice>, changed: (last: LogSlice) => Promise<boolean>): Subscribable<LogSlice> {
  return {
    subscribe({ next, error }) {
      let stopped = false;
      let timer: ReturnType<typeof setTimeout> | undefined;
      let last: LogSlice | undefined;
      const read = async (): Promise<void> => {
        const v = await query();
        if (stopped) return;
        last = v;
        next(v);
      };
      const run = (): void => {
        const step = last ? changed(last).then((c) => (c && !stopped ? read() : undefined)) : read();
        step
          .catch((err: unknown) => {
            if (!stopped) error(err);
          })
          .finally(() => {
            if (!stopped) timer = setTimeout(run, SETTLED_CHECK_MS);
          });
      };
      run();
      return {
        unsubscribe() {
          stopped = true;
          clearTimeout(timer);
        },
      };
    },
  };
}

function rangeOf(s: Segment): Range {
  const r: Range = { limit: s.limit };
  if (s.since !== undefined) r.since = s.since;
  if (s.until !== undefined) r.until = s.until;
  return r;
}

function times(s: LogSlice): number[] {
  const out: number[] = [];
  for (const o of s.observations) out.push(o.time);
  for (const c of s.changes) out.push(c.time);
  return out;
}

/** The panel's page of the log: its events (store), bumped `version` per change, and the base page's size. */
export interface LiveLog {
  store: LogStore;
  /** The store's version this render reflects: one poll that changed something = one new version. */
  version: number;
  /** The page was full: older entries exist. */
  more: boolean;
  /** Size of the base page the events reflect (the first small page, then the full one). */
  limit: number;
}

const EARLY = 'early';

/**
 * Carries what the replaced segments held into the segments replacing them, each its own time
 * range, until their own queries answer: the page never blanks while they load, and an event
 * that only moves from one segment to another is neither removed nor re-added.
 */
function replaceSegments(store: LogStore, cur: readonly Segment[], next: readonly Segment[]): void {
  const nextKeys = new Set(next.map((s) => s.key));
  const curKeys = new Set(cur.map((s) => s.key));
  const replaced = cur.filter((s) => !nextKeys.has(s.key)).map((s) => s.key);
  const carried = store.answerOf(replaced);
  const oldBase = cur[0] ? store.page(cur[0].key) : undefined;
  next.forEach((seg, i) => {
    if (curKeys.has(seg.key) || store.has(seg.key)) return;
    const part = sliceWithin(carried, seg.since, seg.until);
    if (i === 0 && oldBase) {
      part.more = oldBase.more;
      part.limit = oldBase.limit;
    }
    store.setPart(seg.key, part, false);
  });
  for (const k of replaced) store.dropPart(k);
}

/**
 * `first`: the base read started before the first render (the page entry starts it at module
 * load), so the newest events do not wait for Preact's first effects; the segments take over.
 * Every answer goes into one LogStore and a callback changes state once, so one poll costs one
 * render, and the store hands the timeline only what changed.
 */
export function useLiveLog(reader: LogReader, tabId: number, limit: number, first?: Promise<LogSlice>): LiveLog | undefined {
  const store = useMemo(() => new LogStore(), []);
  const [segments, setSegments] = useState<readonly Segment[]>(() => initialSegments(Date.now(), limit));
  const current = useRef(segments);
  const [version, setVersion] = useState(0);
  const publish = (): void => setVersion(store.version);

  useLayoutEffect(() => {
    let stale = false;
    first?.then(
      (v) => {
        const base = current.current[0];
        if (stale || (base && store.answered(base.key))) return;
        store.setPart(EARLY, v);
        publish();
      },
      () => undefined,
    );
    return () => {
      stale = true;
    };
  }, [first]);

  useEffect(() => {
    const cur = current.current;
    const next = withBaseLimit(cur, limit);
    if (next === cur) return;
    replaceSegments(store, cur, next);
    current.current = next;
    setSegments(next);
    publish();
  }, [limit]);

  // Sites known so far, so an open tail with only script changes still finds them.
  const sitesKey = useMemo(() => store.sites().join(' '), [version]);

  // One query per segment, kept across rolls: a roll adds two small queries and drops one, it
  // does not re-read the others.
  const subs = useRef(new Map<string, { unsubscribe(): void }>());
  useEffect(() => {
    const idOf = (seg: Segment, i: number): string => (i === segments.length - 1 ? `${seg.key}|${sitesKey}` : seg.key);
    const wanted = new Set(segments.map(idOf));
    for (const [id, sub] of subs.current) {
      if (!wanted.has(id)) {
        sub.unsubscribe();
        subs.current.delete(id);
      }
    }
    segments.forEach((seg, i) => {
      const id = idOf(seg, i);
      if (subs.current.has(id)) return;
      const isTail = i === segments.length - 1;
      const known = isTail ? sitesKey.split(' ').filter(Boolean) : [];
      const query = isTail
        ? reader.tail(tabId, rangeOf(seg), known, store.has(seg.key) ? tailSeed(store.answerOf([seg.key]), known, seg.limit) : undefined)
        : (): Promise<LogSlice> => reader.slice(tabId, rangeOf(seg), known);
      const check = (last: LogSlice): Promise<boolean> => reader.settledChanged(tabId, rangeOf(seg), last);
      // A tail cut from the previous one starts with what that one read a moment ago: its first
      // read can wait for the next poll (at 500 events/s that halves the tail's reads).
      const sub = (isTail ? pollTail(query, store.has(seg.key) ? TAIL_POLL_MS : 0) : pollSettled(query, check)).subscribe({
        next: (v) => {
          const cur = current.current;
          // An answer for a segment already rolled or folded away.
          if (!cur.some((s) => s.key === seg.key)) return;
          if (performance.getEntriesByName('panel-log').length === 0) performance.mark('panel-log');
          store.setPart(seg.key, v);
          if (store.has(EARLY) && cur.every((s) => store.answered(s.key))) store.dropPart(EARLY);
          if (isTail && cur[cur.length - 1]?.key === seg.key) {
            const next = roll(cur, times(v));
            if (next !== cur) {
              replaceSegments(store, cur, next);
              current.current = next;
              setSegments(next);
            }
          }
          publish();
        },
        error: (err: unknown) => console.warn('panel: log query failed', err),
      });
      subs.current.set(id, sub);
    });
  }, [reader, tabId, segments, sitesKey]);
  useEffect(
    () => () => {
      for (const sub of subs.current.values()) sub.unsubscribe();
      subs.current.clear();
    },
    [],
  );

  // Shown once the early page or every segment has answered (segments replacing answered ones
  // start with what those held, so the page never goes back to loading).
  const shown = useRef(false);
  shown.current ||= store.has(EARLY) || segments.every((s) => store.has(s.key));
  if (!shown.current) return undefined;
  const base = segments[0];
  const page = (base && store.answered(base.key) ? store.page(base.key) : undefined) ??
    store.page(EARLY) ??
    (base ? store.page(base.key) : undefined) ?? { more: false, limit: 0 };
  return { store, version, more: page.more, limit: page.limit };
}
