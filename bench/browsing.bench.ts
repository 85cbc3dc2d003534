/**
 * Browsing overhead as ratios to floors: the 300-request page (each request sets one cookie and
 * sends up to 50) loaded in five browsers side by side — no extension, the `onchanged` floor, the
 * `webrequest` floor, ours with default settings, ours with the tab inspected (a panel open on it,
 * so its headers are recorded) — one load each per round, alternating, medians compared.
 * Also printed: browser CPU per load by process kind (Linux) and, in Chromium, a trace of one load
 * of ours and of its floor: thread CPU by process. See docs/BENCHMARKS.md.
 */
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import type { Page } from 'puppeteer-core';
import { ExtensionControl } from '../scripts/browser/extension';
import type { BrowserName } from '../scripts/browser/types';
import { startSite, type Site } from '../tests/site/server';
import { launchVariant, median, waitInPage, within, type BenchOptions, type Launched, type Row, type Variant } from './lib';
import { cpuByKind, treeCpuMs } from './proc-cpu';
import { threadCpu } from './trace-threads';

const PATH = '/fetch-burst?n=300&names=50';
const LOAD_MS = 60_000;
const TRACE_CATEGORIES = ['toplevel', 'disabled-by-default-devtools.timeline', 'devtools.timeline', 'v8', 'ServiceWorker', '__metadata'];

type Key = 'none' | 'onchanged' | 'webrequest' | 'default' | 'inspected';
const VARIANTS: [Key, Variant][] = [
  ['none', { kind: 'none' }],
  ['onchanged', { kind: 'floor', floor: 'onchanged' }],
  ['webrequest', { kind: 'floor', floor: 'webrequest' }],
  ['default', { kind: 'ours' }],
  ['inspected', { kind: 'ours' }],
];

interface Subject {
  key: Key;
  launched: Launched;
  page: Page;
  control?: ExtensionControl;
  times: number[];
  cpu: number[];
  kinds: Map<string, number>;
}

async function timeLoad(page: Page, url: string): Promise<number> {
  const start = performance.now();
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: LOAD_MS });
  await waitInPage(
    page,
    () => (window as unknown as { __siteDone?: boolean }).__siteDone === true,
    "the page's requests done",
    LOAD_MS,
    10,
  );
  return performance.now() - start;
}

async function open(name: BrowserName, key: Key, variant: Variant, site: Site): Promise<Subject> {
  const launched = await launchVariant(name, variant);
  const page = await within(30_000, `${name} ${key}: new tab`, launched.browser.newPage());
  await timeLoad(page, site.http + PATH);
  const subject: Subject = { key, launched, page, times: [], cpu: [], kinds: new Map() };
  if (launched.ext && variant.kind === 'ours') {
    const control = await within(30_000, `${name} ${key}: extension ready`, ExtensionControl.open(launched.ext));
    subject.control = control;
    const tabId = await within(30_000, `${name} ${key}: tab id`, launched.ext.tabIdOf({ page, errors: [] }));
    if (key === 'inspected') {
      // What inspecting a tab does: a panel open on it (its headers recorded, its rows rendered).
      await within(30_000, `${name}: panel`, launched.ext.openExtensionPage('src/pages/panel/index.html', { tabId }));
      await control.waitForWatched(tabId);
    } else {
      await control.waitFor(async () => !(await control.headerStatus()).listening, 'header listeners detached (no tab inspected)');
    }
  }
  return subject;
}

async function measureOnce(s: Subject, url: string): Promise<void> {
  await within(10_000, `${s.key}: bring to front`, s.page.bringToFront());
  const pid = s.launched.browser.process()?.pid;
  const cpu0 = treeCpuMs(pid);
  const kinds0 = cpuByKind(pid);
  s.times.push(await within(LOAD_MS, `${s.key}: page load`, timeLoad(s.page, url)));
  // Everything ours does for this load (its writes too) is counted before the next one.
  if (s.control) await within(30_000, `${s.key}: flush`, s.control.send('flush'));
  s.cpu.push((treeCpuMs(pid) ?? NaN) - (cpu0 ?? NaN));
  for (const [k, v] of cpuByKind(pid)) s.kinds.set(k, (s.kinds.get(k) ?? 0) + v - (kinds0.get(k) ?? 0));
}

async function traced(s: Subject, url: string): Promise<string> {
  const file = join(tmpdir(), `cm-browsing-${s.key}-${process.pid}.json`);
  await within(30_000, 'tracing start', s.page.tracing.start({ path: file, categories: TRACE_CATEGORIES }));
  await within(LOAD_MS, `${s.key}: traced load`, timeLoad(s.page, url));
  if (s.control) await within(30_000, 'flush', s.control.send('flush'));
  await within(60_000, 'tracing stop', s.page.tracing.stop());
  return threadCpu(file);
}

export async function browsingBench(opts: BenchOptions): Promise<Row[]> {
  const rows: Row[] = [];
  const site = await startSite();
  try {
    for (const name of opts.browsers) {
      const subjects: Subject[] = [];
      try {
        for (const [key, variant] of VARIANTS) subjects.push(await open(name, key, variant, site));
        const url = site.http + PATH;
        for (let r = 0; r < opts.rounds; r++) for (const s of subjects) await measureOnce(s, url);
        const by = (k: Key): Subject => subjects.find((s) => s.key === k)!;
        console.log(`\nbrowsing, ${name}: ${PATH}, ${opts.rounds} alternating rounds, median page time and browser CPU per load`);
        for (const s of subjects) {
          const kinds = [...s.kinds]
            .filter(([, v]) => v / opts.rounds >= 1)
            .sort((a, b) => b[1] - a[1])
            .map(([k, v]) => `${k} ${(v / opts.rounds).toFixed(0)}`)
            .join(', ');
          console.log(`  ${s.key.padEnd(10)} ${median(s.times).toFixed(0).padStart(6)} ms  CPU ${median(s.cpu).toFixed(0)} ms (${kinds})`);
        }
        const pair = (ours: Key, floor: Key, target: number, label: string): void => {
          rows.push({
            bench: 'browsing',
            case: label,
            browser: name,
            ours: median(by(ours).times),
            floor: median(by(floor).times),
            unit: 'ms',
            target,
          });
          rows.push({
            bench: 'browsing',
            case: `${label}, CPU`,
            browser: name,
            ours: median(by(ours).cpu),
            floor: median(by(floor).cpu),
            unit: 'ms',
            note: 'browser CPU per load',
          });
        };
        pair('default', 'onchanged', 1.03, 'default / onchanged floor');
        pair('inspected', 'webrequest', 1.1, 'inspected / webrequest floor');
        rows.push({
          bench: 'browsing',
          case: 'onchanged floor / no extension',
          browser: name,
          ours: median(by('onchanged').times),
          floor: median(by('none').times),
          unit: 'ms',
          note: 'floor cost',
        });
        if (name === 'chromium') {
          for (const [ours, floor] of [
            ['default', 'onchanged'],
            ['inspected', 'webrequest'],
          ] as [Key, Key][]) {
            console.log(`  where one load's time goes (trace, thread CPU), ${ours}:\n${await traced(by(ours), url)}`);
            console.log(`  … and in the ${floor} floor:\n${await traced(by(floor), url)}`);
          }
        }
      } finally {
        for (const s of subjects) await s.launched.close();
      }
    }
  } finally {
    await site.close();
  }
  return rows;
}
