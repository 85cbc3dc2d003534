import { describe, expect, test, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../model/events';
import { FakeRuntime } from './fake-runtime';
import { ENVELOPE_TYPE } from './protocol';
import { createServer, type Handlers, isOwnExtensionPage } from './server';

const ID = 'abcdefghijklmnop';
const ORIGIN = `chrome-extension://${ID}/`;
const POPUP = { id: ID, url: `${ORIGIN}src/popup/index.html`, origin: ORIGIN.slice(0, -1) };

function handlers(): Handlers {
  const unused = () => Promise.reject(new Error('not in this test'));
  return {
    ping: async () => ({ ready: true, version: '1.2.3', startedAt: 1 }),
    getStatus: unused,
    getSettings: async () => ({ ...DEFAULT_SETTINGS }),
    updateSettings: unused,
    setPaused: async ({ paused }) => ({ paused }),
    clearLog: async (req) => {
      if (req.domain === 'boom.test') throw new TypeError('database closed');
      return { removed: req.tabId ?? 0 };
    },
    flush: unused,
    prune: unused,
    getPrivateLog: unused,
    getScope: unused,
    markSession: unused,
    getMarks: unused,
  };
}

const envelope = (name: string, request: unknown = {}) => ({ type: ENVELOPE_TYPE, name, request });

describe('sender checks', () => {
  test.each([
    ['the popup', POPUP, true],
    ['an extension page in Firefox', { id: ID, url: 'moz-extension://uuid-1/report.html' }, false],
    ['an extension tab without origin (Firefox)', { id: ID, url: `${ORIGIN}report.html` }, true],
    ['a content script of ours on a web page', { id: ID, url: 'https://evil.example/', tab: { id: 3 } }, false],
    ['another extension', { id: 'other', url: 'chrome-extension://other/x.html' }, false],
    ['an id-prefix look-alike origin', { id: ID, url: `chrome-extension://${ID}x/page.html` }, false],
    ['a page with no URL', { id: ID }, false],
    ['a mismatching origin', { ...POPUP, origin: 'https://evil.example' }, false],
  ])('%s → %s', (_label, sender, allowed) => {
    expect(isOwnExtensionPage(sender as never, ID, ORIGIN)).toBe(allowed);
  });

  test('the Firefox origin is accepted with its own UUID', () => {
    expect(isOwnExtensionPage({ id: ID, url: 'moz-extension://uuid-1/report.html' }, ID, 'moz-extension://uuid-1')).toBe(true);
  });
});

describe('createServer', () => {
  test('registers one listener and answers our envelopes from our pages', async () => {
    const runtime = new FakeRuntime(POPUP);
    const server = createServer(runtime, handlers(), { extensionId: ID, extensionOrigin: ORIGIN });
    expect(runtime.listeners.size).toBe(1);
    await expect(runtime.sendMessage(envelope('setPaused', { paused: true }))).resolves.toEqual({
      type: ENVELOPE_TYPE,
      ok: true,
      response: { paused: true },
    });
    server.dispose();
    expect(runtime.listeners.size).toBe(0);
  });

  test('refuses other senders without acting, and reports them', async () => {
    const runtime = new FakeRuntime({ id: ID, url: 'https://evil.example/', tab: { id: 3 } as never });
    const h = handlers();
    const clearLog = vi.spyOn(h, 'clearLog');
    const onRejected = vi.fn();
    createServer(runtime, h, { extensionId: ID, extensionOrigin: ORIGIN, onRejected });
    await expect(runtime.sendMessage(envelope('clearLog'))).rejects.toThrow('Receiving end does not exist');
    expect(clearLog).not.toHaveBeenCalled();
    expect(onRejected).toHaveBeenCalledWith(runtime.sender, 'clearLog');
  });

  test.each([['a string'], [{ type: 'other-extension', name: 'ping', request: {} }], [{ type: ENVELOPE_TYPE, name: 'ping' }], [null]])(
    'leaves messages that are not ours to other listeners: %j',
    (message) => {
      const runtime = new FakeRuntime(POPUP);
      createServer(runtime, handlers(), { extensionId: ID, extensionOrigin: ORIGIN });
      const [listener] = runtime.listeners;
      expect(listener?.(message, POPUP)).toBeUndefined();
    },
  );

  test('handler errors and unknown names come back as failures', async () => {
    const runtime = new FakeRuntime(POPUP);
    createServer(runtime, handlers(), { extensionId: ID, extensionOrigin: ORIGIN });
    await expect(runtime.sendMessage(envelope('clearLog', { domain: 'boom.test' }))).resolves.toMatchObject({
      ok: false,
      error: { name: 'TypeError', message: 'database closed' },
    });
    for (const name of ['dropTables', 'toString', '__proto__']) {
      await expect(runtime.sendMessage(envelope(name))).resolves.toMatchObject({
        ok: false,
        error: { name: 'UnknownMessage' },
      });
    }
  });
});
