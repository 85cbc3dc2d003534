import { describe, expect, test } from 'vitest';
import { logSources, mergeLogs } from './log-sources';

const privateStore = (id: string): boolean => id === 'firefox-private';

describe('logSources', () => {
  test("a private tab's report reads only the background's memory log", () => {
    expect(logSources({ kind: 'store', storeId: 'firefox-private' }, privateStore)).toEqual({ memory: true, disk: 'no' });
  });
  test("a normal or container tab's report reads only the disk log", () => {
    expect(logSources({ kind: 'store', storeId: 'firefox-default' }, privateStore)).toEqual({ memory: false, disk: 'required' });
    expect(logSources({ kind: 'store', storeId: 'firefox-container-1' }, privateStore)).toEqual({ memory: false, disk: 'required' });
  });
  test('all stores but private ones: disk only; every store (a private window asking): both, disk if it opens', () => {
    expect(logSources({ kind: 'all-but-private' }, privateStore)).toEqual({ memory: false, disk: 'required' });
    expect(logSources({ kind: 'every' }, privateStore)).toEqual({ memory: true, disk: 'if-readable' });
  });
});

describe('mergeLogs', () => {
  test('keeps each record once and the marks in time order', () => {
    const mark = (id: number, time: number) => ({ id, time, kind: 'login' as const, site: 'a.test' });
    const merged = mergeLogs([
      { observations: [], changes: [{ id: -1 } as never, { id: -1 } as never], marks: [mark(-2, 30)] },
      { observations: [], changes: [{ id: 5 } as never], marks: [mark(3, 10)] },
    ]);
    expect(merged.changes.map((c) => c.id)).toEqual([-1, 5]);
    expect(merged.marks.map((m) => m.id)).toEqual([3, -2]);
  });
});
