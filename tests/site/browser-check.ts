/**
 * By hand, not in vitest: `npx tsx tests/site/browser-check.ts [options]`
 *
 * Starts the site, drives real Chromium (/usr/bin/chromium) and Firefox (/usr/bin/firefox-esr)
 * through every scenario on http and https, and compares what each browser stored (and, for
 * Chromium, the reasons it gave for refusing lines) with the catalogue. Prints one line per cookie
 * and exits 1 on any mismatch. This is how the catalogue's browser outcomes were verified.
 *
 *   --browser chromium|firefox|all   (default all)
 *   --scheme http|https|all          (default all)
 *   --only TEXT                      flows whose name contains TEXT
 *   --chromium-allow-3pc             Chromium profile with third-party cookies allowed
 *   --stored                         also print every cookie stored after each step
 *   --failures                       print mismatches only
 */
import { parseArgs } from 'node:util';
import { startSite, type Site } from './server';
import type { Party, Scheme } from './types';
import { type BrowserCookie, compare, comparePartitioning, type Verdict } from './browser-check/compare';
import { chromiumDriver, type Driver, firefoxDriver } from './browser-check/drivers';

interface Step {
  path: string;
  party?: Party;
  /** The page sets window.__siteDone when its script has finished. */
  wait?: boolean;
  click?: string;
  /** Judge partitioning: does this top-level request carry the cookies the embeds at these paths set? */
  partitionProbe?: string[];
}

const FLOWS: { name: string; steps: Step[] }[] = [
  {
    name: 'login',
    steps: [
      { path: '/login' },
      { path: '/login' },
      { path: '/login?user=alice' },
      { path: '/account' },
      { path: '/logout' },
      { path: '/account' },
    ],
  },
  { name: 'login-insecure', steps: [{ path: '/login-insecure' }] },
  ...['/persistent/expires', '/persistent/max-age', '/persistent/both', '/persistent/over-400-days', '/session'].map((path) => ({
    name: path.slice(1),
    steps: [{ path }],
  })),
  { name: 'samesite', steps: [{ path: '/samesite' }] },
  { name: 'prefixes', steps: [{ path: '/prefixes' }] },
  { name: 'prefixes-on-localhost', steps: [{ path: '/prefixes', party: 'third-party' }] },
  { name: 'size', steps: [{ path: '/size/near' }, { path: '/size/over' }, { path: '/size/attribute' }] },
  { name: 'limits-20', steps: [{ path: '/limits/20' }] },
  { name: 'limits-50', steps: [{ path: '/limits/50' }] },
  { name: 'limits-180', steps: [{ path: '/limits/180' }] },
  { name: 'limits-200', steps: [{ path: '/limits/200?prefix=x' }, { path: '/limits/clear?prefix=x' }] },
  { name: 'jwt', steps: [{ path: '/jwt' }] },
  { name: 'hostile', steps: [{ path: '/hostile' }] },
  {
    name: 'third-party',
    steps: [{ path: '/third-party' }, { path: '/api/echo', party: 'third-party', partitionProbe: ['/tp/frame', '/tp/pixel'] }],
  },
  { name: 'script', steps: [{ path: '/script', wait: true, click: '#set-on-click' }] },
  { name: 'overwrite', steps: [{ path: '/overwrite' }, { path: '/overwrite' }, { path: '/delete' }] },
  { name: 'domain-loose', steps: [{ path: '/domain/loose' }, { path: '/domain/echo', party: 'subdomain' }] },
  { name: 'domain-invalid', steps: [{ path: '/domain/invalid' }] },
  { name: 'malformed', steps: [{ path: '/malformed' }, { path: '/malformed/raw' }] },
  { name: 'fetch-burst', steps: [{ path: '/fetch-burst?n=100', wait: true }] },
  { name: 'http-send', steps: [{ path: '/http-send', wait: true }] },
];

const { values } = parseArgs({
  options: {
    browser: { type: 'string', default: 'all' },
    scheme: { type: 'string', default: 'all' },
    only: { type: 'string' },
    'chromium-allow-3pc': { type: 'boolean' },
    stored: { type: 'boolean' },
    failures: { type: 'boolean' },
  },
});

