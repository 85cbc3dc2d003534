/**
 * The DevTools panel (opened as a page with ?tabId=N) with a 100,000-event log against the same
 * panel on an empty log, each in its own browser, alternating: (1) open → first data render
 * (`data-loaded`), (2) frame times (requestAnimationFrame deltas) while scrolling, 500 events/s
 * written into the big log meanwhile in batches (`append` below), the
 * empty one idle. See docs/BENCHMARKS.md.
 */
import { ExtensionControl } from '../scripts/browser/extension';
import type { BrowserName, ExtensionBrowser, TrackedPage } from '../scripts/browser/types';
import { startSite, type Site } from '../tests/site/server';
import { launchVariant, median, quantile, waitInPage, within, type BenchOptions, type Launched, type Row } from './lib';
import { logWriter } from './panel-log';
import { timeUntil, type Shown } from './text-watch';
import { traceSummary } from './trace-summary';

const EVENTS = 100_000;
const EVENTS_PER_SECOND = 500;
const SECONDS = 3;
const PANEL = 'src/pages/panel/index.html';
const LOADED_MS = 60_000;
const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'blink', 'toplevel', 'IndexedDB'];

interface Side {
  launched: Launched;
  ext: ExtensionBrowser;
  control: ExtensionControl;
  tabId: number;
  write: ReturnType<typeof logWriter>;
}

async function openSide(name: BrowserName, site: Site, events: number): Promise<Side> {
  const launched = await launchVariant(name, { kind: 'ours' });
  const ext = launched.ext!;
  const control = await within(30_000, 'ours ready', ExtensionControl.open(ext));
  const tab = await ext.newPage();
  await within(30_000, 'load the site', ext.goto(tab, `${site.http}/login`));
  const tabId = await within(30_000, 'tab id', ext.tabIdOf(tab));
  await within(30_000, 'flush', control.send('flush'));
  const write = logWriter(control, tabId);
  if (events > 0) await within(300_000, `write ${events} events`, write(0, events, Date.now() - events * 10, 10));
  return { launched, ext, control, tabId, write };
}

/** The panel's navigation start → its first data render committed (`data-loaded`). */
async function openTime(side: Side): Promise<Shown> {
  const t = await within(30_000, 'new tab', side.ext.newPage());
  try {
    const watch = {
      setup: '',
      condition: "document.documentElement && document.documentElement.dataset.loaded === 'true'",
      what: "the panel's first data render (data-loaded)",
    };
    return await timeUntil(
      t.page,
      side.ext.name === 'chromium',
      () => side.ext.openExtensionPage(PANEL, { tabId: side.tabId }, t),
      watch,
      LOADED_MS,
    );
  } finally {
    await t.page.close().catch(() => undefined);
  }
}

/** rAF deltas over SECONDS while the panel's list (if any) is scrolled up and down. */
function frames(panel: TrackedPage): Promise<number[]> {
  // A string, not a function: tsx would wrap the named rAF callback in a `__name` call the page lacks.
  return within(
    (SECONDS + 30) * 1000,
    'sample frames',
    panel.page.evaluate(`new Promise((resolve) => {
    const deltas = [];
    const end = performance.now() + ${SECONDS * 1000};
    let last = performance.now();
    let step = -60;
    function frame(now) {
      deltas.push(now - last);
      last = now;
      const list = document.querySelector('.vlist');
      if (list) {
        if (list.scrollTop + step <= 0 || list.scrollTop + list.clientHeight + step >= list.scrollHeight) step = -step;
        list.scrollTop += step;
      }
      if (now < end) requestAnimationFrame(frame);
      else resolve(deltas.slice(1));
    }
    requestAnimationFrame(frame);
  })`) as Promise<number[]>,
  );
}

