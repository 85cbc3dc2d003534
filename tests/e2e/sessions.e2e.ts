/**
 * Sessions in real browsers: walk every session app of the test site (catalogue/sessions.ts plus
 * the /login app), then read the report page's JSON download: the exact sessions and findings per
 * app, no finding on the apps that renew at login and clear at logout, and no secret (cookie
 * values, URL session IDs, Authorization credentials) in IndexedDB or in the default report.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { SessionSummary } from '../../src/analysis/sessions';
import type { AuditReport } from '../../src/report/index';
import { validateReport } from '../../src/report/validate';
import { SESSION_APP_FINDINGS } from '../site/catalogue/sessions';
import { startSite, type Site } from '../site/server';
import { launch, selectedBrowsers } from '../../scripts/browser/browsers';
import { ExtensionControl } from '../../scripts/browser/extension';
import { readLog, settledResponse } from './harness/log';
import { clickDownload, installDownloadCapture } from './harness/report-downloads';
import type { ExtensionBrowser, TrackedPage } from '../../scripts/browser/types';

const BEARER = 'bearer-token-SECRET-7f3a9c';
const BASIC_USER = 'alice:pw-SECRET-42';
const TABLES = ['changes', 'observations', 'jar', 'marks', 'settings'];

/** Sends a request from the page, as the app's own script would. */
async function pageFetch(
  tab: TrackedPage,
  path: string,
  init: { method?: string; body?: string; headers?: Record<string, string> } = {},
): Promise<void> {
  await tab.page.evaluate(
    async (p: string, i: { method?: string; body?: string; headers?: Record<string, string> }) => {
      const r = await fetch(p, { credentials: 'same-origin', ...i });
      await r.text();
    },
    path,
    init,
  );
}

/** Waits until a request or response for `url` (as stored: parameter values redacted) is in the log. */
async function seen(control: ExtensionControl, kind: 'request' | 'response', test: (url: string) => boolean, what: string): Promise<void> {
  await control.waitFor(async () => (await readLog(control)).observations.some((o) => o.kind === kind && test(o.url)), what);
}

const sessionName = (s: SessionSummary): string => (s.cookie ? `${s.cookie.name}@${s.cookie.path}` : `Authorization ${s.scheme ?? ''}`);

interface ShownSession {
  renewed: string;
  cleared: string;
  findings: string[];
}

/** What the popup and the panel must say of a session: the report's conclusions, in their words. */
function expectedShown(s: SessionSummary): ShownSession {
  return {
    renewed: s.rotatedAtLogin === null ? 'unknown' : s.rotatedAtLogin ? 'yes' : 'no',
    cleared: s.logout === null ? 'unknown' : s.endedBy === 'logout' ? 'yes' : 'no',
    findings: [...s.findings].sort(),
  };
}

/** The sessions a page shows, by `name@path`, read from the data attributes of `selector`'s entries. */
async function shownSessions(tab: TrackedPage, selector: string): Promise<Record<string, ShownSession>> {
  const rows = await tab.page.$$eval(selector, (els) =>
    els.map(
      (e) =>
        [
          e.getAttribute('data-session') ?? '',
          {
            renewed: e.getAttribute('data-renewed-at-login') ?? '',
            cleared: e.getAttribute('data-cleared-at-logout') ?? '',
            findings: (e.getAttribute('data-session-findings') ?? '')
              .split(' ')
              .filter((x) => x !== '')
              .sort(),
          },
        ] as const,
    ),
  );
  return Object.fromEntries(rows);
}

