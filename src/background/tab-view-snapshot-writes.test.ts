import { describe, expect, test } from 'vitest';
import type { PopupSnapshot, SnapshotIndexEntry } from '../analysis/popup-snapshot';
import { laterWrites } from './tab-view-snapshot';

describe('laterWrites: the snapshot writes storage.session gets', () => {
  const snap = (tabId: number) => ({ tabId, askedAt: 0, validUntil: null, url: 'https://a.test/' }) as unknown as PopupSnapshot;
  const entry = (tabId: number): SnapshotIndexEntry => ({ tabId, domains: ['a.test'], askedAt: 0 });
  function setup() {
    const log: string[] = [];
    const due: Array<() => void> = [];
    const store = laterWrites(
      { set: (v) => log.push(`set ${Object.keys(v).join(',')}`), remove: (k) => log.push(`remove ${k.join(',')}`) },
      { key: (t) => `s:${t}`, snapshot: (s) => JSON.stringify(s), index: (e) => JSON.stringify(e), indexKey: 'index' },
      async () => [],
      (run) => due.push(run),
    );
    const later = () => due.splice(0).forEach((run) => run());
    return { log, store, later };
  }

  test('a save is written in a later task, not while the answer that made it is on its way', () => {
    const { log, store, later } = setup();
    store.save(snap(1), [entry(1)]);
    expect(log).toEqual([]);
    later();
    expect(log).toEqual(['set s:1,index']);
  });

  test('a write that throws is lost alone: the queue goes on', () => {
    const { log, store, later } = setup();
    const bad = { ...snap(1), tab: { toJSON: () => { throw new Error('cannot encode'); } } } as unknown as PopupSnapshot;
    store.save(bad, [entry(1)]);
    store.save(snap(2), [entry(2)]);
    later();
    expect(log).toEqual(['set s:2,index']);
    store.save(snap(3), [entry(3)]);
    later();
    expect(log).toEqual(['set s:2,index', 'set s:3,index']);
  });

  test('a drop with nothing queued goes out at once; one behind a save waits for it, in order', () => {
    const { log, store, later } = setup();
    store.drop([2], []);
    expect(log).toEqual(['remove s:2', 'set index']);
    store.save(snap(1), [entry(1)]);
    store.drop([1], []);
    expect(log).toHaveLength(2);
    later();
    // The stale snapshot is written, then dropped: the index ends without it.
    expect(log.slice(2)).toEqual(['set s:1,index', 'remove s:1', 'set index']);
  });
});
