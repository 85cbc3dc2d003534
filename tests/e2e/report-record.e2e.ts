/**
 * A report opened for a tab whose headers were not recorded says so, and "Record and reload"
 * records the tab, reloads it and refreshes the report with the rejected Set-Cookie lines.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launch, selectedBrowsers } from '../../scripts/browser/browsers';
import { ExtensionControl } from '../../scripts/browser/extension';
import type { ExtensionBrowser, TrackedPage } from '../../scripts/browser/types';
import { startSite, type Site } from '../site/server';

describe.each(selectedBrowsers())('%s: Record and reload on the report page', (name) => {
  let b: ExtensionBrowser;
  let site: Site;
  let report: TrackedPage;
  let tabId: number;

  beforeAll(async () => {
    site = await startSite();
    b = await launch(name);
    const control = await ExtensionControl.open(b);
    const tab = await b.newPage();
    await b.goto(tab, `${site.http}/samesite`);
    tabId = await b.tabIdOf(tab);
    // The cookie changes are in the log (always recorded); the headers are not (no DevTools).
    await control.waitFor(async () => (await control.readTable('changes')).length > 0, 'the cookie changes recorded');
    expect((await control.headerStatus()).watchedTabs).not.toContain(tabId);
    report = await b.openExtensionPage('src/pages/report/index.html', { tabId });
    await report.page.waitForFunction(() => document.documentElement.dataset['loaded'] === 'true');
    await report.page.waitForSelector('[data-testid="report"]');
  });
  afterAll(async () => {
    await b?.close();
    await site?.close();
  });

  test('the report says the headers were not recorded and lists no rejected line', async () => {
    const notice = await report.page.$eval('[data-testid="headers-missing"]', (el) => el.textContent ?? '');
    expect(notice).toContain('Headers were not recorded for this tab');
    expect(notice).toContain('rejected Set-Cookie lines');
    expect(await report.page.$('[data-testid="rejected"] tbody tr')).toBeNull();
    expect(report.errors).toEqual([]);
  });

  test('Record and reload: the tab is reloaded while recorded, and the report refreshes with its rejected lines', async () => {
    const before = site.log.filter((e) => e.url === '/samesite').length;
    await report.page.evaluate(() => document.querySelector<HTMLButtonElement>('[data-testid="record-reload"]')!.click());
    await report.page.waitForSelector('[data-testid="rejected"] tbody tr', { timeout: 30_000 }).catch(async (err: unknown) => {
      const phase = await report.page.$eval('[data-testid="headers-missing"]', (el) => el.getAttribute('data-phase')).catch(() => 'gone');
      throw new Error(
        `${String(err)}; banner phase ${phase}; /samesite requests ${site.log.filter((e) => e.url === '/samesite').length - before}`,
      );
    });
    expect(site.log.filter((e) => e.url === '/samesite').length).toBe(before + 1);
    const rejected = await report.page.$$eval('[data-testid="rejected"] tbody tr', (rows) => rows.map((r) => r.textContent ?? ''));
    expect(rejected.some((r) => r.includes('ss_none_insecure'))).toBe(true);
    expect(await report.page.$('[data-testid="headers-missing"]')).toBeNull();
    expect(report.errors).toEqual([]);
  });
});
