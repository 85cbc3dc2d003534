/**
 * Runs inside the extension (an extension page, so the same IndexedDB back end as the
 * background: LevelDB in Chromium, SQLite in Firefox). Exposes `window.cmBench` for the Node
 * drivers in bench/. Uses dedicated databases; never the real log.
 */
import Dexie from 'dexie';
import { buildChange, type ChangeInput } from '../../src/background/recorder/changes';
import { Recorder } from '../../src/background/recorder/recorder';
import { digester } from '../../src/analysis/digest';
import { describeValue } from '../../src/db/digest';
import { MemoryLog } from '../../src/db/memory-log';
import { CookieLogDB } from '../../src/db/schema';
import { LogWriter } from '../../src/db/writer';
import { DEFAULT_SETTINGS, type NewCookieChange } from '../../src/model/events';

const SITES = 50;
const NAMES = ['sid', 'csrftoken', '_ga', 'theme', 'consent', 'cart', 'JSESSIONID', 'prefs'];

/** A realistic cookies.onChanged notification (about 300 bytes once recorded). */
function input(i: number): ChangeInput {
  const site = `site${i % SITES}.test`;
  return {
    removed: false,
    cause: i % 5 === 0 ? 'overwrite' : 'explicit',
    cookie: {
      name: `${NAMES[i % NAMES.length]}_${i % 40}`,
      value: `v${i}-${'x'.repeat(24)}`,
      domain: i % 2 ? `.${site}` : `www.${site}`,
      hostOnly: i % 2 === 0,
      path: '/',
      secure: true,
      httpOnly: i % 3 !== 0,
      sameSite: 'lax',
      session: i % 4 === 0,
      ...(i % 4 === 0 ? {} : { expirationDate: 1_900_000_000 + i }),
      storeId: '0',
    },
  };
}

function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(0);
  });
}

async function freshDb(name: string): Promise<CookieLogDB> {
  await Dexie.delete(name);
  const db = new CookieLogDB(name);
  await db.open();
  return db;
}

async function digestKey(): Promise<(v: string) => string> {
  return digester(crypto.getRandomValues(new Uint8Array(32)));
}

/** Raw Dexie: the same records the recorder writes, bulkAdd in batches of 500. */
async function raw(n: number): Promise<{ eventsPerSecond: number; ms: number }> {
  const db = await freshDb('cm-bench-raw');
  const key = await digestKey();
  const records: Array<NewCookieChange & { id: number }> = [];
  for (let i = 0; i < n; i++) {
    const inp = input(i);
    const d = describeValue(key, inp.cookie.value);
    const { value: _v, ...rec } = buildChange(inp, { time: Date.now(), incognito: false, ...d });
    records.push({ ...rec, id: i + 1 });
  }
  const start = performance.now();
  for (let i = 0; i < n; i += 500) await db.changes.bulkAdd(records.slice(i, i + 500));
  const ms = performance.now() - start;
  db.close();
  return { eventsPerSecond: (n / ms) * 1000, ms };
}

/** The real pipeline: Recorder (digest, build, correlate) → LogWriter (batched, patches) → Dexie. */
async function recorder(n: number, keep = false): Promise<{ eventsPerSecond: number; ms: number; dropped: number }> {
  const db = await freshDb('cm-bench-recorder');
  const key = await digestKey();
  const settings = { ...DEFAULT_SETTINGS };
  const writer = await LogWriter.open(db, { getSettings: () => settings, maxLatencyMs: 100 });
  const rec = new Recorder({
    logs: Promise.resolve({ disk: writer, memory: new MemoryLog() }),
    describe: (v) => describeValue(key, v),
    settings: () => settings,
    now: () => Date.now(),
    tab: async () => ({}),
    isPrivateStore: () => false,
    currentDigest: async () => undefined,
    engine: 'chromium',
  });
  await rec.idle();
  const start = performance.now();
  // Arrive in bursts of 100 per task, as a busy page's cookie traffic does. A MessageChannel
  // hop yields to the event loop without setTimeout's clamping (≥ 1–4 ms per call).
  for (let i = 0; i < n; i++) {
    rec.cookieChanged(input(i));
    if (i % 100 === 99) await nextTask();
  }
  await rec.flush();
  const ms = performance.now() - start;
  const dropped = writer.stats().dropped;
  if (!keep) db.close();
  return { eventsPerSecond: (n / ms) * 1000, ms, dropped };
}

/** Bytes per event: origin storage growth while the recorder writes `n` events. */
async function storage(n: number): Promise<{ bytes: number; perEvent: number; rows: number }> {
  await Dexie.delete('cm-bench-recorder');
  const before = (await navigator.storage.estimate()).usage ?? 0;
  await recorder(n, true);
  const db = new CookieLogDB('cm-bench-recorder');
  const rows = await db.changes.count();
  db.close();
  const after = (await navigator.storage.estimate()).usage ?? 0;
  return { bytes: after - before, perEvent: (after - before) / n, rows };
}

async function cleanup(): Promise<void> {
  await Dexie.delete('cm-bench-raw');
  await Dexie.delete('cm-bench-recorder');
}

(globalThis as unknown as { cmBench: unknown }).cmBench = { raw, recorder, storage, cleanup };
document.documentElement.dataset['ready'] = 'true';
