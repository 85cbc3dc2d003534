import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { CookieChangeEvent, HeaderObservation } from '../../model/events';
import { change, line, observation } from '../../ui/timeline/fixtures';
import type { LogDelta } from '../../ui/timeline/incremental';
import { changeSignature, LogStore, observationSignature, type PartAnswer, sliceWithin } from './log-store';

const obsOf = (id: number, v: number): HeaderObservation =>
  observation({
    id: id * 2,
    time: id,
    setCookies: [line({ outcome: v === 0 ? 'pending' : 'stored', ...(v === 0 ? {} : { changeEventId: id * 2 + 1 }) })],
  });
const changeOf = (id: number, v: number): CookieChangeEvent =>
  change({ id: id * 2 + 1, time: id, source: v === 0 ? 'unknown' : 'http', ...(v === 0 ? {} : { linkedObservationId: id * 2 }) });

type Op = { kind: 'set'; key: string; obs: [number, number][]; changes: [number, number][] } | { kind: 'drop'; key: string };

const key = fc.constantFrom('b', 'f1', 'f2', 't');
// An answer holds each id once (readLogSlice dedupes by id).
const ids = fc.uniqueArray(fc.tuple(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 1 })), {
  maxLength: 8,
  selector: ([i]) => i,
});
const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('set' as const), key, obs: ids, changes: ids }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('drop' as const), key }) },
);

describe('LogStore', () => {
  test('the deltas it hands on rebuild exactly what its parts hold, latest versions included', () => {
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 20 }), fc.integer({ min: 1, max: 5 }), (ops, drainEvery) => {
        const store = new LogStore();
        const parts = new Map<string, Op & { kind: 'set' }>();
        const latestObs = new Map<number, HeaderObservation>();
        const latestChanges = new Map<number, CookieChangeEvent>();
        const mirrorObs = new Map<number, HeaderObservation>();
        const mirrorChanges = new Map<number, CookieChangeEvent>();
        const applyDelta = (d: LogDelta): void => {
          for (const id of d.removedObservations) mirrorObs.delete(id);
          for (const id of d.removedChanges) mirrorChanges.delete(id);
          for (const o of d.observations) mirrorObs.set(o.id, o);
          for (const c of d.changes) mirrorChanges.set(c.id, c);
        };
        ops.forEach((o, n) => {
          if (o.kind === 'drop') {
            parts.delete(o.key);
            store.dropPart(o.key);
          } else {
            parts.set(o.key, o);
            const answer: PartAnswer = {
              observations: o.obs.map(([i, v]) => obsOf(i, v)),
              changes: o.changes.map(([i, v]) => changeOf(i, v)),
              sites: [],
            };
            for (const e of answer.observations) latestObs.set(e.id, e);
            for (const e of answer.changes) latestChanges.set(e.id, e);
            store.setPart(o.key, answer);
          }
          if (n % drainEvery === 0 || n === ops.length - 1) applyDelta(store.drain());
        });
        const heldObs = new Set([...parts.values()].flatMap((p) => p.obs.map(([i]) => i * 2)));
        const heldChanges = new Set([...parts.values()].flatMap((p) => p.changes.map(([i]) => i * 2 + 1)));
        const sigs = <T>(m: Map<number, T>, sig: (e: T) => string) => new Map([...m].map(([id, e]) => [id, sig(e)]));
        expect(sigs(mirrorObs, observationSignature)).toEqual(
          sigs(new Map([...heldObs].map((id) => [id, latestObs.get(id) as HeaderObservation])), observationSignature),
        );
        expect(sigs(mirrorChanges, changeSignature)).toEqual(
          sigs(new Map([...heldChanges].map((id) => [id, latestChanges.get(id) as CookieChangeEvent])), changeSignature),
        );
        expect(new Set(store.observations())).toEqual(new Set(mirrorObs.values()));
        expect(new Set(store.changes())).toEqual(new Set(mirrorChanges.values()));
      }),
      { numRuns: 500 },
    );
  });

  test('a re-read that found nothing new hands on nothing; a patched line is handed on', () => {
    const store = new LogStore();
    store.setPart('t', { observations: [obsOf(1, 0)], changes: [], sites: [] });
    expect(store.drain().observations).toHaveLength(1);
    const v = store.version;
    store.setPart('t', { observations: [obsOf(1, 0)], changes: [], sites: [] });
    expect([store.version, store.drain()]).toEqual([v, { observations: [], changes: [], removedObservations: [], removedChanges: [] }]);
    store.setPart('t', { observations: [obsOf(1, 1)], changes: [], sites: [] });
    expect(store.drain().observations.map((o) => o.setCookies?.[0]?.outcome)).toEqual(['stored']);
  });

  test('a first answer with no events, or a page that grew, is still a new version (the panel shows "loaded")', () => {
    const store = new LogStore();
    store.setPart('early', { observations: [], changes: [], sites: [], limit: 150 });
    expect(store.version).toBe(1);
    store.setPart('early', { observations: [], changes: [], sites: [], limit: 150 });
    expect(store.version).toBe(1);
    store.setPart('b', { observations: [], changes: [], sites: [] }, false);
    store.setPart('b', { observations: [], changes: [], sites: [], limit: 2000 });
    expect([store.version, store.answered('b'), store.page('b')]).toEqual([3, true, { more: false, limit: 2000 }]);
    store.dropPart('early');
    expect(store.version).toBe(4);
  });

  test('an event moving from one part to another (a roll) is neither removed nor added', () => {
    const store = new LogStore();
    store.setPart('t', { observations: [obsOf(1, 1), obsOf(5, 1)], changes: [changeOf(1, 1)], sites: ['a.test'] });
    store.drain();
    const carried = store.answerOf(['t']);
    store.setPart('f', sliceWithin(carried, undefined, 3), false);
    store.setPart('t2', sliceWithin(carried, 4, undefined), false);
    store.dropPart('t');
    expect(store.drain()).toEqual({ observations: [], changes: [], removedObservations: [], removedChanges: [] });
    expect([store.answered('f'), store.sites()]).toEqual([false, ['a.test']]);
  });

  test('sliceWithin keeps the changes a kept line links, wherever their time', () => {
    const o = observation({ id: 10, time: 5, setCookies: [line({ changeEventId: 11 })] });
    const linked = change({ id: 11, time: 9 });
    const other = change({ id: 13, time: 9 });
    expect(sliceWithin({ observations: [o], changes: [linked, other], sites: [] }, 0, 6).changes).toEqual([linked]);
  });
});