function origin(site: Site, party: Party, scheme: Scheme): string {
  if (party === 'third-party') return scheme === 'http' ? site.thirdParty : site.thirdPartyHttps;
  if (party === 'subdomain') return scheme === 'http' ? site.subdomain : site.subdomainHttps;
  return scheme === 'http' ? site.http : site.https;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Cookies once two reads 250 ms apart agree (Firefox applies a long Set-Cookie list after load). */
async function settled(session: { cookies(): Promise<BrowserCookie[]> }): Promise<BrowserCookie[]> {
  const key = (list: BrowserCookie[]) =>
    list
      .map((c) => `${c.name}=${c.value}@${c.domain}${c.path}`)
      .sort()
      .join('\n');
  await sleep(250);
  let before = await session.cookies();
  for (let i = 0; i < 20; i++) {
    await sleep(250);
    const now = await session.cookies();
    if (key(now) === key(before)) return now;
    before = now;
  }
  return before;
}

async function runDriver(site: Site, driver: Driver, schemes: Scheme[]): Promise<Verdict[]> {
  const all: Verdict[] = [];
  for (const scheme of schemes) {
    console.log(`\n== ${driver.label}, ${scheme}`);
    for (const flow of FLOWS.filter((f) => !values.only || f.name.includes(values.only))) {
      const session = await driver.newFlow();
      try {
        for (const step of flow.steps) {
          const url = origin(site, step.party ?? 'first-party', scheme) + step.path;
          const mark = site.log.length;
          await session.goto(url);
          if (step.wait) await session.waitDone();
          if (step.click) await session.click(step.click);
          if (step.partitionProbe) {
            const probe = site.log.slice(mark).find((e) => e.route === undefined && e.url === step.path);
            const embedded = site.log.slice(0, mark).filter((e) => step.partitionProbe?.includes(e.url) && e.scheme === scheme);
            const last = embedded.slice(-step.partitionProbe.length);
            const verdicts = probe
              ? comparePartitioning({
                  url,
                  probe,
                  embedded: last,
                  browser: driver.browser,
                  ...(driver.setting ? { setting: driver.setting } : {}),
                })
              : [{ url, id: step.path, expected: 'logged', actual: 'not logged', ok: false }];
            for (const v of verdicts)
              if (!values.failures || !v.ok)
                console.log(
                  `${v.ok ? 'ok  ' : 'FAIL'} ${step.path.padEnd(24)} ${v.id.padEnd(36)} expected ${v.expected.padEnd(34)} got ${v.actual}`,
                );
            all.push(...verdicts);
            continue;
          }
          const cookies = await settled(session);
          const input = { url, entries: site.log.slice(mark), cookies, browser: driver.browser };
          const verdicts = compare({
            ...input,
            ...(session.blocked ? { blocked: session.blocked } : {}),
            ...(driver.setting ? { setting: driver.setting } : {}),
          });
          for (const v of verdicts) {
            if (!values.failures || !v.ok)
              console.log(
                `${v.ok ? 'ok  ' : 'FAIL'} ${step.path.padEnd(24)} ${v.id.padEnd(36)} expected ${v.expected.padEnd(34)} got ${v.actual}`,
              );
          }
          if (values.stored) {
            const list = cookies.map((c) => `${c.name}@${c.domain}${c.path}${c.partitioned ? ' (partitioned)' : ''}`).join(' ');
            console.log(`     stored after ${step.path}: ${cookies.length} ${list}`);
          }
          all.push(...verdicts);
        }
      } catch (err) {
        console.log(`FAIL ${flow.name}: ${(err as Error).message.split('\n')[0]}`);
        all.push({ url: flow.name, id: flow.name, expected: 'flow runs', actual: String(err), ok: false });
      } finally {
        await session.close();
      }
    }
  }
  return all;
}

const site = await startSite();
const schemes: Scheme[] = values.scheme === 'all' ? ['http', 'https'] : [values.scheme as Scheme];
const failures: Verdict[] = [];
let total = 0;
try {
  const makers: (() => Promise<Driver>)[] = [];
  if (values.browser === 'all' || values.browser === 'chromium') {
    makers.push(() => chromiumDriver({ allowThirdPartyCookies: values['chromium-allow-3pc'] ?? false }));
  }
  if (values.browser === 'all' || values.browser === 'firefox') {
    makers.push(() => firefoxDriver());
  }
  for (const make of makers) {
    const driver = await make();
    try {
      const verdicts = await runDriver(site, driver, schemes);
      total += verdicts.length;
      failures.push(...verdicts.filter((v) => !v.ok));
    } finally {
      await driver.close();
    }
  }
} finally {
  await site.close();
}
console.log(`\n${total - failures.length} cookies as expected, ${failures.length} mismatched`);
process.exit(failures.length ? 1 : 0);
