/**
 * DevTools panel with a 100,000-event log, in the built Chromium extension (issue 6):
 *   1. open → latest events shown: navigation start → the panel's `panel-loaded` mark, set with
 *      `data-loaded` once the first data render committed (target ≤ 300 ms);
 *   2. smooth while the log grows: real cookie traffic (fetches to the test site's /api/set, each a
 *      request, a Set-Cookie response and a cookie change, ≈ 500 events/s) while the timeline is
 *      scrolled programmatically; frame times are requestAnimationFrame deltas (median, p95, max).
 *      PANEL_APPEND=log writes 500 events/s into the log instead (the recorder's batching: one
 *      transaction per 250 ms), without the traffic: the panel's own cost, apart from the browser
 *      serving the requests and cookie changes, which on a 2-core machine competes for the CPU.
 *      PANEL_APPEND=log+traffic: those writes while another tab, not inspected, makes the traffic
 *      (with PANEL_PAUSED=1 too: recording paused, the traffic is the browser's work alone).
 *
 *   npm run build && npx tsx bench/panel.bench.ts [runs=7] [seconds=5]
 *
 * Not part of `npm test`.
 */
import { startSite } from '../tests/site/server';
import { launch } from '../scripts/browser/browsers';
import { ExtensionControl } from '../scripts/browser/extension';
import { logWriter } from './panel-log';
import { traceSummary } from './trace-summary';

const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'blink', 'toplevel', 'IndexedDB'];


const RUNS = Number(process.argv[2] ?? 7);
const SECONDS = Number(process.argv[3] ?? 5);
const EVENTS = 100_000;
/** Each fetch logs about three events (request, response, change): 170/s ≈ 500 events/s. */
const FETCHES_PER_SECOND = 170;
const EVENTS_PER_SECOND = 500;

const quantile = (xs: number[], q: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * (s.length - 1)))] ?? NaN;
};
const ms = (n: number): string => `${n.toFixed(1)} ms`;

