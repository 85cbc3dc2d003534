import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { CookieLogDB, StoredChange, StoredObservation } from '../../db/schema';
import { makeChange, makeObservation, openTestDb } from '../../db/test-helpers';
import type { Range } from '../../db/queries';
import { change, line, observation } from '../../ui/timeline/fixtures';
import { PATCH_WAIT_MS, settledChanged, waitingIds } from './settled';
import { type LogSlice, readLogSlice, readTailSince, settledSliceChanged } from './log-reads';

const NOW = 1_700_000_100_000;

describe('waitingIds', () => {
  test('recent pending lines and recent unlinked changes; old or settled ones are not waited on', () => {
    const s: LogSlice = {
      observations: [
        observation({ id: 1, time: NOW - 1_000, setCookies: [line({ outcome: 'stored' }), line({ outcome: 'pending' })] }),
        observation({ id: 2, time: NOW - 1_000, setCookies: [line({ outcome: 'stored' })] }),
        observation({ id: 3, time: NOW - PATCH_WAIT_MS - 1, setCookies: [line({ outcome: 'pending' })] }),
      ],
      changes: [
        change({ id: 4, time: NOW - 1_000 }),
        change({ id: 5, time: NOW - 1_000, linkedObservationId: 2 }),
        change({ id: 6, time: NOW - PATCH_WAIT_MS - 1 }),
      ],
      sites: ['a.test'],
      more: false,
      limit: 10,
    };
    expect(waitingIds(s, NOW)).toEqual({ observations: [1], changes: [4] });
  });

  test('an answer compared with itself has not changed', () => {
    const o = observation({ id: 1, setCookies: [line({ outcome: 'pending' })] });
    const c = change({ id: 2 });
    const s: LogSlice = { observations: [o], changes: [c], sites: ['a.test'], more: false, limit: 10 };
    expect(
      settledChanged(s, { observations: [1], changes: [2], more: false }, { observations: [1], changes: [2] }, [], {
        observations: [o],
        changes: [c],
      }),
    ).toBe(false);
  });
});

type Mutation =
  | { kind: 'none' }
  | { kind: 'deleteObservation'; pick: number }
  | { kind: 'deleteChange'; pick: number }
  | { kind: 'addObservation'; time: number; tabId: number; site: string }
  | { kind: 'addChange'; time: number; site: string }
  | { kind: 'settleLine'; pick: number }
  | { kind: 'linkChange'; pick: number };

const SITES = ['example.com', 'other.test'];
const time = fc.integer({ min: NOW - 20_000, max: NOW });
const pick = fc.nat(1_000);
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.constant({ kind: 'none' as const }),
  fc.record({ kind: fc.constant('deleteObservation' as const), pick }),
  fc.record({ kind: fc.constant('deleteChange' as const), pick }),
  fc.record({
    kind: fc.constant('addObservation' as const),
    time,
    tabId: fc.constantFrom(1, 2),
    site: fc.constantFrom(...SITES, 'new.test'),
  }),
  fc.record({ kind: fc.constant('addChange' as const), time, site: fc.constantFrom(...SITES, 'third.test') }),
  fc.record({ kind: fc.constant('settleLine' as const), pick }),
  fc.record({ kind: fc.constant('linkChange' as const), pick }),
);

const event = fc.record({
  time,
  tabId: fc.constantFrom(1, 1, 2),
  site: fc.constantFrom(...SITES),
  pending: fc.boolean(),
  linked: fc.boolean(),
  script: fc.boolean(),
});

let nextId = 1;

async function seed(db: CookieLogDB, events: (typeof event extends fc.Arbitrary<infer E> ? E : never)[]): Promise<void> {
  for (const e of events) {
    const oid = nextId++;
    const cid = nextId++;
    if (e.script) {
      await db.changes.put({
        ...makeChange({ time: e.time, registrableDomain: e.site, domain: e.site, source: 'script' }),
        id: cid,
        cookieKey: `k${cid}`,
      } as StoredChange);
      continue;
    }
    const setCookies = [
      {
        line: 'sid=',
        name: 'sid',
        valueLength: 3,
        valueDigest: 'd',
        outcome: e.pending ? ('pending' as const) : ('stored' as const),
        ...(e.pending ? {} : { changeEventId: cid }),
      },
    ];
    await db.observations.put({
      ...makeObservation({ time: e.time, tabId: e.tabId, registrableDomain: e.site, setCookies }),
      id: oid,
      cookieMentions: [],
    } as StoredObservation);
    await db.changes.put({
      ...makeChange({ time: e.time, registrableDomain: e.site, domain: e.site }),
      id: cid,
      cookieKey: `k${cid}`,
      ...(e.linked && !e.pending ? { linkedObservationId: oid } : {}),
    } as StoredChange);
  }
}

