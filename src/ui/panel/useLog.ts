/**
 * The panel's live slice of the log: the inspected tab's observations (with the changes their
 * Set-Cookie lines caused) and every change on the sites the tab talked to, so script writes,
 * expiries and evictions — which belong to no tab — appear too. Paged (newest first in the
 * queries), so a 100,000-event log costs what one page costs, and split into time segments
 * (./segments.ts) so a stream of new events re-reads only the newest few hundred.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { domainChanges, liveQuery, type Range, tabTimeline } from '../../db/queries';
import type { CookieLogDB } from '../../db/schema';
import type { CookieChangeEvent, HeaderObservation } from '../../model/events';
import { initialSegments, roll, type Segment, withBaseLimit } from './segments';

export const PAGE_SIZE = 2_000;
/** Entries of the very first query: enough to fill a tall DevTools pane. */
export const FIRST_PAGE = 150;

export interface LogSlice {
  observations: HeaderObservation[];
  changes: CookieChangeEvent[];
  /** Registrable domains the tab's observations name. */
  sites: string[];
  /** The page was full: older entries exist. */
  more: boolean;
  /** Size of the base page this answer reflects (the first small page, then the full one). */
  limit: number;
}

/** One time range of the tab's log; `sites` adds sites whose changes to include (script writes have no tab). */
export async function readLogSlice(
  db: CookieLogDB,
  tabId: number,
  range: number | Range,
  knownSites: readonly string[] = [],
): Promise<LogSlice> {
  const r: Range = typeof range === 'number' ? { limit: range } : range;
  const limit = r.limit ?? PAGE_SIZE;
  const entries = await tabTimeline(db, tabId, r);
  const observations: HeaderObservation[] = [];
  const changes = new Map<number, CookieChangeEvent>();
  for (const e of entries) {
    if (e.type === 'observation') observations.push(e.event);
    else changes.set(e.event.id, e.event);
  }
  const sites = new Set<string>(knownSites);
  for (const o of observations) {
    sites.add(o.registrableDomain);
    if (o.topLevelSite) sites.add(o.topLevelSite);
  }
  const perSite = await Promise.all([...sites].map((s) => domainChanges(db, s, r)));
  for (const list of perSite) for (const c of list) changes.set(c.id, c);
  return {
    observations,
    changes: [...changes.values()],
    sites: [...sites].sort(),
    more: observations.length >= limit || perSite.some((l) => l.length >= limit),
    limit,
  };
}

/**
 * How often the open tail is re-read: new events show within half a second, and under a stream
 * the timeline is rebuilt at most twice a second (each rebuild is a few tens of ms of main thread).
 */
export const TAIL_POLL_MS = 500;

