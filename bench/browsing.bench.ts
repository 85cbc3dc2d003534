/**
 * Browsing overhead (`npm run bench:browsing`): a local page that fires 300 requests which set and
 * send cookies, loaded in the same browser with the extension and without it, alternating, in one
 * run. Prints the median page time of each and the ratio. Target: ≤ 1.05×.
 *
 * Measured twice: with the default settings (cookie changes recorded on every tab; headers only on
 * tabs open in DevTools or the panel, none here — the target applies to this everyday case), and
 * with `headerCapture: 'all'` (every request's headers recorded: what inspecting a tab costs, and
 * what the opt-in setting costs on every page). This machine's timings drift, so besides the ratio
 * of the medians the median of the per-round ratios is printed (each round loads both back to back),
 * and the CPU time each browser's processes used per load (Linux), which drifts much less.
 *
 *   npx tsx bench/browsing.bench.ts [rounds=15] [--browser chromium|firefox] [--only default|all]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH, launchChromium } from '../scripts/browser/chromium';
import { ExtensionControl } from '../scripts/browser/extension';
import { FIREFOX_PATH, launchFirefox } from '../scripts/browser/firefox';
import { startSite } from '../tests/site/server';
import { treeCpuMs } from './proc-cpu';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { browser: { type: 'string' }, only: { type: 'string' } } });
const ROUNDS = Number(positionals[0] ?? 15);
const browsers = values.browser ? [values.browser] : ['chromium', 'firefox'];
const root = resolve(import.meta.dirname, '..');
// 300 requests over 50 cookie names: every request sets one cookie and sends up to 50.
const PATH = '/fetch-burst?n=300&names=50';

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const quartiles = (xs: number[]): string => {
  const s = [...xs].sort((a, b) => a - b);
  return `${s[Math.floor(s.length / 4)]!.toFixed(2)}–${s[Math.floor((3 * s.length) / 4)]!.toFixed(2)}×`;
};

/** The same browser launched the way the harness launches it (flags, prefs), minus the extension. */
async function plain(name: string): Promise<{ browser: Browser; cleanup: () => void }> {
  if (name === 'firefox') {
    const browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX_PATH,
      headless: true,
      acceptInsecureCerts: true,
      args: ['--remote-allow-system-access'],
      extraPrefsFirefox: { 'browser.shell.checkDefaultBrowser': false, 'datareporting.policy.dataSubmissionEnabled': false },
    });
    return { browser, cleanup: () => undefined };
  }
  const profile = mkdtempSync(join(tmpdir(), 'cm-plain-'));
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    pipe: true,
    userDataDir: profile,
    args: [...CHROMIUM_ARGS, '--ignore-certificate-errors'],
  });
  return { browser, cleanup: () => rmSync(profile, { recursive: true, force: true }) };
}

async function timeLoad(page: Page, url: string): Promise<number> {
  const start = performance.now();
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  await page.waitForFunction(() => (window as unknown as { __siteDone?: boolean }).__siteDone === true, { polling: 10 });
  return performance.now() - start;
}

const site = await startSite();
try {
  for (const name of browsers) {
    const dist = resolve(root, 'dist', name === 'firefox' ? 'firefox' : 'chrome');
    const withExt = name === 'firefox' ? await launchFirefox(dist) : await launchChromium(dist);
    const control = await ExtensionControl.open(withExt);
    const extTab = await withExt.newPage();
    const bare = await plain(name);
    const bareTab = await bare.browser.newPage();
    const url = site.http + PATH;
    const extPid = extTab.page.browser().process()?.pid;
    const barePid = bare.browser.process()?.pid;
    // Warm both (first loads pay for cache and connection setup).
    await timeLoad(extTab.page, url);
    await timeLoad(bareTab, url);
    const measure = async (label: string, target: boolean): Promise<void> => {
      const a: number[] = [];
      const b: number[] = [];
      const pairs: number[] = [];
      let cpuA = 0;
      let cpuB = 0;
      for (let r = 0; r < ROUNDS; r++) {
        await extTab.page.bringToFront();
        const ca = treeCpuMs(extPid);
        const x = await timeLoad(extTab.page, url);
        // Everything the extension does for this load (writes included) before the next one.
        await control.send('flush');
        cpuA += (treeCpuMs(extPid) ?? 0) - (ca ?? 0);
        await bareTab.bringToFront();
        const cb = treeCpuMs(barePid);
        const y = await timeLoad(bareTab, url);
        cpuB += (treeCpuMs(barePid) ?? 0) - (cb ?? 0);
        a.push(x);
        b.push(y);
        pairs.push(x / y);
      }
      const status = await control.send<{ log: { written: number; dropped: number } }>('getStatus');
      const ratio = median(a) / median(b);
      console.log(`\n${name}: ${PATH}, ${ROUNDS} alternating rounds (median) — ${label}`);
      console.log(`  without the extension : ${median(b).toFixed(0)} ms`);
      console.log(`  with the extension    : ${median(a).toFixed(0)} ms  (log: ${status.log.written} written, ${status.log.dropped} dropped)`);
      const verdict = target ? ` (target ≤ 1.05) ${ratio <= 1.05 ? 'OK' : 'ABOVE TARGET'}` : ' (no target: opt-in)';
      console.log(`  ratio                 : ${ratio.toFixed(3)}×${verdict}`);
      console.log(`  per-round ratios      : median ${median(pairs).toFixed(3)}×, middle half ${quartiles(pairs)}`);
      if (extPid !== undefined && barePid !== undefined) {
        const pa = cpuA / ROUNDS;
        const pb = cpuB / ROUNDS;
        console.log(`  browser CPU per load  : ${pb.toFixed(0)} ms without, ${pa.toFixed(0)} ms with (${(pa / pb).toFixed(3)}×)`);
      }
    };
    const listening = async (): Promise<boolean> =>
      (await control.send<{ headers: { listening: boolean } }>('getStatus')).headers.listening;
    await control.waitFor(async () => !(await listening()), 'header listeners detached (no tab inspected)');
    if (values.only !== 'all') await measure('default settings: no tab inspected, cookie changes recorded', true);
    if (values.only === 'default') {
      await withExt.close();
      await bare.browser.close();
      bare.cleanup();
      continue;
    }
    await control.send('updateSettings', { headerCapture: 'all' });
    await control.waitFor(listening, 'header listeners attached');
    await timeLoad(extTab.page, url);
    await measure("headerCapture 'all' (every request's headers recorded)", false);
    await withExt.close();
    await bare.browser.close();
    bare.cleanup();
  }
} finally {
  await site.close();
}
