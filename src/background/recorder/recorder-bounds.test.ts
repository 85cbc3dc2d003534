import { expect, test } from 'vitest';
import { digester } from '../../analysis/digest';
import { describeValue } from '../../db/digest';
import { MemoryLog } from '../../db/memory-log';
import { openTestDb } from '../../db/test-helpers';
import { LogWriter } from '../../db/writer';
import { DEFAULT_SETTINGS } from '../../model/events';
import { MAX_SET_COOKIE_LINES } from './headers';
import { Recorder } from './recorder';

const digest = digester(new Uint8Array(32).fill(3));

test('a response keeps at most MAX_SET_COOKIE_LINES lines and counts the others as shed detail', async () => {
  const s = { ...DEFAULT_SETTINGS, headerCapture: 'all' as const };
  const db = openTestDb();
  const rec = new Recorder({
    logs: Promise.resolve({ disk: await LogWriter.open(db, { getSettings: () => s }), memory: new MemoryLog({ getSettings: () => s }) }),
    describe: (v) => describeValue(digest, v),
    settings: () => s,
    now: () => 1_000,
    tab: async () => ({ url: 'https://shop.test/', incognito: false }),
    isPrivateStore: () => false,
    currentDigest: async () => undefined,
    engine: 'chromium',
  });
  const lines = Array.from({ length: MAX_SET_COOKIE_LINES + 1_500 }, (_, i) => `c${i}=v; Path=/`);
  rec.responseReceived(
    { requestId: '1', url: 'https://shop.test/', method: 'GET', type: 'main_frame', tabId: 7, frameId: 0, statusCode: 200 },
    lines,
  );
  await rec.flush();
  const [o] = await db.observations.toArray();
  expect(o?.setCookies).toHaveLength(MAX_SET_COOKIE_LINES);
  expect(o?.setCookiesOmitted).toBe(1_500);
  // The shed counter the UIs show includes them: detail not recorded, the record kept.
  expect(rec.detailDropped).toBe(1_500);
});