/** Cheap identity of a tail answer: a poll that read the same thing triggers no re-render. */
export function sliceSignature(s: LogSlice): string {
  let maxId = 0;
  let settled = 0;
  for (const o of s.observations) {
    if (o.id > maxId) maxId = o.id;
    for (const l of o.setCookies ?? []) if (l.outcome !== 'pending') settled++;
  }
  for (const c of s.changes) if (c.id > maxId) maxId = c.id;
  return `${s.observations.length}/${s.changes.length}/${maxId}/${settled}/${s.sites.join(' ')}`;
}

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
function pollTail(query: () => Promise<LogSlice>): Subscribable<LogSlice> {
  return {
    subscribe({ next, error }) {
      let stopped = false;
      let timer: ReturnType<typeof setTimeout> | undefined;
      let last = '';
      const run = (): void => {
        const started = performance.now();
        query().then(
          (v) => {
            const sig = sliceSignature(v);
            if (!stopped && sig !== last) next(v);
            last = sig;
          },
          (err: unknown) => {
            if (!stopped) error(err);
          },
        ).finally(() => {
          if (!stopped) timer = setTimeout(run, Math.max(0, TAIL_POLL_MS - (performance.now() - started)));
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

function merge(parts: readonly LogSlice[]): LogSlice {
  const observations = new Map<number, HeaderObservation>();
  const changes = new Map<number, CookieChangeEvent>();
  const sites = new Set<string>();
  for (const p of parts) {
    for (const o of p.observations) observations.set(o.id, o);
    for (const c of p.changes) changes.set(c.id, c);
    for (const s of p.sites) sites.add(s);
  }
  return {
    observations: [...observations.values()],
    changes: [...changes.values()],
    sites: [...sites].sort(),
    more: parts[0]?.more ?? false,
    limit: parts[0]?.limit ?? 0,
  };
}

function times(s: LogSlice): number[] {
  return [...s.observations.map((o) => o.time), ...s.changes.map((c) => c.time)];
}

/**
 * `first`: the base read started before the first render (the page entry starts it at module
 * load), so the newest events do not wait for Preact's first effects; the live queries take over.
 */
export function useLogSlice(
  db: CookieLogDB,
  tabId: number,
  limit: number,
  first?: Promise<LogSlice>,
): LogSlice | undefined {
  const [segments, setSegments] = useState<readonly Segment[]>(() => initialSegments(Date.now(), limit));
  const [parts, setParts] = useState<ReadonlyMap<string, LogSlice>>(new Map());
  const [early, setEarly] = useState<LogSlice | undefined>(undefined);

  useLayoutEffect(() => {
    let stale = false;
    first?.then(
      (v) => {
        if (!stale) setEarly(v);
      },
      () => undefined,
    );
    return () => {
      stale = true;
    };
  }, [first]);

  useEffect(() => setSegments((s) => withBaseLimit(s, limit)), [limit]);
  // Answers of segments that were rolled or folded away are dropped with them.
  useEffect(() => {
    const keys = new Set(segments.map((s) => s.key));
    setParts((prev) => ([...prev.keys()].every((k) => keys.has(k)) ? prev : new Map([...prev].filter(([k]) => keys.has(k)))));
  }, [segments]);

  // Sites known so far, so an open tail with only script changes still finds them.
  const sites = useMemo(() => [...new Set([...parts.values()].flatMap((p) => p.sites))].sort(), [parts]);
  const sitesKey = sites.join(' ');

  // One live query per segment, kept across rolls: a roll adds two small queries and drops one,
  // it does not re-read the others.
  const subs = useRef(new Map<string, { unsubscribe(): void }>());
  useEffect(() => {
    const wanted = new Map<string, Segment>();
    segments.forEach((seg, i) => {
      const isTail = i === segments.length - 1;
      wanted.set(isTail ? `${seg.key}|${sitesKey}` : seg.key, seg);
    });
    for (const [id, sub] of subs.current) {
      if (!wanted.has(id)) {
        sub.unsubscribe();
        subs.current.delete(id);
      }
    }
    segments.forEach((seg, i) => {
      const isTail = i === segments.length - 1;
      const id = isTail ? `${seg.key}|${sitesKey}` : seg.key;
      if (subs.current.has(id)) return;
      const known = isTail ? sitesKey.split(' ').filter(Boolean) : [];
      const query = (): Promise<LogSlice> => readLogSlice(db, tabId, rangeOf(seg), known);
      const sub = (isTail ? pollTail(query) : liveQuery(query)).subscribe({
        next: (v) => {
          if (performance.getEntriesByName('panel-log').length === 0) performance.mark('panel-log');
          setParts((prev) => new Map(prev).set(seg.key, v));
          if (isTail) {
            setSegments((cur) => {
              if (cur[cur.length - 1]?.key !== seg.key) return cur;
              const next = roll(cur, times(v));
              if (next === cur) return cur;
              // New segments show what is already known for their range until their own first
              // answer: the page never blanks or freezes while they load (ids dedupe the overlap).
              const fresh = next.filter((n) => !cur.some((c) => c.key === n.key)).map((n) => n.key);
              setParts((prev) => {
                const known = merge([...prev.values(), v]);
                const m = new Map(prev);
                for (const k of fresh) if (!m.has(k)) m.set(k, known);
                return m;
              });
              return next;
            });
          }
        },
        error: (err: unknown) => console.warn('panel: log query failed', err),
      });
      subs.current.set(id, sub);
    });
  }, [db, tabId, segments, sitesKey]);
  useEffect(
    () => () => {
      for (const sub of subs.current.values()) sub.unsubscribe();
      subs.current.clear();
    },
    [],
  );

  // While a new segment has not answered yet, keep showing the last complete merge (no flicker).
  const last = useRef<LogSlice | undefined>(undefined);
  return useMemo(() => {
    const ready = segments.map((s) => parts.get(s.key));
    if (ready.some((p) => p === undefined)) return last.current ?? early;
    last.current = merge(ready as LogSlice[]);
    return last.current;
  }, [segments, parts, early]);
}
