/**
 * Popup against a floor popup (bench/floors/popup: read the tab, cookies.getAll, render names):
 * navigation start → every cookie name of the site in the page's text (bench/text-watch.ts), ours
 * and the floor alternating, each in its own browser. Jars: realistic (50 cookies on the tab's site,
 * 3,000 elsewhere) and heavy (the tab's requests reached 300 more sites: 3,050 in scope). Warm, and
 * with the extension's service worker stopped first (Chromium; Firefox runs an event page that no
 * driver can stop). Also the popup's JS, gzipped, against its 40 KB budget. See docs/BENCHMARKS.md.
 */
import { pageScripts, sizes, staticScriptGraph } from '../scripts/bundle-graph';
import { BROWSERS } from '../scripts/browser/browsers';
import { ExtensionControl } from '../scripts/browser/extension';
import type { BrowserName, ExtensionBrowser } from '../scripts/browser/types';
import { startSite, type Site } from '../tests/site/server';
import { launchVariant, median, within, type BenchOptions, type Launched, type Row } from './lib';
import { NotShown, namesMissing, namesShown, timeUntil } from './text-watch';

const DOMAINS = 300;
const PER_DOMAIN = 10;
const SITE_COOKIES = 50;
const OURS_PAGE = 'src/pages/popup/index.html';
const FLOOR_PAGE = 'popup.html';
const SHOWN_MS = 30_000;
/** How long the first open may take to show every name before the case is marked as never showing them. */
const NOT_SHOWN_MS = 15_000;
/** Fixed-length tokens: no name is part of another, whatever text surrounds it. */
const siteName = (i: number): string => `st${String(i).padStart(3, '0')}q`;
const otherName = (d: number, i: number): string => `x${String(d).padStart(3, '0')}${i}q`;
const NAME_PATTERN = /st\d{3}q|x\d{4}q/;
const hostOf = (d: number): string => `www.site${d}.test`;

interface Side {
  launched: Launched;
  ext: ExtensionBrowser;
  page: string;
  tabId: number;
  query: Record<string, string | number>;
  /** Opens whose names were all there before the watcher was: their times are upper bounds. */
  late: number;
}

/** The id of the tab showing `url`, asked from one of the extension's own pages. */
export async function tabIdIn(ext: ExtensionBrowser, page: string, url: string): Promise<number> {
  const probe = await within(30_000, 'open an extension page', ext.openExtensionPage(page));
  try {
    const id = (await within(
      15_000,
      'tabs.query',
      probe.page.evaluate(`(async () => {
      const api = globalThis.browser ?? globalThis.chrome;
      const tabs = await api.tabs.query({});
      return (tabs.find((t) => t.url === ${JSON.stringify(url)}) || { id: -1 }).id;
    })()`),
    )) as number;
    if (id < 0) throw new Error(`no tab shows ${url}`);
    return id;
  } finally {
    await probe.page.close();
  }
}

/** The jar, through the cookies API like a real profile: 50 on the tab's site, 300 × 10 elsewhere. */
async function fillJar(ext: ExtensionBrowser, page: string, site: Site): Promise<void> {
  const t = await within(30_000, 'open an extension page', ext.openExtensionPage(page));
  const made = (await within(
    120_000,
    'set 3,050 cookies',
    t.page.evaluate(`(async () => {
    const api = globalThis.browser ?? globalThis.chrome;
    const jobs = [];
    for (let i = 0; i < ${SITE_COOKIES}; i++) jobs.push(api.cookies.set({ url: ${JSON.stringify(`${site.http}/`)}, name: 'st' + String(i).padStart(3, '0') + 'q', value: 'v'.repeat(24) }));
    for (let d = 0; d < ${DOMAINS}; d++) for (let i = 0; i < ${PER_DOMAIN}; i++)
      jobs.push(api.cookies.set({ url: 'https://www.site' + d + '.test/', name: 'x' + String(d).padStart(3, '0') + i + 'q', value: 'v'.repeat(24), secure: true }));
    return (await Promise.all(jobs)).filter(Boolean).length;
  })()`),
  )) as number;
  await t.page.close();
  if (made !== SITE_COOKIES + DOMAINS * PER_DOMAIN)
    throw new Error(`the jar holds ${made} of ${SITE_COOKIES + DOMAINS * PER_DOMAIN} cookies`);
}

/** Ours learns which sites a tab's requests reached from its log: 2,000 request observations naming the 300 sites. */
async function seedScope(control: ExtensionControl, tabId: number): Promise<void> {
  await within(30_000, 'flush', control.send('flush'));
  await within(
    60_000,
    'seed the log',
    control.page.page.evaluate(`(async () => {
    const open = indexedDB.open('cookie-monitor');
    const db = await new Promise((ok, ko) => { open.onsuccess = () => ok(open.result); open.onerror = () => ko(open.error); });
    const tx = db.transaction(['observations'], 'readwrite');
    const now = Date.now();
    for (let i = 0; i < 2000; i++) {
      const domain = 'site' + (i % ${DOMAINS}) + '.test';
      tx.objectStore('observations').put({ id: 1000000000 + i, time: now - (2000 - i) * 10, kind: 'request', tabId: ${tabId}, frameId: 0,
        requestId: 'b' + i, url: 'https://www.' + domain + '/p', method: 'GET', resourceType: 'xmlhttprequest', topLevelSite: '127.0.0.1',
        scheme: 'https', registrableDomain: domain, cookieNames: ['x'], cookieMentions: [domain + '|x'] });
    }
    await new Promise((ok, ko) => { tx.oncomplete = ok; tx.onerror = () => ko(tx.error); });
    db.close();
  })()`),
  );
}

