/**
 * The popup's "Open audit report" on a tab whose headers were not recorded (no DevTools): it
 * records the tab, reloads it, waits until the recorder has settled and only then opens the
 * report, which then lists the rejected Set-Cookie lines only recorded headers show.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launch, selectedBrowsers } from '../../scripts/browser/browsers';
import { ExtensionControl } from '../../scripts/browser/extension';
import type { ExtensionBrowser, TrackedPage } from '../../scripts/browser/types';
import { waitForPopup } from './harness/popup-page';
import { startSite, type Site } from '../site/server';

const POLL = { timeout: 30_000, polling: 100 };

/** The id of the tab showing `url`, asked from an extension page (they see their own tabs' URLs in both browsers). */
async function tabShowing(p: TrackedPage, url: string): Promise<number> {
  return (await (
    await p.page.waitForFunction(
      async (u: string) => {
        type Tab = { id?: number; url?: string };
        const api = (globalThis as unknown as { browser: { tabs: { query(q: object): Promise<Tab[]> } } }).browser;
        return (await api.tabs.query({})).find((t) => t.url === u)?.id ?? false;
      },
      POLL,
      url,
    )
  ).jsonValue()) as number;
}

describe.each(selectedBrowsers())('%s: the popup audits with Record and reload', (name) => {
  let b: ExtensionBrowser;
  let site: Site;
  let control: ExtensionControl;
  let tabId: number;
  let popup: TrackedPage;

  beforeAll(async () => {
    site = await startSite();
    b = await launch(name);
    control = await ExtensionControl.open(b);
    const tab = await b.newPage();
    await b.goto(tab, `${site.http}/samesite`);
    tabId = await b.tabIdOf(tab);
    await control.waitFor(async () => (await control.readTable('changes')).length > 0, 'the cookie changes recorded');
    popup = await b.newPage();
    await b.openExtensionPage('src/pages/popup/index.html', { tabId }, popup);
    await waitForPopup(popup);
  });
  afterAll(async () => {
    await b?.close();
    await site?.close();
  });

  test('before: the tab is not recorded and its log has no header observation', async () => {
    expect((await control.headerStatus()).watchedTabs).not.toContain(tabId);
    const obs = await control.readTable<{ tabId?: number }>('observations');
    expect(obs.filter((o) => o.tabId === tabId)).toEqual([]);
  });

  test('the button records and reloads the tab, then opens a report that has the rejected lines', async () => {
    const loads = (): number => site.log.filter((e) => e.url === '/samesite').length;
    const before = loads();
    await popup.page.click('[data-action="open-report"]');
    const reportUrl = `${b.origin}/src/pages/report/index.html?tabId=${tabId}`;
    const reportTab = await tabShowing(popup, reportUrl);
    expect(reportTab).toBeGreaterThan(0);
    // Opened only after the reload: the site saw it, and the recorder had settled every line of it.
    expect(loads()).toBe(before + 1);
    await control.send('flush');
    const lines = (await control.readTable<{ tabId?: number; setCookies?: Array<{ outcome: string }> }>('observations'))
      .filter((o) => o.tabId === tabId)
      .flatMap((o) => o.setCookies ?? []);
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.filter((l) => l.outcome === 'pending')).toEqual([]);
    // The popup is back to idle and let go of the tab.
    await popup.page.bringToFront();
    await popup.page.waitForFunction(
      () => document.querySelector('[data-action="open-report"]')?.getAttribute('data-phase') === 'idle',
      POLL,
    );
    await control.waitFor(async () => !(await control.headerStatus()).watchedTabs.includes(tabId), 'the tab no longer watched');

    const report = await b.openExtensionPage('src/pages/report/index.html', { tabId });
    await report.page.waitForFunction(() => document.documentElement.dataset['loaded'] === 'true', POLL);
    await report.page.waitForSelector('[data-testid="rejected"] tbody tr', { timeout: 30_000 });
    const rejected = await report.page.$$eval('[data-testid="rejected"] tbody tr', (rows) => rows.map((r) => r.textContent ?? ''));
    expect(rejected.some((r) => r.includes('ss_none_insecure'))).toBe(true);
    expect(await report.page.$('[data-testid="headers-missing"]')).toBeNull();
    expect(popup.errors).toEqual([]);
    expect(report.errors).toEqual([]);
  });

  test('a tab already recorded (DevTools open) opens its report without a reload', async () => {
    const loads = (): number => site.log.filter((e) => e.url === '/samesite').length;
    const before = loads();
    // The report tab took the focus; a hidden page gets no input events.
    await popup.page.bringToFront();
    await control.send('updateSettings', { headerCapture: 'all' });
    await control.waitFor(async () => (await control.headerStatus()).mode === 'all', 'recording every tab');
    const opened = (await popup.page.evaluate(async () => {
      const api = (globalThis as unknown as { browser: { tabs: { query(q: object): Promise<unknown[]> } } }).browser;
      return (await api.tabs.query({})).length;
    })) as number;
    await popup.page.click('[data-action="open-report"]');
    await popup.page.waitForFunction(
      async (n: number) => {
        const api = (globalThis as unknown as { browser: { tabs: { query(q: object): Promise<unknown[]> } } }).browser;
        return (await api.tabs.query({})).length > n;
      },
      POLL,
      opened,
    );
    expect(loads()).toBe(before);
  });
});
