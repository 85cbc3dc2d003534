import { expect, test } from 'vitest';
import { digester } from '../../analysis/digest';
import { describeValue } from '../../db/digest';
import { MemoryLog } from '../../db/memory-log';
import { openTestDb } from '../../db/test-helpers';
import { LogWriter } from '../../db/writer';
import { DEFAULT_SETTINGS } from '../../model/events';
import { Correlator, type PendingLine } from './correlator';
import { Recorder } from './recorder';
import { TabContext } from './tab-context';

const line = (i: number): PendingLine => ({ observationId: i, index: 0, name: `c${i}`, domain: 'a.test', path: '/', deletes: false });

test('the correlator holds at most its bound of waiting lines and changes, shedding the oldest', () => {
  const c = new Correlator(60_000, 100);
  for (let i = 0; i < 1_000; i++) c.addLine(line(i), 0);
  for (let i = 0; i < 1_000; i++)
    c.addChange({ changeId: i, name: `x${i}`, domain: 'a.test', path: '/', removed: false, cause: 'explicit', storeId: '0' }, 0);
  expect(c.pending()).toBeLessThanOrEqual(100);
  expect(c.shed).toBe(2_000 - c.pending());
  // The newest still link.
  expect(c.addLine({ ...line(5_000), name: 'x999' }, 1)).toBeDefined();
});

test('tab context maps stay bounded however many tabs and hosts go by', () => {
  const tabs = new TabContext(async () => ({}), 50);
  for (let t = 0; t < 1_000; t++) {
    tabs.noteTopLevel({ requestId: '1', url: `https://h${t}.test/`, method: 'GET', type: 'main_frame', tabId: t, frameId: 0 });
    tabs.noteHeaderSite(`https://h${t}.test/`);
  }
  expect(tabs.size()).toBeLessThanOrEqual(4 * 50);
  expect(tabs.headersSeenFor('h999.test')).toBe(true);
});

test('a flood of Set-Cookie responses leaves the recorder with bounded line state', async () => {
  const s = { ...DEFAULT_SETTINGS, headerCapture: 'all' as const };
  const db = openTestDb();
  const rec = new Recorder({
    logs: Promise.resolve({ disk: await LogWriter.open(db, { getSettings: () => s }), memory: new MemoryLog({ getSettings: () => s }) }),
    describe: (v) => describeValue(digester(new Uint8Array(32).fill(3)), v),
    settings: () => s,
    now: () => 1_000,
    tab: async () => ({ url: 'https://shop.test/', incognito: false }),
    isPrivateStore: () => false,
    currentDigest: async () => undefined,
    engine: 'chromium',
    maxPendingLines: 300,
  });
  for (let r = 0; r < 20; r++) {
    const lines = Array.from({ length: 100 }, (_, i) => `r${r}c${i}=v; Path=/`);
    rec.responseReceived(
      { requestId: String(r), url: 'https://shop.test/', method: 'GET', type: 'main_frame', tabId: 7, frameId: 0, statusCode: 200 },
      lines,
    );
  }
  await rec.idle();
  expect(rec.pending()).toBeLessThanOrEqual(300);
  expect(rec.pendingLineDetail()).toBeLessThanOrEqual(300);
  expect(rec.detailDropped).toBe(2_000 - 300);
  await rec.flush();
  expect(await db.observations.count()).toBe(20);
});
