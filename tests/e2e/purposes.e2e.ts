/**
 * Purposes and personal data in real browsers (issue 16): a tab on the test site's /purposes page,
 * with a tracker on the third-party host it talks to. The report page and its JSON export name each
 * cookie's purpose with its source and platform, count them, name the third party's platforms, and
 * raise personal-data-in-cookie without the e-mail address appearing anywhere.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { AuditReport } from '../../src/report/index';
import { validateReport } from '../../src/report/validate';
import { PURPOSE_EMAIL, renderCookies } from '../site/catalogue';
import { startSite, type Site } from '../site/server';
import type { ExpectedPurpose } from '../site/types';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pageScripts, staticScriptGraph, workerScripts } from '../../scripts/bundle-graph';
import { BROWSERS, launch, selectedBrowsers } from '../../scripts/browser/browsers';
import { ExtensionControl } from '../../scripts/browser/extension';
import { settledResponse } from './harness/log';
import { waitForPopup } from './harness/popup-page';
import { clickDownload, installDownloadCapture, type Captured } from './harness/report-downloads';
import type { BrowserName, ExtensionBrowser, TrackedPage } from '../../scripts/browser/types';

/** Every form the address could take in an export: plain, URL-encoded, JSON-escaped. */
const EMAIL_FORMS = [PURPOSE_EMAIL, encodeURIComponent(PURPOSE_EMAIL), 'jane.doe'];

/** The purposes of the cookies this browser stores from the three routes, by name. */
function expectedPurposes(site: Site, browser: BrowserName): Map<string, ExpectedPurpose> {
  const ctx = (url: string) => ({ scheme: 'http' as const, host: new URL(url).hostname, now: Date.now(), vars: {} });
  const cases = [
    ...renderCookies('/purposes', ctx(site.http)),
    ...renderCookies('/purposes/tracker', ctx(site.thirdParty)),
    ...renderCookies('/purposes/beacon', ctx(site.thirdParty)),
  ];
  return new Map(cases.filter((c) => c.browsers[browser].result === 'stored').map((c) => [c.name, c.purpose as ExpectedPurpose]));
}

