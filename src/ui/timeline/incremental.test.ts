import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { CookieChangeEvent, HeaderObservation, SetCookieOutcome } from '../../model/events';
import { EMPTY_FILTER, facets, filterRows, type TimelineFilter } from './filter';
import { change, line, observation } from './fixtures';
import { emptyDelta, FilteredRows, IncrementalTimeline, type LogDelta } from './incremental';
import { buildRows, ROW_KINDS, type RowContext } from './rows';

// Ids are unique across both log tables: observations even, changes odd.
const obsId = fc.integer({ min: 0, max: 40 }).map((n) => n * 2);
const changeId = fc.integer({ min: 0, max: 40 }).map((n) => n * 2 + 1);
const time = fc.integer({ min: 0, max: 6 });
const name = fc.constantFrom('sid', 'a', 'b', 'bad');
const site = fc.constantFrom('a.test', 'b.test', '');
const outcome = fc.constantFrom<SetCookieOutcome>('pending', 'stored', 'updated', 'deleted', 'unchanged', 'rejected');

const arbObservation: fc.Arbitrary<HeaderObservation> = fc.oneof(
  fc.record({ id: obsId, time, names: fc.array(name, { maxLength: 3 }), site, http: fc.boolean() }).map((r) =>
    observation({
      id: r.id,
      time: r.time,
      kind: 'request',
      cookieNames: r.names,
      registrableDomain: r.site,
      scheme: r.http ? 'http' : 'https',
      url: `${r.http ? 'http' : 'https'}://${r.site || 'x'}/`,
    }),
  ),
  fc
    .record({
      id: obsId,
      time,
      site,
      top: fc.option(site, { nil: undefined }),
      lines: fc.array(
        fc.record({
          name,
          outcome,
          link: fc.option(changeId, { nil: undefined }),
          warn: fc.boolean(),
          reason: fc.option(fc.constant('Why'), { nil: undefined }),
        }),
        { maxLength: 3 },
      ),
    })
    .map((r) => {
      const o = observation({
        id: r.id,
        time: r.time,
        registrableDomain: r.site,
        setCookies: r.lines.map((l) =>
          line({
            name: l.name,
            outcome: l.outcome,
            ...(l.link === undefined ? {} : { changeEventId: l.link }),
            ...(l.warn ? { warnings: ['w'] } : {}),
            ...(l.reason === undefined ? {} : { reason: l.reason }),
          }),
        ),
      });
      if (r.top === undefined) delete o.topLevelSite;
      else o.topLevelSite = r.top;
      return o;
    }),
);

const arbChange: fc.Arbitrary<CookieChangeEvent> = fc
  .record({
    id: changeId,
    time,
    name,
    site,
    removed: fc.boolean(),
    cause: fc.constantFrom('explicit', 'overwrite', 'expired', 'evicted') as fc.Arbitrary<CookieChangeEvent['cause']>,
    source: fc.constantFrom('http', 'script', 'unknown') as fc.Arbitrary<CookieChangeEvent['source']>,
  })
  .map((r) =>
    change({
      id: r.id,
      time: r.time,
      name: r.name,
      domain: r.site || 'x',
      registrableDomain: r.site,
      removed: r.removed,
      cause: r.cause,
      source: r.source,
    }),
  );

const deltaOf = (n: number): fc.Arbitrary<LogDelta> =>
  fc.record({
    observations: fc.array(arbObservation, { maxLength: n }),
    changes: fc.array(arbChange, { maxLength: n }),
    removedObservations: fc.array(obsId, { maxLength: n / 2 }),
    removedChanges: fc.array(changeId, { maxLength: n / 2 }),
  });
const arbDelta = deltaOf(6);

const arbFilter: fc.Arbitrary<TimelineFilter> = fc.record({
  // The purpose filter needs the cookie database (the panel's RowPurposes): filter.test.ts covers it.
  purpose: fc.constant('' as const),
  domain: fc.constantFrom('', 'a.test', 'b.test'),
  name: fc.constantFrom('', 'sid', 'a'),
  kind: fc.constantFrom('', ...ROW_KINDS),
  party: fc.constantFrom('', 'first', 'third') as fc.Arbitrary<TimelineFilter['party']>,
  flaggedOnly: fc.boolean(),
  search: fc.constantFrom('', 'SID', 'stored', 'http:'),
});

const lineFindings: RowContext['lineFindings'] = (_o, s, i) => (s.name === 'bad' ? [`bad${i}`] : []);

/** The log a sequence of deltas leaves (removals of a delta apply before its upserts). */
function replay(deltas: readonly LogDelta[]): { observations: HeaderObservation[]; changes: CookieChangeEvent[] } {
  const obs = new Map<number, HeaderObservation>();
  const changes = new Map<number, CookieChangeEvent>();
  for (const d of deltas) {
    for (const id of d.removedObservations) obs.delete(id);
    for (const id of d.removedChanges) changes.delete(id);
    for (const o of d.observations) obs.set(o.id, o);
    for (const c of d.changes) changes.set(c.id, c);
  }
  return { observations: [...obs.values()], changes: [...changes.values()] };
}

