import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startSite, type Site } from '../site/server';
import { launch, selectedBrowsers } from '../../scripts/browser/browsers';
import { ExtensionControl } from '../../scripts/browser/extension';
import { popupRows, waitForPopup } from './harness/popup-page';
import type { ExtensionBrowser } from '../../scripts/browser/types';

/**
 * Incognito data stays in memory. Chromium is driven here: the extension is loaded over CDP with
 * incognito access and opens an incognito window itself. Firefox cannot be: a temporary add-on
 * is not allowed in private windows and nothing a test can reach grants it (its routing is the
 * same code, keyed on the "firefox-private" store, and unit-tested in background/).
 */
const run = selectedBrowsers().includes('chromium') ? describe : describe.skip;

run('chromium: incognito browsing is recorded in memory only', () => {
  let b: ExtensionBrowser;
  let control: ExtensionControl;
  let site: Site;

  beforeAll(async () => {
    site = await startSite();
    b = await launch('chromium', { allowIncognito: true });
    control = await ExtensionControl.open(b);
    // What these tests check includes headers of tabs DevTools is not open on.
    await control.recordAllHeaders();
  });
  afterAll(async () => {
    await b?.close();
    await site?.close();
  });

  test('an incognito login flow is in the private log and nowhere in IndexedDB', async () => {
    const tab = await b.openPrivateWindow!(`${site.http}/login?user=alice`);
    await b.goto(tab, `${site.http}/account`);
    type PrivateLog = {
      changes: Array<{ name: string; storeId: string; incognito: boolean; id: number }>;
      observations: Array<{ url: string; id: number }>;
    };
    let log: PrivateLog = { changes: [], observations: [] };
    await control.waitFor(async () => {
      log = await control.send<PrivateLog>('getPrivateLog', {});
      return log.changes.some((c) => c.name === 'JSESSIONID') && log.observations.some((o) => o.url.endsWith('/account'));
    }, 'JSESSIONID in the private log');
    expect(log.changes.find((c) => c.name === 'JSESSIONID')).toMatchObject({ storeId: '1', incognito: true });
    expect([...log.changes, ...log.observations].every((r) => r.id < 0)).toBe(true);

    await control.send('flush');
    const disk = await control.dumpDatabase();
    expect(disk).not.toContain('JSESSIONID');
    expect(disk).not.toContain('/account');
  });

  test('a popup on an incognito tab leaves no snapshot of it in storage.session', async () => {
    const tab = await b.openPrivateWindow!(`${site.http}/login?user=bob`);
    const tabId = await b.tabIdOf(tab);
    const popup = await b.openExtensionPage('src/pages/popup/index.html', { tabId });
    await popup.page.waitForFunction(() => document.documentElement.dataset['loaded'] === 'true', { polling: 100 });
    expect(await popup.page.$('tr[data-cookie-name="JSESSIONID"]')).not.toBeNull();
    // The answer is painted; had the background stored a snapshot of the tab, it would be there now.
    await control.send('flush');
    const raw = (await control.page.page.evaluate(async () => {
      const api = (globalThis as unknown as { browser: { storage: { session: { get(k: null): Promise<Record<string, unknown>> } } } }).browser;
      return JSON.stringify(await api.storage.session.get(null));
    })) as string;
    expect(raw).not.toContain('JSESSIONID');
    expect(Object.keys(JSON.parse(raw) as Record<string, unknown>)).not.toContain(`popupSnapshot:${tabId}`);
    expect(raw).not.toMatch(new RegExp(`"tabId\\\\?":${tabId}\\b`));
  });

  test("a private window's cookie is absent from the normal tab's popup, panel and reports, and in the private tab's popup", async () => {
    const privateTab = await b.openPrivateWindow!(`${site.http}/?in=private`);
    const normalTab = await b.newPage();
    await b.goto(normalTab, `${site.http}/?in=normal`);
    // One cookie in each store, both on the site both tabs show.
    await control.page.page.evaluate(async (url: string) => {
      const api = (globalThis as unknown as { browser: { cookies: { set(d: object): Promise<unknown> } } }).browser;
      await api.cookies.set({ url, name: 'only_private', value: 'p', storeId: '1' });
      await api.cookies.set({ url, name: 'only_normal', value: 'n', storeId: '0' });
    }, `${site.http}/`);
    const names = async (page: Awaited<ReturnType<typeof b.newPage>>, selector: string): Promise<string[]> =>
      page.page.$$eval(selector, (els) => els.map((e) => e.getAttribute('data-cookie-name') ?? ''));

    const normalId = await b.tabIdOf(normalTab);
    const popup = await b.openExtensionPage('src/pages/popup/index.html', { tabId: normalId });
    await waitForPopup(popup);
    const shown = (await popupRows(popup)).map((r) => r.name);
    expect(shown).toContain('only_normal');
    expect(shown).not.toContain('only_private');

    const privatePopup = await b.openExtensionPage('src/pages/popup/index.html', { tabId: await b.tabIdOf(privateTab) });
    await waitForPopup(privatePopup);
    const privateShown = (await popupRows(privatePopup)).map((r) => r.name);
    expect(privateShown).toContain('only_private');
    expect(privateShown).not.toContain('only_normal');

    const panel = await b.openExtensionPage('src/pages/panel/index.html', { tabId: normalId });
    await panel.page.waitForFunction(() => document.documentElement.dataset['loaded'] === 'true', { polling: 100 });
    await panel.page.click('[data-testid=tab-cookies]');
    await panel.page.waitForSelector('[data-testid=cookie-list] [data-cookie-name=only_normal]', { timeout: 15_000 });
    expect(await names(panel, '[data-testid=cookie-list] [data-cookie-name]')).not.toContain('only_private');

    for (const query of [{ tabId: normalId }, { scope: 'all' }, { domain: '127.0.0.1' }] as Array<Record<string, string | number>>) {
      const report = await b.openExtensionPage('src/pages/report/index.html', query);
      await report.page.waitForSelector('[data-testid=report] tr[data-cookie-name=only_normal]', { timeout: 15_000 });
      expect(await names(report, '[data-testid=report] tr[data-cookie-name]'), JSON.stringify(query)).not.toContain('only_private');
      // The report says which stores it covers.
      const subtitle = await report.page.$eval('[data-testid=subtitle]', (e) => e.textContent ?? '');
      expect(subtitle).toContain('tabId' in query ? 'cookie store 0' : "every cookie store except private windows'");
      await report.page.close();
    }
  });
});
