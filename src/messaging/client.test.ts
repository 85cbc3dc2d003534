import type { Runtime } from 'webextension-polyfill';
import { expect, test } from 'vitest';
import { DEFAULT_SETTINGS } from '../model/events';
import { createClient, MessageError, type SendingRuntime } from './client';
import { FakeRuntime } from './fake-runtime';
import { createServer, type Handlers, type ReceivingRuntime } from './server';

const ID = 'ext-id';
const ORIGIN = `chrome-extension://${ID}/`;

function connected(overrides: Partial<Handlers> = {}) {
  const runtime = new FakeRuntime({ id: ID, url: `${ORIGIN}popup.html` });
  const unused = () => Promise.reject(new Error('unused'));
  const handlers: Handlers = {
    ping: async () => ({ ready: true, version: '0.1.0', startedAt: 1 }),
    getStatus: unused,
    getSettings: async () => ({ ...DEFAULT_SETTINGS }),
    updateSettings: async (patch) => ({ ...DEFAULT_SETTINGS, ...patch }),
    setPaused: async ({ paused }) => ({ paused }),
    clearLog: async ({ tabId }) => ({ removed: tabId === undefined ? 10 : 1 }),
    flush: async () => ({ queued: 0 }),
    prune: unused,
    getPrivateLog: unused,
    getScope: unused,
    markSession: unused,
    getMarks: unused,
    ...overrides,
  };
  createServer(runtime, handlers, { extensionId: ID, extensionOrigin: ORIGIN });
  return { runtime, client: createClient(runtime) };
}

test('round trips typed requests and responses', async () => {
  const { client } = connected();
  await expect(client.send('ping')).resolves.toEqual({ ready: true, version: '0.1.0', startedAt: 1 });
  await expect(client.send('clearLog', { tabId: 4 })).resolves.toEqual({ removed: 1 });
  await expect(client.send('clearLog', {})).resolves.toEqual({ removed: 10 });
  const settings = await client.send('updateSettings', { recordValues: true });
  expect(settings.recordValues).toBe(true);
});

test('a failing handler rejects with the command and its message', async () => {
  const { client } = connected({
    setPaused: async () => {
      throw new RangeError('no database');
    },
  });
  const err = await client.send('setPaused', { paused: true }).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(MessageError);
  expect(err).toMatchObject({ command: 'setPaused', remoteName: 'RangeError', message: 'cookie-monitor "setPaused": no database' });
});

test('an unreachable or silent background rejects clearly', async () => {
  const unreachable = createClient({ sendMessage: () => Promise.reject(new Error('Receiving end does not exist.')) });
  await expect(unreachable.send('ping')).rejects.toThrow('"ping": could not reach the background: Receiving end does not exist.');
  const silent = createClient({ sendMessage: async () => undefined });
  await expect(silent.send('flush')).rejects.toThrow('"flush": the background did not answer');
});

test('the real browser.runtime fits both sides', () => {
  const fits = (runtime: Runtime.Static): [SendingRuntime, ReceivingRuntime] => [runtime, runtime];
  expect(fits).toBeTypeOf('function');
});

test('payloads of the wrong type do not compile', () => {
  const { client } = connected();
  // Type checks only: never called.
  const typeOnly = async () => {
    // @ts-expect-error paused must be a boolean
    await client.send('setPaused', { paused: 'yes' });
    // @ts-expect-error the request is required when it has required fields
    await client.send('setPaused');
    // @ts-expect-error unknown command
    await client.send('dropTables', {});
    // @ts-expect-error unknown field
    await client.send('clearLog', { tab: 1 });
    // @ts-expect-error a setting that does not exist
    await client.send('updateSettings', { recordCookies: true });
    const pong = await client.send('ping');
    // @ts-expect-error the response is typed too
    const n: number = pong.version;
    return n;
  };
  expect(typeOnly).toBeTypeOf('function');
});