describe('IncrementalTimeline', () => {
  test('after every delta: exactly the rows, facets and filtered rows of a full rebuild', () => {
    fc.assert(
      fc.property(
        fc.array(arbDelta, { minLength: 1, maxLength: 12 }),
        fc.option(site, { nil: undefined }),
        arbFilter,
        (deltas, top, filter) => {
          const ctx: RowContext = { topLevelSite: top, lineFindings };
          const timeline = new IncrementalTimeline(ctx);
          const shown = new FilteredRows();
          const unfiltered = new FilteredRows();
          for (let n = 1; n <= deltas.length; n++) {
            timeline.apply(deltas[n - 1] as LogDelta);
            const full = buildRows({ ...replay(deltas.slice(0, n)), topLevelSite: top, lineFindings });
            expect(timeline.rows).toEqual(full);
            expect(timeline.facets()).toEqual(facets(full));
            expect([...shown.update(timeline, filter)]).toEqual(filterRows(full, filter));
            expect([...unfiltered.update(timeline, EMPTY_FILTER)]).toEqual(full);
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  test('large deltas (bulk removal and merge paths) match a full rebuild too', () => {
    fc.assert(
      fc.property(fc.array(deltaOf(40), { minLength: 1, maxLength: 5 }), (deltas) => {
        const timeline = new IncrementalTimeline({ topLevelSite: 'a.test', lineFindings });
        for (let n = 1; n <= deltas.length; n++) {
          timeline.apply(deltas[n - 1] as LogDelta);
          expect(timeline.rows).toEqual(buildRows({ ...replay(deltas.slice(0, n)), topLevelSite: 'a.test', lineFindings }));
        }
      }),
      { numRuns: 200 },
    );
  });

  test('a filter followed across skipped versions and filter changes still matches', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(arbDelta, arbFilter, fc.boolean()), { minLength: 1, maxLength: 10 }), (steps) => {
        const timeline = new IncrementalTimeline({ topLevelSite: 'a.test' });
        const shown = new FilteredRows();
        const deltas: LogDelta[] = [];
        for (const [delta, filter, look] of steps) {
          timeline.apply(delta);
          deltas.push(delta);
          if (!look) continue;
          const full = buildRows({ ...replay(deltas), topLevelSite: 'a.test' });
          expect([...shown.update(timeline, filter)]).toEqual(filterRows(full, filter));
        }
      }),
      { numRuns: 300 },
    );
  });

  test('reset rebuilds every row under a new first-party site', () => {
    const o = observation({ id: 2, kind: 'request', cookieNames: ['sid'], registrableDomain: 'b.test' });
    delete o.topLevelSite;
    const c = change({ id: 3, registrableDomain: 'b.test', source: 'script' });
    const timeline = new IncrementalTimeline({ topLevelSite: 'a.test' });
    timeline.apply({ ...emptyDelta(), observations: [o], changes: [c] });
    expect(timeline.rows.map((r) => r.party)).toEqual(['third', 'third']);
    const next = new IncrementalTimeline({ topLevelSite: 'b.test' });
    next.reset([o], [c]);
    expect(next.rows).toEqual(buildRows({ observations: [o], changes: [c], topLevelSite: 'b.test' }));
  });

  test('appending newer events touches only the new rows', () => {
    const timeline = new IncrementalTimeline();
    const first = Array.from({ length: 100 }, (_, i) => change({ id: i * 2 + 1, time: i, source: 'script' }));
    timeline.apply({ ...emptyDelta(), changes: first });
    const before = [...timeline.rows];
    const more = [change({ id: 1001, time: 500, source: 'script' })];
    const done = timeline.apply({ ...emptyDelta(), changes: more });
    expect(done.removed).toEqual([]);
    expect(done.added.map((r) => r.id)).toEqual(['c1001']);
    expect(timeline.rows.slice(0, 100).every((r, i) => r === before[i])).toBe(true);
  });

  test('a change whose line arrives later loses its own row and gives the line its cookie key', () => {
    const timeline = new IncrementalTimeline();
    const c = change({ id: 3, time: 5 });
    timeline.apply({ ...emptyDelta(), changes: [c] });
    expect(timeline.rows.map((r) => r.id)).toEqual(['c3']);
    const o = observation({ id: 4, time: 5, setCookies: [line({ changeEventId: 3 })] });
    timeline.apply({ ...emptyDelta(), observations: [o] });
    expect(timeline.rows.map((r) => [r.id, r.cookieKey])).toEqual([['s4.0', c.cookieKey]]);
  });
});
