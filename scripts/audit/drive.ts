/**
 * One audit in one browser launch: a fresh profile with the built extension, one tab whose headers
 * the extension records, each URL visited in turn until the network is quiet and every Set-Cookie
 * line has its outcome, the --login script, then the report page's own report of that tab.
 */
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import type { Page } from 'puppeteer-core';
import type { CookieRef } from '../../src/analysis/consent';
import type { AuditReport } from '../../src/report/index';
import { launch } from '../browser/browsers';
import { ExtensionControl } from '../browser/extension';
import { clickDownload, installDownloadCapture } from '../browser/page-downloads';
import type { ExtensionBrowser, TrackedPage } from '../browser/types';
import type { AuditOptions } from './args';
import { acceptConsent, type ConsentClick } from './consent';
import { markSessionMoment, type SessionMoment } from './moments';
import { AuditError, within } from './timeout';

const LAUNCH_MS = 60_000;
const PAGE_MS = 45_000;
const IDLE_MS = 500;
const SETTLE_MS = 20_000;
const LOGIN_MS = 120_000;

/** The watch port the DevTools page and the panel hold (src/platform/watch.ts): headers of that tab are recorded. */
const WATCH_PORT_PREFIX = 'cookie-monitor:watch:';

export interface AuditProgress {
  /** Before a URL is loaded (the bar shows it); optional. */
  visiting?(index: number, total: number, url: string): void;
  visited(index: number, total: number, url: string, status: number | null): void;
  note(line: string): void;
}

export interface ConsentPhases {
  /** Cookies in the jar after every URL was visited, before any click or script. */
  beforeInteraction: CookieRef[];
  /** With --accept-consent: the banner clicked on each URL (null: none found), and the jar after. */
  clicks?: Array<{ url: string; click: ConsentClick | null }>;
  afterConsent?: CookieRef[];
}

export interface AuditRun {
  report: AuditReport;
  moments: SessionMoment[];
  consent: ConsentPhases;
}

type LoginScript = (page: Page, ctx: { url: string }) => Promise<unknown>;

/** The cookies of the (fresh) profile now, by name, domain and path. */
async function jar(control: ExtensionControl): Promise<CookieRef[]> {
  const all = await control.page.page.evaluate(async () => {
    type C = { name: string; domain: string; path: string };
    const api = (globalThis as unknown as { browser: { cookies: { getAll(q: object): Promise<C[]> } } }).browser;
    return (await api.cookies.getAll({})).map((c) => ({ name: c.name, domain: c.domain, path: c.path }));
  });
  return all.map((c) => ({ ...c, domain: c.domain.replace(/^\./, '') }));
}

async function tabIds(control: ExtensionControl): Promise<number[]> {
  return control.page.page.evaluate(async () => {
    const api = (globalThis as unknown as { browser: { tabs: { query(q: object): Promise<Array<{ id?: number }>> } } }).browser;
    return (await api.tabs.query({})).map((t) => t.id ?? -1);
  });
}

/** A new tab and the id the extension knows it by (the one tab that was not there before). */
async function openAuditedTab(b: ExtensionBrowser, control: ExtensionControl): Promise<{ tab: TrackedPage; tabId: number }> {
  const before = new Set(await tabIds(control));
  const tab = await b.newPage();
  let tabId = -1;
  await control.waitFor(async () => {
    tabId = (await tabIds(control)).find((id) => id >= 0 && !before.has(id)) ?? -1;
    return tabId >= 0;
  }, 'the audited tab');
  return { tab, tabId };
}

/** Holds the watch port open from the extension's own page, as the DevTools panel does. */
async function watch(control: ExtensionControl, tabId: number): Promise<void> {
  await control.page.page.evaluate((name: string) => {
    const api = (globalThis as unknown as { browser: { runtime: { connect(o: object): unknown } } }).browser;
    (globalThis as unknown as { auditWatch?: unknown }).auditWatch = api.runtime.connect({ name });
  }, `${WATCH_PORT_PREFIX}${tabId}`);
  await control.waitForWatched(tabId);
}

/** Waits until the log holds no Set-Cookie line of the tab still inside its correlation window. */
async function settled(control: ExtensionControl, tabId: number): Promise<void> {
  await control.waitFor(
    async () => {
      await control.send('flush');
      const obs = await control.readTable<{ tabId?: number; setCookies?: Array<{ outcome: string }> }>('observations');
      return obs.filter((o) => o.tabId === tabId).every((o) => (o.setCookies ?? []).every((s) => s.outcome !== 'pending'));
    },
    'every Set-Cookie line to get its outcome',
    SETTLE_MS,
  );
}

/** Most specific first: Firefox wraps a certificate error's code in a generic NS_ERROR. */
const ERROR_CODES = [/MOZILLA_PKIX_ERROR_\w+/, /SEC_ERROR_\w+/, /SSL_ERROR_\w+/, /net::ERR_\w+/, /NS_ERROR_\w+/];

function describeLoadError(url: string, err: unknown, ignoreHttpsErrors: boolean): AuditError {
  const full = String(err instanceof Error ? err.message : err);
  // Browsers bury the reason in a protocol message; its error code is the useful part.
  const code = ERROR_CODES.map((re) => re.exec(full)?.[0]).find((c) => c !== undefined);
  const msg = code ?? full.split('\n')[0]!;
  if (!ignoreHttpsErrors && /CERT|SSL_|SEC_ERROR|PKIX/.test(full)) {
    return new AuditError(`TLS error at ${url}: ${msg} (add --ignore-https-errors to audit it anyway)`);
  }
  return new AuditError(`cannot load ${url}: ${msg}`);
}