describe.each(selectedBrowsers())('%s: cookie purposes and personal data', (name) => {
  let b: ExtensionBrowser;
  let control: ExtensionControl;
  let site: Site;
  let report: TrackedPage;
  let expected: Map<string, ExpectedPurpose>;
  let tabId: number;
  const files: Record<string, Captured> = {};

  beforeAll(async () => {
    site = await startSite();
    b = await launch(name);
    control = await ExtensionControl.open(b);
    await control.recordAllHeaders();
    // The tracker sets its cookies where it is first party, as a visit to it would.
    const tracker = await b.newPage();
    await b.goto(tracker, `${site.thirdParty}/purposes/tracker`);
    await settledResponse(control, `${site.thirdParty}/purposes/tracker`);
    const tab = await b.newPage();
    await b.goto(tab, `${site.http}/purposes`);
    await settledResponse(control, `${site.http}/purposes`);
    await settledResponse(control, `${site.thirdParty}/purposes/beacon`);
    expected = expectedPurposes(site, name);
    tabId = await b.tabIdOf(tab);
    report = await b.openExtensionPage('src/pages/report/index.html', { tabId });
    await report.page.waitForFunction(() => document.documentElement.dataset['loaded'] === 'true');
    await report.page.waitForSelector('[data-testid="purposes"]');
    await installDownloadCapture(report.page, false);
    for (const f of ['json', 'html', 'csv', 'sarif']) files[f] = await clickDownload(report.page, `download-${f}`);
  });
  afterAll(async () => {
    await b?.close();
    await site?.close();
  });

  // The popup stays within its JS budget by receiving purposes with its rows, never the database.
  test('the popup’s scripts carry no cookie database, and the worker none of its descriptions', () => {
    const dist = BROWSERS[name].dist;
    const text = (files: readonly string[]): string => files.map((f) => readFileSync(join(dist, f), 'utf8')).join('\n');
    const popup = text(staticScriptGraph(dist, pageScripts(dist, 'src/pages/popup/index.html')));
    const worker = text(workerScripts(dist));
    const report = text(staticScriptGraph(dist, pageScripts(dist, 'src/pages/report/index.html')));
    // An entry name and a description found only in the generated lookup modules.
    expect(report).toContain('CookieConsentBulkTicket');
    expect(report).toContain('Enables sharing cookie preferences across domains');
    expect(popup).not.toContain('CookieConsentBulkTicket');
    expect(worker).not.toContain('Enables sharing cookie preferences across domains');
  });

  test('the report page shows each cookie’s purpose with its source, in words', async () => {
    const shown = await report.page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('tr[data-cookie-name] [data-purpose]')].map((el) => ({
        name: el.closest('tr')!.dataset['cookieName']!,
        category: el.dataset['purpose'],
        source: el.dataset['purposeSource'],
        text: el.textContent ?? '',
      })),
    );
    const byName = new Map(shown.map((s) => [s.name, s]));
    for (const [cookie, want] of expected) {
      const got = byName.get(cookie);
      expect({ cookie, category: got?.category, source: got?.source }).toEqual({ cookie, category: want.category, source: want.source });
      // Colour never alone: the badge says the purpose and where it came from in text.
      expect(got?.text).toMatch(/\w{3,}/);
      if (want.platform) expect(got?.text).toContain(want.platform);
      if (want.rule) expect(got?.text).toContain(want.rule);
    }
  });

  test('the Purposes section counts them and names the platforms and the third party', async () => {
    const section = await report.page.$eval('[data-testid="purposes"]', (el) => ({
      counts: el.querySelector<HTMLElement>('[data-purpose-counts]')?.dataset['purposeCounts'] ?? '',
      tracking: el.querySelector<HTMLElement>('[data-tracking-platforms]')?.dataset['trackingPlatforms'] ?? '',
      platforms: [...el.querySelectorAll<HTMLElement>('[data-platform]')].map((r) => r.dataset['platform']),
      thirdParties: [...el.querySelectorAll<HTMLElement>('[data-third-party]')].map((r) => [r.dataset['thirdParty'], r.textContent ?? '']),
    }));
    expect(section.counts).toMatch(/\d+ \S+/);
    expect(section.platforms).toEqual(expect.arrayContaining(['Google Analytics', 'Google', 'TikTok', 'LinkedIn', 'Piwik']));
    expect(section.tracking.split(', ')).toEqual(expect.arrayContaining(['Google Analytics', 'LinkedIn']));
    const localhost = section.thirdParties.find(([d]) => d === 'localhost');
    expect(localhost?.[1]).toContain('LinkedIn');
  });

  test('the JSON export carries cookies[].purpose and the purposes summary', () => {
    const json = JSON.parse(files['json']!.text) as AuditReport;
    expect(validateReport(json).errors).toEqual([]);
    for (const [cookie, want] of expected) {
      const c = json.cookies.find((x) => x.name === cookie);
      const { category, source, platform, rule } = c?.purpose ?? {};
      expect({ cookie, ...JSON.parse(JSON.stringify({ category, source, platform, rule })) }).toEqual({ cookie, ...want });
    }
    expect(json.cookies.filter((c) => c.domain === 'localhost').every((c) => c.thirdParty === true)).toBe(true);
    const tp = json.purposes.thirdParties.find((t) => t.domain === 'localhost');
    expect(tp).toMatchObject({ categories: ['analytics', 'marketing'], platforms: ['LinkedIn', 'Piwik'] });
    // Firefox keeps the beacon's cookie in the page's partition; Chromium blocks it and reports it rejected.
    if (name === 'chromium') expect(json.rejected.map((r) => r.cookieName)).toContain('_pk_ses.1.1fff');
    const counts = json.purposes.counts;
    expect(counts.analytics).toBeGreaterThanOrEqual(3);
    expect(counts.marketing).toBeGreaterThanOrEqual(3);
    expect(counts.necessary).toBeGreaterThanOrEqual(2);
    expect(counts.personalization).toBeGreaterThanOrEqual(1);
  });

  test('personal-data-in-cookie names the kind and place, and the address appears nowhere', async () => {
    const json = JSON.parse(files['json']!.text) as AuditReport;
    const finding = json.findings.find((f) => f.id === 'personal-data-in-cookie');
    expect(finding).toMatchObject({ severity: 'medium', kind: 'cookie', cookie: { name: 'contact' } });
    expect(finding?.message).toContain('an e-mail address in its value');
    expect(json.cookies.find((c) => c.name === 'contact')?.findings).toContain('personal-data-in-cookie');
    const sarif = JSON.parse(files['sarif']!.text) as { runs: Array<{ results: Array<{ ruleId: string }> }> };
    expect(sarif.runs[0]!.results.map((r) => r.ruleId)).toContain('personal-data-in-cookie');
    const onPage = await report.page.evaluate(() => document.body.textContent ?? '');
    expect(await report.page.$('[data-finding="personal-data-in-cookie"]')).not.toBeNull();
    for (const [where, text] of [['page', onPage], ...Object.entries(files).map(([f, c]) => [f, c.text])] as Array<[string, string]>) {
      expect({ where, leaked: EMAIL_FORMS.filter((e) => text.includes(e)) }).toEqual({ where, leaked: [] });
    }
    expect(report.errors).toEqual([]);
  });

  test('the popup badges each cookie with its purpose and counts them in the header, naming the third-party platforms', async () => {
    const popup = await b.openExtensionPage('src/pages/popup/index.html', { tabId });
    await waitForPopup(popup);
    const shown = await popup.page.$$eval('tr[data-cookie-name]', (trs) =>
      trs.map((tr) => {
        const badge = tr.querySelector<HTMLElement>('[data-purpose]');
        return {
          name: (tr as HTMLElement).dataset['cookieName']!,
          category: badge?.dataset['purpose'],
          source: badge?.dataset['purposeSource'],
          text: badge?.textContent ?? '',
          title: badge?.title ?? '',
        };
      }),
    );
    const byName = new Map(shown.map((s) => [s.name, s]));
    for (const [cookie, want] of expected) {
      const got = byName.get(cookie);
      expect({ cookie, category: got?.category, source: got?.source }).toEqual({ cookie, category: want.category, source: want.source });
      // Colour never alone: the badge names the purpose in words, and its source on hover.
      expect(got?.text).toMatch(/\w{3,}/);
      if (want.platform) expect(got?.title).toContain(want.platform);
    }
    const header = await popup.page.$eval('[data-testid=popup-header]', (el) => ({
      counts: el.querySelector<HTMLElement>('[data-purpose-counts]')?.dataset['purposeCounts'] ?? '',
      tracking: el.querySelector<HTMLElement>('[data-tracking-platforms]')?.dataset['trackingPlatforms'] ?? '',
    }));
    expect(header.counts).toMatch(/^\d+ \S+( · \d+ \S+)+$/);
    expect(header.tracking.split(', ')).toEqual(expect.arrayContaining(['LinkedIn', 'Piwik']));
    const text = await popup.page.evaluate(() => document.body.textContent ?? '');
    expect(EMAIL_FORMS.filter((e) => text.includes(e))).toEqual([]);
    expect(popup.errors).toEqual([]);
    await popup.page.close();
  });

  test('the panel’s inspector shows the purpose, its source and the database’s description', async () => {
    const panel = await b.openExtensionPage('src/pages/panel/index.html', { tabId });
    await panel.page.waitForFunction(() => document.documentElement.dataset['loaded'] === 'true', { timeout: 20_000, polling: 100 });
    await panel.page.click('[data-testid=tab-cookies]');
    // The purpose filter keeps only that purpose's cookies in the list.
    await panel.page.waitForSelector('[data-testid=cookie-purpose-filter]');
    await panel.page.select('[data-testid=cookie-purpose-filter]', 'analytics');
    const analytics = [...expected].filter(([, want]) => want.category === 'analytics').map(([n]) => n);
    await panel.page.waitForFunction(
      (names: string[]) => {
        const shown = [...document.querySelectorAll<HTMLElement>('[data-testid=cookie-list] [data-cookie-name]')].map(
          (e) => e.dataset['cookieName'],
        );
        return names.every((n) => shown.includes(n)) && !shown.includes('contact');
      },
      { polling: 100 },
      analytics,
    );
    await panel.page.select('[data-testid=cookie-purpose-filter]', '');
    const inspect = async (cookie: string) => {
      await panel.page.waitForSelector(`[data-testid=cookie-list] [data-cookie-name="${cookie}"]`);
      await panel.page.click(`[data-testid=cookie-list] [data-cookie-name="${cookie}"]`);
      await panel.page.waitForSelector(`[data-testid=inspector][data-cookie-name="${cookie}"] [data-testid=purpose] [data-purpose]`);
      return panel.page.$eval('[data-testid=inspector] [data-testid=purpose]', (el) => ({
        category: el.querySelector<HTMLElement>('[data-purpose]')?.dataset['purpose'],
        source: el.querySelector<HTMLElement>('[data-purpose]')?.dataset['purposeSource'],
        text: el.textContent ?? '',
        description: el.querySelector('[data-testid=purpose-description]')?.textContent ?? '',
      }));
    };
    const fromDatabase = [...expected].find(([, want]) => want.source === 'open-cookie-database' && want.platform === 'Google Analytics');
    const fromRule = [...expected].find(([, want]) => want.source === 'rule');
    expect(fromDatabase && fromRule).toBeTruthy();
    const db = await inspect(fromDatabase![0]);
    expect(db).toMatchObject({ category: fromDatabase![1].category, source: 'open-cookie-database' });
    expect(db.text).toContain('Google Analytics');
    expect(db.description.length).toBeGreaterThan(10);
    const rule = await inspect(fromRule![0]);
    expect(rule).toMatchObject({ category: fromRule![1].category, source: 'rule', description: '' });
    expect(rule.text).toContain(fromRule![1].rule);
    // The personal-data finding is shown, its value is not (until revealed).
    await inspect('contact');
    await panel.page.waitForSelector('[data-testid=inspector] [data-finding="personal-data-in-cookie"]');
    const text = await panel.page.evaluate(() => document.body.textContent ?? '');
    expect(EMAIL_FORMS.filter((e) => text.includes(e))).toEqual([]);
    // The timeline's purpose filter: marketing rows name only marketing cookies.
    await panel.page.click('[data-testid=tab-timeline]');
    await panel.page.waitForSelector('[data-testid=filter-purpose]');
    await panel.page.select('[data-testid=filter-purpose]', 'marketing');
    await panel.page.waitForFunction(
      () =>
        (JSON.parse(document.querySelector('[data-testid=row-count]')?.getAttribute('data-filter') ?? '{}') as { purpose?: string })
          .purpose === 'marketing',
      { polling: 100 },
    );
    const counts = await panel.page.$eval('[data-testid=row-count]', (e) => [
      Number(e.getAttribute('data-shown')),
      Number(e.getAttribute('data-total')),
    ]);
    expect(counts[0]).toBeGreaterThan(0);
    expect(counts[0]).toBeLessThan(counts[1]!);
    expect(panel.errors).toEqual([]);
    await panel.page.close();
  });
});
