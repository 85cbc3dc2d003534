import { expect, test } from 'vitest';
import type { SetCookieRecord } from '../model/events';
import type { PreparedOp } from './batch';
import { prepareChange, prepareObservation } from './log-ops';
import { makeChange, makeObservation } from './test-helpers';
import { type Queued, weigh, WriteQueue } from './write-queue';

const line = (i: number): SetCookieRecord => ({
  line: `c${i}=; Path=/`,
  name: `c${i}`,
  valueLength: 1,
  valueDigest: 'd',
  outcome: 'pending',
});

let nextId = 0;
const item = (op: PreparedOp): Queued & { id: number } => ({ op, weight: weigh(op), id: ++nextId });
const change = () => item({ op: 'addChange', record: prepareChange(makeChange(), ++nextId, false) });
const observation = (lines: number, names = 0) =>
  item({
    op: 'addObservation',
    record: prepareObservation(
      makeObservation({
        setCookies: Array.from({ length: lines }, (_, i) => line(i)),
        cookieNames: names ? ['a', 'b', 'c'].slice(0, names) : undefined,
      }),
      ++nextId,
      false,
    ),
  });
const patch = () => item({ op: 'patchSetCookie', observationId: 1, index: 0, patch: { outcome: 'stored' } });

test.each([
  ['a change', change(), 1],
  ['a patch', patch(), 1],
  ['an observation: one plus its lines', observation(5), 6],
  ['an observation: one plus its names', observation(0, 3), 4],
])('weighs %s', (_, q, weight) => {
  expect(q.weight).toBe(weight);
});

test('within its budget nothing is shed', () => {
  const q = new WriteQueue(10);
  for (let i = 0; i < 10; i++) expect(q.push(change())).toEqual({ patches: [], detail: 0, records: [] });
  expect([q.length, q.weight]).toEqual([10, 10]);
});

test('over its budget patches go first, oldest first, and the records stay', () => {
  const q = new WriteQueue(4);
  const o = observation(2);
  q.push(o);
  const p1 = patch();
  const p2 = patch();
  q.push(p1);
  const shed = q.push(p2);
  expect(shed).toEqual({ patches: [p1], detail: 0, records: [] });
  expect(q.weight).toBe(4);
});

test('then the lines and names of queued observations, counted as not recorded', () => {
  const q = new WriteQueue(5);
  const o = observation(4);
  q.push(o);
  const shed = q.push(observation(0, 3));
  expect(shed).toMatchObject({ patches: [], detail: 4, records: [] });
  expect(o.op.op === 'addObservation' && [o.op.record.setCookies, o.op.record.setCookiesOmitted]).toEqual([[], 4]);
  expect([q.length, q.weight]).toEqual([2, 5]);
});

test('records go only when no detail is left, oldest first', () => {
  const q = new WriteQueue(3);
  const items = [change(), change(), change(), change(), change()];
  const shed = items.map((c) => q.push(c));
  expect(shed.flatMap((s) => s.records)).toEqual(items.slice(0, 2));
  expect(q.length).toBe(3);
});

test('the batch being written is never shed', () => {
  const q = new WriteQueue(3);
  const [a, b] = [observation(1), change()];
  q.push(a);
  expect(q.take(10)).toEqual([a]);
  expect(q.push(b).records).toEqual([]);
  // Over budget: the in-flight observation keeps its line; the queued change goes instead.
  const more = q.push(change());
  expect(more.detail).toBe(0);
  expect(a.op.op === 'addObservation' && a.op.record.setCookies?.length).toBe(1);
  expect(more.records).toEqual([b]);
  q.done();
  expect(q.length).toBe(1);
});

test('a flood keeps the weight within the budget and every record while detail is left to shed', () => {
  const q = new WriteQueue(1_000);
  let records = 0;
  let maxWeight = 0;
  for (let r = 0; r < 200; r++) {
    records += q.push(observation(50)).records.length;
    for (let i = 0; i < 50; i++) records += q.push(patch()).records.length;
    maxWeight = Math.max(maxWeight, q.weight);
  }
  expect(maxWeight).toBeLessThanOrEqual(1_000);
  expect(records).toBe(0);
});
