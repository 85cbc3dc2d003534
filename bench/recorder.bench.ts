/**
 * Recorder ingest and storage, in the real browsers (`npm run bench:recorder`).
 *
 * Ingest: events/second through the real pipeline (Recorder → LogWriter → IndexedDB) next to raw
 * Dexie bulkAdd of the same records, both measured in the same extension page, same run,
 * alternating. Target: recorder ≥ 0.8 × raw. Storage: origin growth per event after 100,000.
 *
 *   npx tsx bench/recorder.bench.ts [events=20000] [rounds=3] [--browser chromium|firefox]
 */
import { parseArgs } from 'node:util';
import { launchChromium } from '../scripts/browser/chromium';
import { launchFirefox } from '../scripts/browser/firefox';
import { buildBench } from './build';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { browser: { type: 'string' } } });
const N = Number(positionals[0] ?? 20_000);
const ROUNDS = Number(positionals[1] ?? 3);
const STORAGE_N = 100_000;
const browsers = values.browser ? [values.browser] : ['chromium', 'firefox'];

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

for (const name of browsers) {
  const dir = buildBench(name === 'firefox' ? 'firefox' : 'chrome');
  const b = name === 'firefox' ? await launchFirefox(dir) : await launchChromium(dir);
  try {
    const page = await b.openExtensionPage('bench/page/index.html');
    await page.page.waitForFunction(() => document.documentElement.dataset['ready'] === 'true');
    type Api = {
      raw(n: number): Promise<{ eventsPerSecond: number }>;
      recorder(n: number): Promise<{ eventsPerSecond: number; dropped: number }>;
      storage(n: number): Promise<{ bytes: number; perEvent: number; rows: number }>;
      cleanup(): Promise<void>;
    };
    const call = <T>(fn: string, ...args: number[]): Promise<T> =>
      page.page.evaluate(
        (f: string, a: number[]) => (globalThis as unknown as { cmBench: Record<string, (...x: number[]) => unknown> }).cmBench[f]!(...a),
        fn,
        args,
      ) as Promise<T>;
    const raw: number[] = [];
    const rec: number[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      raw.push((await call<Awaited<ReturnType<Api['raw']>>>('raw', N)).eventsPerSecond);
      const res = await call<Awaited<ReturnType<Api['recorder']>>>('recorder', N);
      if (res.dropped > 0) throw new Error(`recorder dropped ${res.dropped} events`);
      rec.push(res.eventsPerSecond);
    }
    const ratio = median(rec) / median(raw);
    console.log(`\n${name}: ingest of ${N} cookie changes, ${ROUNDS} rounds (median)`);
    console.log(`  raw Dexie bulkAdd : ${median(raw).toFixed(0)} events/s`);
    console.log(`  recorder pipeline : ${median(rec).toFixed(0)} events/s`);
    console.log(`  ratio             : ${ratio.toFixed(2)}× raw (target ≥ 0.80) ${ratio >= 0.8 ? 'OK' : 'BELOW TARGET'}`);
    const s = await call<Awaited<ReturnType<Api['storage']>>>('storage', STORAGE_N);
    console.log(`  storage           : ${s.rows} events → ${(s.bytes / 1024 / 1024).toFixed(1)} MiB, ${s.perEvent.toFixed(0)} bytes/event`);
    await call('cleanup');
  } finally {
    await b.close();
  }
}