/** Writes 500 events/s into the log until `done` resolves. */
async function append(side: Side, from: number, done: Promise<unknown>): Promise<number> {
  let finished = false;
  void done.finally(() => (finished = true));
  const perBatch = Math.ceil(EVENTS_PER_SECOND / 8) * 2;
  let written = 0;
  while (!finished) {
    const started = performance.now();
    await within(30_000, 'append events', side.write(from + written, perBatch, Date.now(), 0, false));
    written += perBatch;
    await new Promise((r) => setTimeout(r, Math.max(0, 250 - (performance.now() - started))));
  }
  return written;
}

export async function panelBench(opts: BenchOptions): Promise<Row[]> {
  const rows: Row[] = [];
  const site = await startSite();
  try {
    for (const name of opts.browsers) {
      const sides: Side[] = [];
      try {
        const full = await openSide(name, site, EVENTS);
        sides.push(full);
        const empty = await openSide(name, site, 0);
        sides.push(empty);
        const opens = { full: [] as number[], empty: [] as number[] };
        await openTime(full);
        await openTime(empty);
        let late = 0;
        for (let r = 0; r < opts.rounds; r++) {
          for (const [side, out] of [
            [full, opens.full],
            [empty, opens.empty],
          ] as const) {
            const o = await openTime(side);
            out.push(o.ms);
            if (o.late) late++;
          }
        }
        console.log(
          `panel, ${name}, open: 100k events ${opens.full.map((x) => x.toFixed(0)).join(' ')} ms; empty log ${opens.empty.map((x) => x.toFixed(0)).join(' ')} ms`,
        );
        rows.push({
          bench: 'panel',
          case: 'open, 100k events / empty log',
          browser: name,
          ours: median(opens.full),
          floor: median(opens.empty),
          unit: 'ms',
          note: late > 0 ? `no target set; ${late} opens timed late (upper bounds)` : 'no target set',
        });

        const panels = await Promise.all(
          [full, empty].map((s) => within(LOADED_MS, 'open the panel', s.ext.openExtensionPage(PANEL, { tabId: s.tabId }))),
        );
        for (const p of panels)
          await waitInPage(p.page, () => document.documentElement.dataset['loaded'] === 'true', 'the panel loaded', LOADED_MS);
        const busy: number[] = [];
        const idle: number[] = [];
        let written = 0;
        for (let r = 0; r < Math.max(1, Math.ceil(opts.rounds / 2)); r++) {
          const trace = r === 0 && name === 'chromium' ? process.env['PANEL_TRACE'] : undefined;
          if (trace) await within(30_000, 'tracing start', panels[0]!.page.tracing.start({ path: trace, categories: TRACE_CATEGORIES }));
          const sampling = frames(panels[0]!);
          written += await append(full, EVENTS + written, sampling);
          busy.push(...(await sampling));
          if (trace) {
            await within(60_000, 'tracing stop', panels[0]!.page.tracing.stop());
            console.log(traceSummary(trace));
          }
          idle.push(...(await frames(panels[1]!)));
        }
        for (const p of panels) if (p.errors.length > 0) throw new Error(`panel errors: ${p.errors.join(' | ')}`);
        console.log(
          `panel, ${name}, frames: appending ${written} events: p95 ${quantile(busy, 0.95).toFixed(1)} ms, max ${Math.max(...busy).toFixed(0)} ms; empty log: p95 ${quantile(idle, 0.95).toFixed(1)} ms, max ${Math.max(...idle).toFixed(0)} ms`,
        );
        rows.push({
          bench: 'panel',
          case: 'frame p95, 500 events/s / empty log',
          browser: name,
          ours: quantile(busy, 0.95),
          floor: quantile(idle, 0.95),
          unit: 'ms',
          note: 'no target set',
        });
        rows.push({
          bench: 'panel',
          case: 'frame median, 500 events/s / empty log',
          browser: name,
          ours: median(busy),
          floor: median(idle),
          unit: 'ms',
          note: 'no target set',
        });
      } finally {
        for (const s of sides) await s.launched.close();
      }
    }
  } finally {
    await site.close();
  }
  return rows;
}