async function visit(tab: TrackedPage, url: string, o: AuditOptions): Promise<number | null> {
  let status: number | null = null;
  try {
    const response = await within(PAGE_MS, `loading ${url}`, tab.page.goto(url, { waitUntil: 'load', timeout: PAGE_MS }));
    status = response?.status() ?? null;
  } catch (err) {
    throw describeLoadError(url, err, o.ignoreHttpsErrors);
  }
  // A page that polls forever never goes quiet; the settle wait below still bounds the visit.
  await tab.page.waitForNetworkIdle({ idleTime: IDLE_MS, timeout: 10_000 }).catch(() => undefined);
  return status;
}

async function loadLoginScript(file: string): Promise<{ login: LoginScript; logout: LoginScript | undefined }> {
  let mod: { default?: unknown; login?: unknown; logout?: unknown };
  try {
    mod = (await import(pathToFileURL(resolve(file)).href)) as typeof mod;
  } catch (err) {
    throw new AuditError(`cannot load the --login script ${file}: ${err instanceof Error ? err.message : String(err)}`);
  }
  const login = mod.default ?? mod.login;
  if (typeof login !== 'function') throw new AuditError(`--login ${file} exports no function (export default async (page, { url }) => …)`);
  return { login: login as LoginScript, logout: typeof mod.logout === 'function' ? (mod.logout as LoginScript) : undefined };
}

async function runMoment(
  kind: SessionMoment['kind'],
  script: LoginScript,
  tab: TrackedPage,
  tabId: number,
  url: string,
  control: ExtensionControl,
): Promise<SessionMoment> {
  const start = Date.now();
  try {
    await within(LOGIN_MS, `the --login script's ${kind}`, Promise.resolve(script(tab.page, { url })));
  } catch (err) {
    throw new AuditError(`the --login script's ${kind} failed: ${err instanceof Error ? err.message : String(err)}`);
  }
  await tab.page.waitForNetworkIdle({ idleTime: IDLE_MS, timeout: 10_000 }).catch(() => undefined);
  // The span ends once the script's cookie changes are in the log, so none falls outside it.
  await settled(control, tabId);
  const moment: SessionMoment = { kind, tabId, start, end: Date.now(), url: tab.page.url() };
  await within(PAGE_MS, `marking the ${kind}`, markSessionMoment(control, moment));
  return moment;
}

/** The report page's report of the tab: its JSON download, read as the page produced it. */
async function reportOf(b: ExtensionBrowser, tabId: number, o: AuditOptions): Promise<AuditReport> {
  const query: Record<string, string | number> = { tabId };
  if (o.includeValues) query['values'] = 1;
  if (o.includeHistory) query['history'] = 1;
  if (o.profile) query['profile'] = o.profile;
  const page = await b.openExtensionPage('src/pages/report/index.html', query);
  await page.page.waitForFunction(() => document.documentElement.dataset['loaded'] === 'true', { timeout: PAGE_MS });
  const failed = await page.page.$eval('body', (el) => el.querySelector('[role="alert"]')?.textContent ?? null);
  if (failed) throw new AuditError(`the report page could not build the report: ${failed}`);
  await page.page.waitForSelector('[data-testid="report"]', { timeout: PAGE_MS });
  await installDownloadCapture(page.page, false);
  const file = await clickDownload(page.page, 'download-json');
  return JSON.parse(file.text) as AuditReport;
}

export async function runAudit(o: AuditOptions, progress: AuditProgress): Promise<AuditRun> {
  const login = o.login ? await loadLoginScript(o.login) : undefined;
  let b: ExtensionBrowser;
  try {
    b = await within(LAUNCH_MS, `starting ${o.browser}`, launch(o.browser, { ignoreHttpsErrors: o.ignoreHttpsErrors }));
  } catch (err) {
    throw new AuditError(`${o.browser} did not start: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
  }
  try {
    const control = await within(LAUNCH_MS, 'the extension starting', ExtensionControl.open(b));
    const { tab, tabId } = await within(PAGE_MS, 'opening the audited tab', openAuditedTab(b, control));
    await within(PAGE_MS, 'turning header recording on', watch(control, tabId));
    for (const [i, url] of o.urls.entries()) {
      progress.visiting?.(i + 1, o.urls.length, url);
      const status = await visit(tab, url, o);
      await settled(control, tabId);
      if (o.waitMs > 0) await new Promise((r) => setTimeout(r, o.waitMs)); // the user's own extra settle time
      progress.visited(i + 1, o.urls.length, url, status);
    }
    const consent: ConsentPhases = { beforeInteraction: await jar(control) };
    if (o.acceptConsent) {
      consent.clicks = [];
      for (const url of o.urls) {
        await visit(tab, url, o);
        await settled(control, tabId);
        const click = await within(PAGE_MS, `looking for a consent banner on ${url}`, acceptConsent(tab.page));
        if (click) {
          await tab.page.waitForNetworkIdle({ idleTime: IDLE_MS, timeout: 10_000 }).catch(() => undefined);
          await settled(control, tabId);
        }
        consent.clicks.push({ url, click });
        progress.note(`consent on ${url}: ${click ? `accepted (${click.by})` : 'no banner found'}`);
      }
      consent.afterConsent = await jar(control);
    }
    const moments: AuditRun['moments'] = [];
    if (login) {
      const url = o.urls[0]!;
      moments.push(await runMoment('login', login.login, tab, tabId, url, control));
      if (login.logout) moments.push(await runMoment('logout', login.logout, tab, tabId, url, control));
      for (const m of moments) progress.note(`${m.kind} by --login script, ending at ${m.url}`);
    }
    const report = await within(PAGE_MS * 2, 'the report page', reportOf(b, tabId, o));
    return { report, moments, consent };
  } finally {
    await within(15_000, `closing ${o.browser}`, b.close()).catch(() => undefined);
  }
}