async function mutate(db: CookieLogDB, m: Mutation, last: LogSlice): Promise<void> {
  const nth = <T>(xs: readonly T[], n: number): T | undefined => (xs.length === 0 ? undefined : xs[n % xs.length]);
  const waiting = waitingIds(last, NOW);
  switch (m.kind) {
    case 'none':
      return;
    case 'deleteObservation': {
      const all = (await db.observations.toCollection().primaryKeys()) as number[];
      const id = nth(all, m.pick);
      if (id !== undefined) await db.observations.delete(id);
      return;
    }
    case 'deleteChange': {
      const all = (await db.changes.toCollection().primaryKeys()) as number[];
      const id = nth(all, m.pick);
      if (id !== undefined) await db.changes.delete(id);
      return;
    }
    case 'addObservation':
      await db.observations.put({
        ...makeObservation({ time: m.time, tabId: m.tabId, registrableDomain: m.site }),
        id: nextId++,
        cookieMentions: [],
      } as StoredObservation);
      return;
    case 'addChange': {
      const id = nextId++;
      await db.changes.put({
        ...makeChange({ time: m.time, registrableDomain: m.site, domain: m.site }),
        id,
        cookieKey: `k${id}`,
      } as StoredChange);
      return;
    }
    // Patches land on records still waiting for them (the correlator's window), as in the recorder.
    case 'settleLine': {
      const id = nth(waiting.observations, m.pick);
      if (id === undefined) return;
      await db.observations
        .where('id')
        .equals(id)
        .modify((o) => {
          const l = o.setCookies?.[0];
          if (l) l.outcome = 'rejected';
        });
      return;
    }
    case 'linkChange': {
      const id = nth(waiting.changes, m.pick);
      if (id !== undefined) await db.changes.update(id, { linkedObservationId: 999_999, source: 'http' });
      return;
    }
  }
}

const ids = (s: LogSlice): string =>
  JSON.stringify([
    s.observations.map((o) => [o.id, (o.setCookies ?? []).map((l) => `${l.outcome}|${l.changeEventId ?? ''}|${l.reason ?? ''}`)]).sort(),
    s.changes.map((c) => [c.id, c.linkedObservationId ?? '', c.source]).sort(),
  ]);

describe('settledSliceChanged', () => {
  test('true exactly when reading the segment again answers other events or other correlation states', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(event, { maxLength: 25 }),
        fc.record({
          since: fc.option(time, { nil: undefined }),
          until: fc.option(time, { nil: undefined }),
          limit: fc.constantFrom(3, 100),
        }),
        fc.array(mutation, { minLength: 1, maxLength: 3 }),
        async (events, r, mutations) => {
          const db = openTestDb();
          try {
            await seed(db, events);
            const range: Range = { limit: r.limit };
            if (r.since !== undefined) range.since = r.since;
            if (r.until !== undefined) range.until = r.until;
            const last = await readLogSlice(db, 1, range);
            for (const m of mutations) await mutate(db, m, last);
            const again = await readLogSlice(db, 1, range);
            expect(await settledSliceChanged(db, 1, range, last, NOW)).toBe(ids(again) !== ids(last));
          } finally {
            db.close();
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('readTailSince', () => {
  test('answers what a full read of the range answers (or asks for one), reading only new and waiting events', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(event, { maxLength: 25 }),
        fc.record({
          since: fc.option(time, { nil: undefined }),
          until: fc.option(time, { nil: undefined }),
          limit: fc.constantFrom(3, 100),
        }),
        fc.constantFrom([], ['example.com'], ['other.test', 'third.test']),
        fc.array(mutation, { minLength: 1, maxLength: 3 }),
        async (events, r, known, mutations) => {
          const db = openTestDb();
          try {
            await seed(db, events);
            const range: Range = { limit: r.limit };
            if (r.since !== undefined) range.since = r.since;
            if (r.until !== undefined) range.until = r.until;
            const last = await readLogSlice(db, 1, range, known);
            for (const m of mutations) await mutate(db, m, last);
            const again = await readLogSlice(db, 1, range, known);
            const next = await readTailSince(db, 1, range, known, last, NOW);
            if (next === undefined) return;
            expect(ids(next)).toBe(ids(again));
            expect(next.sites).toEqual(again.sites);
          } finally {
            db.close();
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
