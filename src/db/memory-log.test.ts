import { describe, expect, test } from 'vitest';
import { DEFAULT_SETTINGS } from '../model/events';
import { MemoryLog } from './memory-log';
import { makeChange, makeObservation } from './test-helpers';

const line = { line: 'sid=secret', name: 'sid', valueLength: 6, valueDigest: 'd', outcome: 'pending' as const };

describe('MemoryLog', () => {
  test('negative ids, patches applied at once, values redacted by default', async () => {
    const log = new MemoryLog();
    const o = log.addObservation(makeObservation({ tabId: 7, setCookies: [line] }));
    const c = log.addChange(makeChange({ value: 'secret', incognito: true }));
    expect([o.id, c.id]).toEqual([-1, -2]);
    log.patchSetCookie(o.id, 0, { outcome: 'stored', changeEventId: c.id });
    log.patchChange(c.id, { linkedObservationId: o.id });
    await expect(log.flush()).resolves.toBeUndefined();
    await expect(c.durable).resolves.toBeUndefined();
    const { changes, observations } = log.query();
    expect(changes[0]).toMatchObject({ id: -2, linkedObservationId: -1 });
    expect(changes[0]?.value).toBeUndefined();
    expect(observations[0]?.setCookies?.[0]).toMatchObject({ line: 'sid=', outcome: 'stored', changeEventId: -2 });
  });

  test('keeps values when recording them', () => {
    const log = new MemoryLog({ getSettings: () => ({ ...DEFAULT_SETTINGS, recordValues: true }) });
    log.addChange(makeChange({ value: 'secret' }));
    expect(log.query().changes[0]?.value).toBe('secret');
  });

  test('evicts the oldest beyond its cap', () => {
    const log = new MemoryLog({ maxEvents: 3 });
    for (let time = 1; time <= 5; time++) log.addChange(makeChange({ time }));
    expect(log.query().changes.map((c) => c.time)).toEqual([5, 4, 3]);
    expect(log.stats()).toEqual({ queued: 0, written: 5, dropped: 0, evicted: 2 });
  });

  test('query filters and returns copies', () => {
    const log = new MemoryLog();
    log.addObservation(makeObservation({ time: 1, tabId: 1 }));
    log.addObservation(makeObservation({ time: 2, tabId: 2, registrableDomain: 'b.test' }));
    log.addChange(makeChange({ time: 3 }));
    log.addChange(makeChange({ time: 4, name: 'other' }));
    expect(log.query({ tabId: 2 }).observations.map((o) => o.time)).toEqual([2]);
    expect(log.query({ tabId: 2 }).changes).toEqual([]);
    expect(log.query({ domain: 'example.com', since: 2 }).changes.map((c) => c.time)).toEqual([4, 3]);
    expect(log.query({ cookieKey: makeChange().cookieKey }).changes.map((c) => c.time)).toEqual([3]);
    expect(log.query({ limit: 1 }).changes.map((c) => c.time)).toEqual([4]);
    const copy = log.query().changes[0];
    if (copy) copy.name = 'changed';
    expect(log.query().changes[0]?.name).toBe('other');
  });

  test('clear: a tab takes its observations and the changes they caused', () => {
    const log = new MemoryLog();
    const o = log.addObservation(makeObservation({ tabId: 1, setCookies: [line] }));
    const c = log.addChange(makeChange());
    log.patchSetCookie(o.id, 0, { changeEventId: c.id });
    log.addObservation(makeObservation({ tabId: 2 }));
    log.addChange(makeChange({ source: 'script' }));
    expect(log.clear({ tabId: 1 })).toBe(2);
    expect(log.size).toBe(2);
    expect(log.clear()).toBe(2);
    expect(log.size).toBe(0);
  });
});

test('purging values removes those kept in memory, from changes and Set-Cookie lines', () => {
  const log = new MemoryLog({ getSettings: () => ({ ...DEFAULT_SETTINGS, recordValues: true }) });
  log.addChange(makeChange({ value: 'secret-1234' }));
  log.addObservation(makeObservation({ setCookies: [{ ...line, line: 'sid=secret-5678; Path=/' }] }));
  expect(JSON.stringify(log.query())).toContain('secret-1234');
  log.purgeValues();
  const all = JSON.stringify(log.query());
  expect(all).not.toContain('secret-1234');
  expect(all).not.toContain('secret-5678');
});
