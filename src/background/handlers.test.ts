import { expect, test, vi } from 'vitest';
import { MemoryLog } from '../db/memory-log';
import { saveSettings } from '../db/settings';
import { makeChange, openTestDb } from '../db/test-helpers';
import { LogWriter } from '../db/writer';
import { DEFAULT_SETTINGS, type Settings } from '../model/events';
import { createHandlers, type BackgroundState } from './handlers';

// handlers.ts reaches the browser only through platform/ (store ids); these cases never call it.
vi.mock('webextension-polyfill', () => ({ default: {} }));

/** The handlers' wiring of clearing and purging, over a real (fake-IndexedDB) log and memory log. */
async function background(initial: Partial<Settings>) {
  const db = openTestDb();
  let settings: Settings = await saveSettings(db, initial);
  const writer = await LogWriter.open(db, { getSettings: () => settings });
  const memory = new MemoryLog({ getSettings: () => settings });
  let rotations = 0;
  const state = {
    db,
    writer: Promise.resolve(writer),
    memory,
    recorder: { flush: () => writer.flush(), idle: async () => undefined },
    settings: () => settings,
    setSettings: (s: Settings) => (settings = s),
    marks: { clear: async () => undefined },
    rotateDigestKey: async () => void rotations++,
  } as unknown as BackgroundState;
  const sender = {};
  return { db, writer, memory, handlers: createHandlers(state), sender, rotations: () => rotations };
}

test('turning value recording off purges the values already kept, on disk and in memory', async () => {
  const { db, writer, memory, handlers, sender } = await background({ recordValues: true });
  writer.addChange(makeChange({ value: 'secret-disk' }));
  memory.addChange(makeChange({ value: 'secret-memory' }));
  await writer.flush();
  await handlers.updateSettings({ recordValues: false }, sender);
  expect(JSON.stringify(await db.changes.toArray())).not.toContain('secret-disk');
  expect(JSON.stringify(memory.query())).not.toContain('secret-memory');
});

test('a full clear empties both logs and the jar and rotates the digest key; a partial one keeps the key', async () => {
  const { db, writer, memory, handlers, sender, rotations } = await background({ ...DEFAULT_SETTINGS });
  const w = await LogWriter.open(db, { jarIntervalMs: 0 });
  w.addChange(makeChange({ name: 'sid' }));
  await w.flush();
  writer.addChange(makeChange());
  memory.addChange(makeChange());
  await handlers.clearLog({ domain: 'example.com' }, sender);
  expect(rotations()).toBe(0);
  await handlers.clearLog({}, sender);
  expect(rotations()).toBe(1);
  expect([await db.changes.count(), await db.jar.count(), memory.size]).toEqual([0, 0, 0]);
});
