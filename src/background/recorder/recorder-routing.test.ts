import { expect, test } from 'vitest';
import { digester } from '../../analysis/digest';
import { describeValue } from '../../db/digest';
import { MemoryLog } from '../../db/memory-log';
import { openTestDb } from '../../db/test-helpers';
import { LogWriter } from '../../db/writer';
import { DEFAULT_SETTINGS } from '../../model/events';
import type { RequestDetailsLike } from './headers';
import { Recorder, type RecorderDeps } from './recorder';

/**
 * Private routing fails closed: a record reaches the disk log only when its context is known to
 * be a normal (non-private) one. Unknown goes to the memory log.
 */
const digest = digester(new Uint8Array(32).fill(3));

async function setup(tab: RecorderDeps['tab']) {
  const s = { ...DEFAULT_SETTINGS, headerCapture: 'all' as const };
  const db = openTestDb();
  const disk = await LogWriter.open(db, { getSettings: () => s });
  const memory = new MemoryLog({ getSettings: () => s });
  const rec = new Recorder({
    logs: Promise.resolve({ disk, memory }),
    describe: (v) => describeValue(digest, v),
    settings: () => s,
    now: () => 1_000,
    tab,
    isPrivateStore: (id) => id !== '0',
    currentDigest: async () => undefined,
    engine: 'chromium',
  });
  const onDisk = async () => [...(await db.changes.toArray()), ...(await db.observations.toArray())];
  return { rec, onDisk, memory };
}

const details = (over: Partial<RequestDetailsLike>): RequestDetailsLike => ({
  requestId: '1',
  url: 'https://shop.test/sw-fetch?token=abc',
  method: 'GET',
  type: 'xmlhttprequest',
  tabId: 7,
  frameId: 0,
  statusCode: 200,
  ...over,
});

test('a request no tab made (a service worker), whose privacy nothing tells, never reaches disk', async () => {
  const { rec, onDisk, memory } = await setup(async () => ({ incognito: false }));
  rec.requestSent(details({ tabId: -1 }), 'sid=1', undefined);
  rec.responseReceived(details({ tabId: -1 }), ['sid=2']);
  await rec.flush();
  expect(await onDisk()).toEqual([]);
  expect(memory.query().observations).toHaveLength(2);
});

test('a tab whose lookup fails (closed before it) goes to the memory log', async () => {
  const { rec, onDisk, memory } = await setup(() => Promise.reject(new Error('No tab with id: 7')));
  rec.requestSent(details({}), 'sid=1', undefined);
  rec.responseReceived(details({}), ['sid=2']);
  await rec.flush();
  expect(await onDisk()).toEqual([]);
  expect(memory.query().observations).toHaveLength(2);
});

test('a tab the lookup does not describe as normal goes to the memory log', async () => {
  const { rec, onDisk } = await setup(async () => ({ url: 'https://shop.test/' }));
  rec.requestSent(details({}), 'sid=1', undefined);
  await rec.flush();
  expect(await onDisk()).toEqual([]);
});

test('known normal contexts still go to disk (tab lookup, or the details flag as in Firefox)', async () => {
  const { rec, onDisk, memory } = await setup(async () => ({ incognito: false }));
  rec.requestSent(details({}), 'sid=1', undefined);
  rec.requestSent(details({ tabId: -1, incognito: false }), 'sid=1', undefined);
  rec.requestSent(details({ tabId: -1, incognito: true }), 'sid=1', undefined);
  await rec.flush();
  expect(await onDisk()).toHaveLength(2);
  expect(memory.query().observations).toHaveLength(1);
});