async function openSide(name: BrowserName, ours: boolean, site: Site): Promise<Side> {
  const launched = await launchVariant(name, ours ? { kind: 'ours' } : { kind: 'floor', floor: 'popup' });
  const ext = launched.ext!;
  const page = ours ? OURS_PAGE : FLOOR_PAGE;
  if (ours) await within(30_000, 'ours ready', ExtensionControl.open(ext));
  await fillJar(ext, page, site);
  const tab = await ext.newPage();
  await within(30_000, 'load the site', ext.goto(tab, `${site.http}/`));
  const tabId = await tabIdIn(ext, page, tab.page.url());
  return { launched, ext, page, tabId, query: { tabId }, late: 0 };
}

/** One popup open: ms from its navigation start until every expected name is in its text. */
async function openOnce(side: Side, names: readonly string[], timeoutMs = SHOWN_MS): Promise<number> {
  const t = await within(30_000, 'new tab', side.ext.newPage());
  try {
    const early = side.ext.name === 'chromium';
    const watch = { ...namesShown(names, NAME_PATTERN), what: 'every name', missing: namesMissing(names, NAME_PATTERN) };
    const shown = await timeUntil(t.page, early, () => side.ext.openExtensionPage(side.page, side.query, t), watch, timeoutMs);
    if (shown.late) side.late++;
    return shown.ms;
  } finally {
    await t.page.close().catch(() => undefined);
  }
}

function popupJsKb(name: BrowserName): number {
  const dist = BROWSERS[name].dist;
  const files = sizes(dist, staticScriptGraph(dist, pageScripts(dist, OURS_PAGE)));
  return files.reduce((n, f) => n + f.gzip, 0) / 1024;
}

export async function popupBench(opts: BenchOptions): Promise<Row[]> {
  const rows: Row[] = [];
  const site = await startSite();
  try {
    for (const name of opts.browsers) {
      const sides: Side[] = [];
      try {
        const ours = await openSide(name, true, site);
        sides.push(ours);
        const floor = await openSide(name, false, site);
        sides.push(floor);
        const stoppable = ours.ext.stopServiceWorker !== undefined;
        const run = async (label: string, names: string[], target: number, stop: boolean): Promise<void> => {
          if (stop && !stoppable) {
            rows.push({
              bench: 'popup',
              case: label,
              browser: name,
              ours: NaN,
              floor: NaN,
              unit: 'ms',
              note: 'not drivable: Firefox has no way to stop an event page',
            });
            return;
          }
          let missing: string | undefined;
          const a: number[] = [];
          const b: number[] = [];
          // A first open of each warms the disk cache and the renderer. A popup that never shows
          // every name (its tables paged, say) is a result, not a crash: the row says so, and the
          // floor is still measured.
          let shown = true;
          try {
            await openOnce(ours, names, NOT_SHOWN_MS);
          } catch (err) {
            if (!(err instanceof NotShown)) throw err;
            shown = false;
            missing = `ours ${err.message}`;
          }
          await openOnce(floor, names);
          ours.late = floor.late = 0;
          for (let r = 0; r < opts.rounds; r++) {
            for (const [side, out] of (shown
              ? [
                  [ours, a],
                  [floor, b],
                ]
              : [[floor, b]]) as [Side, number[]][]) {
              if (stop) await within(30_000, 'stop the service worker', side.ext.stopServiceWorker!());
              out.push(await openOnce(side, names));
            }
          }
          const list = (xs: number[]): string => (xs.length > 0 ? `${xs.map((x) => x.toFixed(0)).join(' ')} ms` : 'not measured');
          console.log(`popup, ${name}, ${label}: ours ${list(a)}; floor ${list(b)}`);
          const late = ours.late + floor.late > 0 ? `${ours.late} ours / ${floor.late} floor opens timed late (upper bounds)` : undefined;
          const note = [missing, late].filter(Boolean).join('; ');
          rows.push({
            bench: 'popup',
            case: label,
            browser: name,
            ours: median(a),
            floor: median(b),
            unit: 'ms',
            target,
            ...(note ? { note } : {}),
          });
        };
        const siteNames = Array.from({ length: SITE_COOKIES }, (_, i) => siteName(i));
        await run('realistic, warm', siteNames, 1.5, false);
        await run('realistic, worker stopped', siteNames, 2, true);
        // Heavy: the tab reached 300 more sites; the floor is asked for each of them.
        await seedScope(await within(30_000, 'ours ready', ExtensionControl.open(ours.ext)), ours.tabId);
        floor.query = { tabId: floor.tabId, hosts: Array.from({ length: DOMAINS }, (_, d) => hostOf(d)).join(',') };
        const heavyNames = [
          ...siteNames,
          ...Array.from({ length: DOMAINS * PER_DOMAIN }, (_, k) => otherName(Math.floor(k / PER_DOMAIN), k % PER_DOMAIN)),
        ];
        await run('heavy, warm', heavyNames, 3, false);
        await run('heavy, worker stopped', heavyNames, 3, true);
        rows.push({
          bench: 'popup',
          case: 'popup JS, gzip',
          browser: name,
          ours: popupJsKb(name),
          floor: 40,
          unit: 'KB',
          target: 1,
          note: 'floor = 40 KB budget',
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