const site = await startSite();
const b = await launch('chromium');
try {
  const control = await ExtensionControl.open(b);
  const tab = await b.newPage();
  await b.goto(tab, `${site.http}/login`);
  const tabId = await b.tabIdOf(tab);
  await control.send('flush');

  const writeEvents = logWriter(control, tabId);
  const seeded = await writeEvents(0, EVENTS, Date.now() - EVENTS * 10, 10);
  console.log(`log: ${seeded} events (${EVENTS} seeded for tab ${tabId})`);

  // 1. Open → latest events on screen.
  const opens: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const panel = await b.openExtensionPage('src/pages/panel/index.html', { tabId });
    await panel.page.waitForFunction(() => document.documentElement.dataset['loaded'] === 'true', { timeout: 30_000 });
    const { mark, newest, steps } = (await panel.page.evaluate(() => {
      const rows = [...document.querySelectorAll('[role=option]')];
      // No named helpers in here: tsx would wrap them in a `__name` call the page does not have.
      const [script, log, scope] = ['panel-script', 'panel-log', 'panel-scope'].map((n) => (performance.getEntriesByName(n)[0]?.startTime ?? NaN).toFixed(0));
      const built = performance.getEntriesByName('panel-rows').map((e) => e.duration.toFixed(0));
      return {
        mark: performance.getEntriesByName('panel-loaded')[0]?.startTime ?? NaN,
        newest: rows.map((r) => `${r.id}@${(r as HTMLElement).style.top}`).join(' '),
        steps: `script ${script} ms, log ${log} ms, cookies ${scope} ms, rows built in ${built.join('+')} ms`,
      };
    })) as { mark: number; newest: string; steps: string };
    console.log(`  run ${run + 1}: ${mark.toFixed(0)} ms (${steps})`);
    // The newest seeded event is the script change with the highest id: its row must be rendered.
    if (!newest.includes(`tl-c${1_000_000_000 + EVENTS - 1}@`)) {
      const state = await panel.page.evaluate(() => ({
        options: document.querySelectorAll('[role=option]').length,
        count: document.querySelector('[data-testid=row-count]')?.getAttribute('data-total') ?? 'no count',
        list: (document.querySelector('.vlist') as HTMLElement | null)?.clientHeight,
        body: document.body.innerText.slice(0, 300),
      }));
      throw new Error(`the newest event is not on screen (last row: ${newest}) ${JSON.stringify(state)}`);
    }
    opens.push(mark);
    // And still the newest once the full page has replaced the fast first one (the list follows the tail).
    await panel.page.waitForSelector('[data-testid=row-count][data-complete=true]', { timeout: 30_000 });
    const stillNewest = await panel.page.$(`[id="tl-c${1_000_000_000 + EVENTS - 1}"]`);
    if (!stillNewest) throw new Error('the newest event left the screen when the full page arrived');
    if (panel.errors.length > 0) throw new Error(`panel errors: ${panel.errors.join('\n')}`);
    await panel.page.close();
  }
  console.log(`open → latest events shown (${RUNS} runs): median ${ms(quantile(opens, 0.5))}, max ${ms(Math.max(...opens))} (target ≤ 300 ms)`);

  // 2. Frame times while appending ≈ 500 events/s and scrolling. PANEL_OTHER_TAB=1 shows another
  // (empty) tab instead, to separate the panel's own cost from the machine's and the recorder's.
  const panel = await b.openExtensionPage('src/pages/panel/index.html', { tabId: process.env['PANEL_OTHER_TAB'] ? tabId + 1 : tabId });
  await panel.page.bringToFront();
  await panel.page.waitForFunction(() => document.documentElement.dataset['loaded'] === 'true', { timeout: 30_000 });
  // A string, not a function: tsx would wrap the named rAF callback in a `__name` call the page lacks.
  const sampleFrames = async (): Promise<number[]> =>
    (await panel.page.evaluate(`new Promise((resolve) => {
    const list = document.querySelector('.vlist');
    const deltas = [];
    const end = performance.now() + ${SECONDS * 1000};
    let last = performance.now();
    let step = -60;
    function frame(now) {
      deltas.push(now - last);
      last = now;
      // Scroll up through the log, bouncing at the ends, as a user dragging through it would.
      if (list.scrollTop + step <= 0 || list.scrollTop + list.clientHeight + step >= list.scrollHeight) step = -step;
      list.scrollTop += step;
      if (now < end) requestAnimationFrame(frame);
      else resolve(deltas.slice(1));
    }
    requestAnimationFrame(frame);
  })`)) as number[];
  const summary = (frames: number[]): string =>
    `${frames.length} frames, median ${ms(quantile(frames, 0.5))}, p95 ${ms(quantile(frames, 0.95))}, max ${ms(Math.max(...frames))}, >33 ms: ${frames.filter((f) => f > 33.4).length}, >50 ms: ${frames.filter((f) => f > 50).length}`;
  // Baseline on this machine: the same scrolling with no new events.
  if (!process.env['PANEL_OTHER_TAB']) {
    await panel.page.waitForFunction((n: number) => Number(document.querySelector('[data-testid=row-count]')?.getAttribute('data-total')) > n, {}, 1000);
  }
  // CPU time the panel's renderer spent (not wall time: on a loaded machine long tasks mostly measure waiting).
  const cdp = await panel.page.createCDPSession();
  await cdp.send('Performance.enable');
  const cpu = async (): Promise<Record<string, number>> =>
    Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
  const busyBetween = (before: Record<string, number>, after: Record<string, number>, k: string): string =>
    ms(((after[k] ?? 0) - (before[k] ?? 0)) * 1000);
  const cpuIdleBefore = await cpu();
  console.log(`frames while scrolling, idle log: ${summary(await sampleFrames())}`);
  const cpuIdleAfter = await cpu();
  // The same scrolling without new events: what appending adds is the difference.
  console.log(
    `panel renderer CPU while scrolling the idle log for ${SECONDS} s: tasks ${busyBetween(cpuIdleBefore, cpuIdleAfter, 'TaskDuration')}, script ${busyBetween(cpuIdleBefore, cpuIdleAfter, 'ScriptDuration')}, layout ${busyBetween(cpuIdleBefore, cpuIdleAfter, 'LayoutDuration')}, style ${busyBetween(cpuIdleBefore, cpuIdleAfter, 'RecalcStyleDuration')}`,
  );
  await panel.page.evaluate(`(() => {
    window.__long = [];
    new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__long.push(e.duration); }).observe({ type: 'longtask' });
    performance.clearMeasures('panel-rows');
  })()`);
  const cpuBefore = await cpu();
  if (process.env['PANEL_PROFILE']) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.start');
  }
  if (process.env['PANEL_TRACE']) await panel.page.tracing.start({ path: process.env['PANEL_TRACE'], categories: TRACE_CATEGORIES });
  await control.send('flush');
  const recordsBefore = await writeEvents(0, 0, 0, 0);
  const countBefore = Number(await panel.page.$eval('[data-testid=row-count]', (e) => e.getAttribute('data-total')));
  // PANEL_APPEND=log: the events are written into the log directly, 500/s in the recorder's
  // batches (one transaction per 250 ms), without the traffic that would cause them: the panel's
  // own cost, apart from the browser's cost of serving 170 requests/s and their cookie changes.
  const appendToLog = async (): Promise<number> => {
    // Even: each pair of indices is one observation and one change.
    const perBatch = Math.ceil(EVENTS_PER_SECOND / 8) * 2;
    const end = performance.now() + SECONDS * 1000;
    let written = 0;
    while (performance.now() < end) {
      const started = performance.now();
      await writeEvents(EVENTS + written, perBatch, Date.now(), 0, false);
      written += perBatch;
      await new Promise((r) => setTimeout(r, Math.max(0, 250 - (performance.now() - started))));
    }
    return written;
  };
  // PANEL_APPEND=log+traffic: the same writes, while another tab (not inspected, on the other host
  // name, so none of it is in the panel's view) makes the real traffic: the panel's work is that of
  // `log`, the machine's load that of the default.
  const mode = process.env['PANEL_APPEND'] ?? 'traffic';
  const trafficTab = mode === 'log+traffic' ? await b.newPage() : tab;
  if (mode === 'log+traffic') {
    await b.goto(trafficTab, `${site.thirdParty}/login`);
    await panel.page.bringToFront();
    // PANEL_PAUSED=1: recording paused, so the traffic costs what it costs the browser alone.
    if (process.env['PANEL_PAUSED']) await control.send('setPaused', { paused: true });
  }
  const fetching = mode === 'log' ? Promise.resolve(0) : trafficTab.page.evaluate(
    async (perSecond: number, seconds: number) => {
      const end = performance.now() + seconds * 1000;
      let i = 0;
      const pending: Promise<unknown>[] = [];
      while (performance.now() < end) {
        const tickStart = performance.now();
        for (let k = 0; k < perSecond / 10; k++) pending.push(fetch(`/api/set?i=${i++}&names=50`).then((r) => r.text()));
        await new Promise((r) => setTimeout(r, Math.max(0, 100 - (performance.now() - tickStart))));
      }
      await Promise.all(pending);
      return i;
    },
    FETCHES_PER_SECOND,
    SECONDS,
  ) as Promise<number>;
  const traffic = mode === 'traffic' ? fetching : appendToLog();
  const frames = await sampleFrames();
  const cpuAfter = await cpu();
  if (process.env['PANEL_PROFILE']) {
    const { profile } = await cdp.send('Profiler.stop');
    const self = new Map<string, number>();
    const dt = new Map<number, number>();
    profile.samples?.forEach((id, i) => dt.set(id, (dt.get(id) ?? 0) + (profile.timeDeltas?.[i] ?? 0)));
    for (const n of profile.nodes) {
      const k = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`;
      self.set(k, (self.get(k) ?? 0) + (dt.get(n.id) ?? 0) / 1000);
    }
    console.log([...self].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([k, v]) => `${v.toFixed(0).padStart(6)} ms ${k}`).join('\n'));
  }
  if (process.env['PANEL_TRACE']) {
    await panel.page.tracing.stop();
    console.log(traceSummary(process.env['PANEL_TRACE']));
  }
  const appended = (await traffic) as number;
  const direct = mode !== 'traffic';
  if (mode === 'log+traffic') console.log(`other tab: ${await fetching} fetches in ${SECONDS} s`);
  await control.send('flush');
  if (!process.env['PANEL_OTHER_TAB']) {
    // What was appended reached the panel: back at the bottom, the newest rows are the last
    // fetches' responses, or the last event written.
    await panel.page.waitForFunction(
      (last: string) => {
        const list = document.querySelector('.vlist') as HTMLElement;
        list.scrollTop = list.scrollHeight;
        return document.querySelector(last) !== null;
      },
      { timeout: 15_000, polling: 100 },
      direct ? `[role=option][data-url$="/api/bench?i=${EVENTS + appended - 2}"]` : '[role=option][data-url*="/api/set"]',
    );
  }
  const countAfter = Number(await panel.page.$eval('[data-testid=row-count]', (e) => e.getAttribute('data-total')));
  const records = (await writeEvents(0, 0, 0, 0)) - recordsBefore;
  console.log(
    `appending: ${direct ? `${appended} events written to the log` : `${appended} fetches`} in ${SECONDS} s; timeline rows ${countBefore} → ${countAfter} (a sliding page of the newest entries); ${records} log records (${(records / SECONDS).toFixed(0)}/s)`,
  );
  console.log(`frames while scrolling, appending ≈ 500 events/s: ${summary(frames)}`);
  const work = (await panel.page.evaluate(`(() => {
    const rows = performance.getEntriesByName('panel-rows').map((e) => e.duration);
    return { long: window.__long.length, longMs: window.__long.reduce((a, b) => a + b, 0), longMax: Math.max(0, ...window.__long),
      builds: rows.length, buildMs: rows.reduce((a, b) => a + b, 0) };
  })()`)) as { long: number; longMs: number; longMax: number; builds: number; buildMs: number };
  const busy = (k: string): string => busyBetween(cpuBefore, cpuAfter, k);
  console.log(
    `panel renderer CPU while appending and scrolling for ${SECONDS} s: tasks ${busy('TaskDuration')}, script ${busy('ScriptDuration')}, layout ${busy('LayoutDuration')}, style ${busy('RecalcStyleDuration')}`,
  );
  console.log(
    `panel main thread while appending: ${work.long} long tasks (${ms(work.longMs)} total, max ${ms(work.longMax)}); timeline updated ${work.builds}× (${ms(work.buildMs)} total)`,
  );
  if (panel.errors.length > 0) throw new Error(`panel errors: ${panel.errors.join('\n')}`);
} finally {
  await b.close();
  await site.close();
}
