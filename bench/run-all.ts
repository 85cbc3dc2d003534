/**
 * `npm run bench`: the ratio benchmarks (ours against floors measured in the same run), one table
 * at the end. See docs/BENCHMARKS.md and `npm run bench -- --help`.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { BROWSERS } from '../scripts/browser/browsers';
import type { BrowserName } from '../scripts/browser/types';
import { browsingBench } from './browsing.bench';
import { hostileBench } from './hostile.bench';
import { currentStep, table, verdict, type BenchOptions, type Row } from './lib';
import { panelBench } from './panel.bench';
import { popupBench } from './popup.bench';

const BENCHES: Record<string, { run: (o: BenchOptions) => Promise<Row[]>; rounds: number; watchdogMin: number }> = {
  browsing: { run: browsingBench, rounds: 15, watchdogMin: 20 },
  popup: { run: popupBench, rounds: 9, watchdogMin: 20 },
  panel: { run: panelBench, rounds: 5, watchdogMin: 15 },
  hostile: { run: hostileBench, rounds: 5, watchdogMin: 15 },
};

const HELP = `npm run bench [-- options]

Runs the ratio benchmarks against the built extension (npm run build first) and prints one table:
bench, case, browser, ours, floor, ratio, target, ✓/✗.

  --bench NAME      browsing | popup | panel | hostile (repeatable; default: all)   env BENCH
  --browser NAME    chromium | firefox (repeatable; default: both)        env BENCH_BROWSERS=a,b
  --rounds N        alternating rounds per bench (default: browsing 15, popup 9, panel 5, hostile 5)  env BENCH_ROUNDS
  --watchdog MIN    minutes one bench may take before the run is ended (default per bench) env BENCH_WATCHDOG_MIN
  --help            this text

Exit status: 0 when every bench completed (targets missed are ✗ in the table, not an error);
1 when a bench failed or its watchdog fired (one line says which and why).`;

const { values } = parseArgs({
  options: {
    bench: { type: 'string', multiple: true },
    browser: { type: 'string', multiple: true },
    rounds: { type: 'string' },
    watchdog: { type: 'string' },
    help: { type: 'boolean' },
  },
});
if (values.help) {
  console.log(HELP);
  process.exit(0);
}
const list = (flag: string[] | undefined, env: string | undefined): string[] | undefined =>
  flag ??
  (env
    ? env
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : undefined);

function fail(message: string): never {
  console.error(`bench: ${message}`);
  process.exit(1);
}

const benches = list(values.bench, process.env['BENCH']) ?? Object.keys(BENCHES);
const browsers = (list(values.browser, process.env['BENCH_BROWSERS']) ?? ['chromium', 'firefox']) as BrowserName[];
for (const b of benches) if (!BENCHES[b]) fail(`unknown bench '${b}' (browsing, popup, panel, hostile)`);
for (const b of browsers) {
  if (!BROWSERS[b]) fail(`unknown browser '${b}' (chromium, firefox)`);
  if (!existsSync(BROWSERS[b].path)) fail(`${b} not found at ${BROWSERS[b].path}: ${BROWSERS[b].install}`);
  if (!existsSync(resolve(BROWSERS[b].dist, 'manifest.json'))) fail(`${BROWSERS[b].dist} is missing: run npm run build`);
}
const roundsArg = values.rounds ?? process.env['BENCH_ROUNDS'];
const watchdogArg = values.watchdog ?? process.env['BENCH_WATCHDOG_MIN'];
if (roundsArg !== undefined && !(Number(roundsArg) >= 1)) fail(`--rounds wants a number ≥ 1, got '${roundsArg}'`);

const rows: Row[] = [];
for (const name of benches) {
  const bench = BENCHES[name]!;
  const minutes = watchdogArg ? Number(watchdogArg) : bench.watchdogMin;
  // Ends the whole run: puppeteer's exit handlers take the browsers it launched down with it.
  const watchdog = setTimeout(() => fail(`${name}: watchdog fired after ${minutes} min, during: ${currentStep()}`), minutes * 60_000);
  try {
    rows.push(...(await bench.run({ browsers, rounds: roundsArg ? Number(roundsArg) : bench.rounds })));
  } catch (err) {
    console.log(rows.length > 0 ? `\n${table(rows)}` : '');
    fail(`${name} failed: ${(err instanceof Error ? err.message : String(err)).split('\n')[0]}`);
  } finally {
    clearTimeout(watchdog);
  }
}
console.log(`\n${table(rows)}`);
const missed = rows.filter((r) => verdict(r).mark === '✗').length;
console.log(
  `\n${rows.filter((r) => r.target !== undefined).length - missed} targets met, ${missed} missed. Ratios are what to read: wall times on a shared machine drift.`,
);
process.exit(0);
