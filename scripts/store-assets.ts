/**
 * `npm run store:assets [-- --browser chromium|firefox] [--no-build]`
 *
 * The store listing's screenshots, taken from the built extension on the demo site (tests/site):
 * the popup, the DevTools panel and the report page, each at 1280×800 (the Chrome Web Store's size,
 * which addons.mozilla.org accepts too) into store/screenshots/. The texts beside them
 * (store/listing.*.md, store/permissions.md) are written by hand; scripts/store-assets.test.ts checks
 * that every manifest permission has its justification.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { launch } from './browser/browsers';
import { ExtensionControl } from './browser/extension';
import type { BrowserName, ExtensionBrowser, TrackedPage } from './browser/types';
import { startSite } from '../tests/site/server';

const root = resolve(import.meta.dirname, '..');
export const SHOTS_DIR = resolve(root, 'store/screenshots');
export const STORE_SIZE = { width: 1280, height: 800 } as const;

/** Demo pages visited first, so the views have sessions, findings and a rejected line to show. */
const DEMO = [
  '/login',
  '/login?user=alice',
  '/account',
  '/session',
  '/persistent/over-400-days',
  '/samesite',
  '/prefixes',
  '/jwt',
  '/third-party',
  '/malformed',
];

const USAGE = 'usage: npm run store:assets [-- --browser chromium|firefox] [--no-build]';

async function waitFor(page: TrackedPage, check: () => boolean): Promise<void> {
  // Timer polling: a tab that is not in front gets no animation frames.
  await page.page.waitForFunction(check, { timeout: 30_000, polling: 100 });
}

async function shoot(page: TrackedPage, file: string): Promise<string> {
  const path = resolve(SHOTS_DIR, file);
  await page.page.bringToFront();
  await page.page.screenshot({ path, clip: { x: 0, y: 0, ...STORE_SIZE } });
  return path;
}

/**
 * The popup is narrow: shot at a popup's size, then set on a neutral 1280×800 canvas (an
 * about:blank page of the same browser) rather than left beside an empty white half.
 */
async function framePopup(b: ExtensionBrowser, popup: TrackedPage, file: string): Promise<string> {
  await popup.page.bringToFront();
  await popup.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  const width = await popup.page.evaluate(() => Math.ceil(document.body.getBoundingClientRect().width));
  const shot = await popup.page.screenshot({ clip: { x: 0, y: 0, width: Math.min(width, 760), height: 720 }, encoding: 'base64' });
  const canvas = await b.newPage();
  await canvas.page.setViewport(STORE_SIZE);
  await canvas.page.evaluate((data: string) => {
    document.body.style.cssText = 'margin:0;height:100vh;display:flex;align-items:center;justify-content:center;background:#e8eaed';
    const img = document.createElement('img');
    img.src = `data:image/png;base64,${data}`;
    img.style.cssText = 'box-shadow:0 4px 24px rgba(0,0,0,.25);border-radius:8px';
    document.body.append(img);
    return img.decode();
  }, shot);
  return shoot(canvas, file);
}

export async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { browser: { type: 'string', default: 'chromium' }, 'no-build': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const name = values.browser as BrowserName;
  if (name !== 'chromium' && name !== 'firefox') {
    console.error(USAGE);
    return 2;
  }
  if (!values['no-build']) {
    const r = spawnSync('npm', ['run', '--silent', name === 'firefox' ? 'build:firefox' : 'build:chrome'], { cwd: root, stdio: 'inherit' });
    if (r.status !== 0) return r.status ?? 1;
  }
  mkdirSync(SHOTS_DIR, { recursive: true });
  const site = await startSite();
  const b = await launch(name);
  try {
    const control = await ExtensionControl.open(b);
    await control.recordAllHeaders();
    const tab = await b.newPage();
    for (const path of DEMO) await b.goto(tab, site.http + path);
    const tabId = await b.tabIdOf(tab);
    await control.send('flush');
    const written: string[] = [];

    const popup = await b.newPage();
    await popup.page.setViewport(STORE_SIZE);
    await b.openExtensionPage('src/pages/popup/index.html', { tabId }, popup);
    await waitFor(
      popup,
      () => document.documentElement.dataset['loaded'] === 'true' && document.documentElement.dataset['complete'] === 'true',
    );
    written.push(await framePopup(b, popup, `popup-${name}.png`));

    const panel = await b.newPage();
    await panel.page.setViewport(STORE_SIZE);
    await b.openExtensionPage('src/pages/panel/index.html', { tabId }, panel);
    await waitFor(panel, () => document.querySelector('[role=option][data-kind]') !== null);
    await panel.page.click('[role=option][data-kind=set-cookie]');
    await panel.page.waitForSelector('[data-testid=row-detail]');
    written.push(await shoot(panel, `panel-${name}.png`));

    const report = await b.newPage();
    await report.page.setViewport(STORE_SIZE);
    await b.openExtensionPage('src/pages/report/index.html', { tabId }, report);
    await waitFor(report, () => document.documentElement.dataset['ready'] === 'true' && document.querySelector('[data-finding]') !== null);
    written.push(await shoot(report, `report-${name}.png`));

    for (const p of [popup, panel, report]) if (p.errors.length > 0) throw new Error(`page errors: ${p.errors.join('; ')}`);
    console.log(`Wrote ${written.map((w) => w.slice(root.length + 1)).join(', ')} (${STORE_SIZE.width}×${STORE_SIZE.height}).`);
    return 0;
  } finally {
    await b.close();
    await site.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = await main(process.argv.slice(2));