describe.each(selectedBrowsers())('%s: sessions from login to logout', (name) => {
  let b: ExtensionBrowser;
  let control: ExtensionControl;
  let site: Site;
  let tab: TrackedPage;
  let report: AuditReport;
  let reportText = '';
  let jsessionInUrl = '';
  let secrets: string[] = [];

  beforeAll(async () => {
    site = await startSite();
    b = await launch(name);
    control = await ExtensionControl.open(b);
    await control.recordAllHeaders();
    tab = await b.newPage();
    const http = site.http;

    // (a) form POST: /login issues a pre-login pair, the form renews it, /logout expires it.
    await b.goto(tab, `${http}/login`);
    await settledResponse(control, `${http}/login`);
    await Promise.all([tab.page.waitForNavigation(), tab.page.click('form[action="/login"] button[type="submit"]')]);
    await control.waitFor(
      async () =>
        (await readLog(control)).observations.filter(
          (o) =>
            o.kind === 'response' &&
            o.url === `${http}/login` &&
            o.method === 'POST' &&
            !(o.setCookies ?? []).some((l) => l.outcome === 'pending'),
        ).length > 0,
      'login POST settled',
    );
    await b.goto(tab, `${http}/logout`);
    await settledResponse(control, `${http}/logout`);

    // (a) fetch variant.
    await b.goto(tab, `${http}/fetchapp/start`);
    await settledResponse(control, `${http}/fetchapp/start`);
    await pageFetch(tab, '/fetchapp/api/login', { method: 'POST', body: 'user=alice' });
    await settledResponse(control, `${http}/fetchapp/api/login`);
    await pageFetch(tab, '/fetchapp/api/logout', { method: 'POST' });
    await settledResponse(control, `${http}/fetchapp/api/logout`);

    // (b) fixation: the login POST sets nothing.
    await b.goto(tab, `${http}/fixation/start`);
    await settledResponse(control, `${http}/fixation/start`);
    await pageFetch(tab, '/fixation/login', {
      method: 'POST',
      body: 'user=alice',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    await seen(control, 'request', (u) => u === `${http}/fixation/login`, 'fixation login request');

    // (c) logout that leaves the cookie.
    await pageFetch(tab, '/sticky/login', { method: 'POST', body: 'user=alice' });
    await settledResponse(control, `${http}/sticky/login`);
    await b.goto(tab, `${http}/sticky/logout`);
    await seen(control, 'request', (u) => u === `${http}/sticky/logout`, 'sticky logout request');

    // (d) URL rewriting.
    await b.goto(tab, `${http}/jsess/start`);
    await settledResponse(control, `${http}/jsess/start`);
    const cart = await tab.page.$eval('a[href*="jsessionid"]', (a) => a.getAttribute('href') ?? '');
    jsessionInUrl = cart.split('jsessionid=')[1] ?? '';
    await b.goto(tab, `${http}${cart}`);
    await seen(control, 'request', (u) => u.startsWith(`${http}/jsess/cart;jsessionid={`), 'cart request');

    // (e) Authorization over http and https.
    const basic = Buffer.from(BASIC_USER).toString('base64');
    for (const origin of [http, site.https]) {
      await b.goto(tab, `${origin}/authz`);
      await pageFetch(tab, '/authz/api?key=api-key-SECRET-99', { headers: { Authorization: `Bearer ${BEARER}` } });
      await pageFetch(tab, '/authz/api', { headers: { Authorization: `Basic ${basic}` } });
      await seen(control, 'request', (u) => u.startsWith(`${origin}/authz/api?key={`), `authz request on ${origin}`);
    }

    const setValues = site.log.flatMap((e) => e.setCookie.map((l) => (l.split(';', 1)[0] ?? '').split('=').slice(1).join('=')));
    secrets = [...new Set([...setValues.filter((v) => v.length >= 16), BEARER, BASIC_USER, basic, jsessionInUrl, 'api-key-SECRET-99'])];

    const page = await b.openExtensionPage('src/pages/report/index.html', { tabId: await b.tabIdOf(tab) });
    await page.page.waitForFunction(() => document.documentElement.dataset['loaded'] === 'true');
    await page.page.waitForSelector('#sessions [data-sessions]');
    await installDownloadCapture(page.page, false);
    reportText = (await clickDownload(page.page, 'download-json')).text;
    report = JSON.parse(reportText) as AuditReport;
  });

  afterAll(async () => {
    await b?.close();
    await site?.close();
  });

  test('the JSON report lists exactly the sessions and findings of every app', () => {
    expect(validateReport(report).errors).toEqual([]);
    const got = Object.fromEntries(report.sessions.map((s) => [sessionName(s), s]));
    expect(Object.keys(got).sort()).toEqual(
      [
        'JSESSIONID@/',
        'sessionid@/',
        'connect.sid@/fetchapp',
        'ci_session@/fixation',
        'laravel_session@/sticky',
        'JSESSIONID@/jsess',
        'Authorization Bearer',
        'Authorization Basic',
      ].sort(),
    );
    // (a) renewed at login and cleared at logout, both variants: no finding.
    for (const key of ['JSESSIONID@/', 'sessionid@/', 'connect.sid@/fetchapp']) {
      expect({ key, ...got[key] }).toMatchObject({
        key,
        rotatedAtLogin: true,
        endedBy: 'logout',
        findings: SESSION_APP_FINDINGS['connect_sid_fetch'],
      });
    }
    expect(got['ci_session@/fixation']).toMatchObject({ rotatedAtLogin: false, findings: SESSION_APP_FINDINGS['ci_session'] });
    expect(got['laravel_session@/sticky']).toMatchObject({
      rotatedAtLogin: true,
      endedBy: null,
      findings: SESSION_APP_FINDINGS['laravel_session'],
    });
    expect(got['laravel_session@/sticky']?.logout?.url).toBe(`${site.http}/sticky/logout`);
    expect(got['JSESSIONID@/jsess']).toMatchObject({ inUrl: true, findings: SESSION_APP_FINDINGS['JSESSIONID_url'] });
    for (const scheme of ['Bearer', 'Basic']) {
      expect(got[`Authorization ${scheme}`]).toMatchObject({
        kind: 'authorization',
        sentOverHttp: true,
        findings: ['authorization-over-http'],
      });
    }
    // Loopback: the header never left the machine, so the finding is low.
    const authz = report.findings.filter((f) => f.id === 'authorization-over-http');
    expect(authz.map((f) => f.severity)).toEqual(['low', 'low']);
  });

  test('nothing secret in IndexedDB or in the default report', async () => {
    expect(report.valuesIncluded).toBe(false);
    expect(secrets.length).toBeGreaterThan(8);
    const dump = JSON.stringify(await Promise.all(TABLES.map((t) => control.readTable(t))));
    expect(dump).toContain('jsessionid={');
    for (const secret of secrets) {
      expect({ secret, inDb: dump.includes(secret), inReport: reportText.includes(secret) }).toEqual({
        secret,
        inDb: false,
        inReport: false,
      });
    }
  });

  test('the popup shows the same sessions and conclusions as the report', async () => {
    const popup = await b.openExtensionPage('src/pages/popup/index.html', { tabId: await b.tabIdOf(tab) });
    await popup.page.waitForSelector(`[data-testid=popup-sessions][data-sessions="${report.sessions.length}"]`);
    const shown = await shownSessions(popup, '[data-testid=popup-sessions] li[data-session]');
    expect(shown).toEqual(Object.fromEntries(report.sessions.map((s) => [sessionName(s), expectedShown(s)])));
    // The correct apps: no finding, renewed and cleared, in words.
    expect(shown['connect.sid@/fetchapp']).toEqual({ renewed: 'yes', cleared: 'yes', findings: [] });
    await popup.page.close();
  });

  test('the panel shows each session with its timeline and findings, URLs without secrets', async () => {
    const panel = await b.openExtensionPage('src/pages/panel/index.html', { tabId: await b.tabIdOf(tab) });
    await panel.page.waitForSelector('[data-testid=auth-moments] [data-moment=login]');
    await panel.page.click('[data-testid=tab-sessions]');
    await panel.page.waitForSelector(`[data-testid=session-timelines][data-sessions="${report.sessions.length}"]`);
    const entries = '[data-testid=session-timelines] li.session-entry';
    expect(await shownSessions(panel, entries)).toEqual(Object.fromEntries(report.sessions.map((s) => [sessionName(s), expectedShown(s)])));
    const timelines = Object.fromEntries(
      await panel.page.$$eval(entries, (els) =>
        els.map((e) => [e.getAttribute('data-session') ?? '', e.getAttribute('data-timeline') ?? ''] as const),
      ),
    );
    for (const key of ['JSESSIONID@/', 'sessionid@/', 'connect.sid@/fetchapp']) {
      expect({ key, steps: timelines[key]?.split(' ') }).toMatchObject({
        key,
        steps: expect.arrayContaining(['issued', 'login', 'logout', 'ended']),
      });
    }
    const text = await panel.page.$eval('[data-testid=session-timelines]', (e) => e.textContent ?? '');
    expect(text).not.toMatch(/\{\d+:[0-9a-f]+\}/);
    for (const secret of secrets) expect(text.includes(secret)).toBe(false);
    await panel.page.close();
  });

  test("a manual login mark becomes a record of the log, for the tab's site", async () => {
    const tabId = await b.tabIdOf(tab);
    const mark = await control.send<{ id: number; kind: string; site: string }>('markSession', { tabId, kind: 'login' });
    expect(mark).toMatchObject({ kind: 'login', site: '127.0.0.1', tabId });
    const stored = await control.readTable<{ id: number; kind: string; site?: string }>('marks');
    expect(stored.filter((m) => m.kind === 'login').map((m) => [m.id, m.site])).toEqual([[mark.id, '127.0.0.1']]);
    const listed = await control.send<Array<{ id: number }>>('getMarks', { site: '127.0.0.1' });
    expect(listed.map((m) => m.id)).toContain(mark.id);
  });

  test('the panel\'s "I just logged out" button changes the conclusions', async () => {
    const panel = await b.openExtensionPage('src/pages/panel/index.html', { tabId: await b.tabIdOf(tab) });
    await panel.page.waitForSelector('[data-testid=tab-sessions]');
    await panel.page.click('[data-testid=tab-sessions]');
    const jsess = '[data-testid=session-timelines] li.session-entry[data-session="JSESSIONID@/jsess"]';
    await panel.page.waitForSelector(`${jsess}[data-cleared-at-logout=unknown]`);
    await panel.page.click('[data-testid=session-timelines] [data-mark=logout]');
    await panel.page.waitForSelector('[data-testid=session-timelines] [data-last-mark^="logout:"]');
    // Decided once the mark's window has passed: the cookie is still there, unchanged.
    await panel.page.waitForSelector(`${jsess}[data-cleared-at-logout=no][data-session-findings~="session-not-cleared-on-logout"]`, {
      timeout: 15_000,
    });
    await panel.page.close();
  });
});
