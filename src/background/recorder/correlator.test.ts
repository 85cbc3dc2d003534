import { describe, expect, test } from 'vitest';
import { Correlator, type ObservedChange, type PendingLine } from './correlator';

const line = (over: Partial<PendingLine> = {}): PendingLine => ({
  observationId: 10,
  index: 0,
  name: 'sid',
  domain: '127.0.0.1',
  path: '/',
  deletes: false,
  ...over,
});
const change = (over: Partial<ObservedChange> = {}): ObservedChange => ({
  changeId: 11,
  name: 'sid',
  domain: '127.0.0.1',
  path: '/',
  removed: false,
  cause: 'explicit',
  storeId: '0',
  ...over,
});

describe('Correlator', () => {
  test('line then change: stored', () => {
    const c = new Correlator(1000);
    expect(c.addLine(line(), 0)).toBeUndefined();
    expect(c.addChange(change(), 5)).toEqual({ observationId: 10, index: 0, changeId: 11, outcome: 'stored' });
    expect(c.pending()).toBe(0);
  });

  test('change then line (events crossed): still linked', () => {
    const c = new Correlator(1000);
    expect(c.addChange(change(), 0)).toBeUndefined();
    expect(c.addLine(line(), 3)?.outcome).toBe('stored');
  });

  test('overwrite removal then add: updated', () => {
    const c = new Correlator(1000);
    c.addLine(line(), 0);
    expect(c.addChange(change({ changeId: 20, removed: true, cause: 'overwrite' }), 1)).toBeUndefined();
    expect(c.addChange(change({ changeId: 21 }), 1)).toEqual({
      observationId: 10,
      index: 0,
      changeId: 21,
      outcome: 'updated',
      replacedChangeId: 20,
    });
  });

  test('deleting line matches a removal, not an add', () => {
    const c = new Correlator(1000);
    c.addLine(line({ deletes: true }), 0);
    expect(c.addChange(change({ changeId: 30 }), 1)).toBeUndefined();
    expect(c.addChange(change({ changeId: 31, removed: true, cause: 'expired_overwrite' }), 2)?.outcome).toBe('deleted');
  });

  test('domain cookies match with or without the leading dot, case-insensitively', () => {
    const c = new Correlator(1000);
    c.addLine(line({ domain: 'example.com' }), 0);
    expect(c.addChange(change({ domain: '.Example.com' }), 1)?.outcome).toBe('stored');
  });

  test('a different path or store is a different cookie', () => {
    const c = new Correlator(1000);
    c.addLine(line({ storeId: 'firefox-default' }), 0);
    expect(c.addChange(change({ path: '/x' }), 1)).toBeUndefined();
    expect(c.addChange(change({ storeId: 'firefox-container-1' }), 1)).toBeUndefined();
    expect(c.pending()).toBe(3);
  });

  test('windows expire: unmatched lines and unexplained changes are reported once', () => {
    const c = new Correlator(100);
    c.addLine(line({ predictedReason: 'SameSiteNoneInsecure' }), 0);
    c.addChange(change({ name: 'js', changeId: 40 }), 50);
    expect(c.expire(99)).toEqual({ lines: [], changes: [] });
    const first = c.expire(100);
    expect(first.lines.map((l) => l.predictedReason)).toEqual(['SameSiteNoneInsecure']);
    expect(first.changes).toEqual([]);
    expect(c.expire(150).changes.map((x) => x.changeId)).toEqual([40]);
    expect(c.pending()).toBe(0);
  });

  test('an unexplained replace reports the add with the removal it completes', () => {
    const c = new Correlator(100);
    c.addChange(change({ changeId: 50, removed: true, cause: 'overwrite' }), 0);
    c.addChange(change({ changeId: 51 }), 0);
    expect(c.expire(100).changes).toEqual([expect.objectContaining({ changeId: 51, replaces: 50 })]);
  });

  test('two lines for the same cookie in one response link in order', () => {
    const c = new Correlator(1000);
    c.addLine(line({ index: 0 }), 0);
    c.addLine(line({ index: 1 }), 0);
    expect(c.addChange(change({ changeId: 1 }), 1)?.index).toBe(0);
    c.addChange(change({ changeId: 2, removed: true, cause: 'overwrite' }), 1);
    expect(c.addChange(change({ changeId: 3 }), 1)).toMatchObject({ index: 1, outcome: 'updated' });
  });
});
