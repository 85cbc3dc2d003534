import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startSite, type Site } from '../site/server';
import { launch, selectedBrowsers } from '../../scripts/browser/browsers';
import { ExtensionControl } from '../../scripts/browser/extension';
import { popupRows, waitForPopup } from './harness/popup-page';
import type { BrowserName, ExtensionBrowser, TrackedPage } from '../../scripts/browser/types';
import { allowAddonInPrivateWindows } from './harness/firefox-policy';

/**
 * Private-window data stays in memory, and the extension's pages work on private tabs. Chromium:
 * the extension is loaded over CDP with incognito access. Firefox: an enterprise policy lets the
 * temporary add-on into private windows (./harness/firefox-policy.ts). In both the extension opens
 * the private window itself.
 */
const STORES: Record<BrowserName, { private: string; normal: string }> = {
  chromium: { private: '1', normal: '0' },
  firefox: { private: 'firefox-private', normal: 'firefox-default' },
};

describe.each(selectedBrowsers())('%s: private browsing is recorded in memory only', (name) => {
  let b: ExtensionBrowser;
  let control: ExtensionControl;
  let site: Site;
  const stores = STORES[name];

  beforeAll(async () => {
    site = await startSite();
    if (name === 'firefox') allowAddonInPrivateWindows();
    b = await launch(name, { allowIncognito: true });
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
    expect(log.changes.find((c) => c.name === 'JSESSIONID')).toMatchObject({ storeId: stores.private, incognito: true });
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
      const api = (globalThis as unknown as { browser: { storage: { session: { get(k: null): Promise<Record<string, unknown>> } } } })
        .browser;
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
    await control.page.page.evaluate(
      async (url: string, privateStore: string, normalStore: string) => {
        const api = (globalThis as unknown as { browser: { cookies: { set(d: object): Promise<unknown> } } }).browser;
        await api.cookies.set({ url, name: 'only_private', value: 'p', storeId: privateStore });
        await api.cookies.set({ url, name: 'only_normal', value: 'n', storeId: normalStore });
      },
      `${site.http}/`,
      stores.private,
      stores.normal,
    );
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
      expect(subtitle).toContain('tabId' in query ? `cookie store ${stores.normal}` : "every cookie store except private windows'");
      await report.page.close();
    }
  });

  /**
   * Where extension pages for a private tab are opened: in Firefox in a private window (where they
   * have no IndexedDB, the case that used to fail), in Chromium in a normal one (a spanning
   * extension's pages belong to the normal profile).
   */
  async function pageFor(path: string, query: Record<string, string | number>): Promise<TrackedPage> {
    if (name !== 'firefox') return b.openExtensionPage(path, query);
    const host = await b.openPrivateWindow!(`${site.http}/?host=${encodeURIComponent(path)}`);
    await b.openExtensionPage(path, query, host);
    return host;
  }

  test('the popup, the panel and the report work on a private tab: its cookies and its events', async () => {
    const tab = await b.openPrivateWindow!(`${site.http}/login?user=carol`);
    const tabId = await b.tabIdOf(tab);

    const popup = await pageFor('src/pages/popup/index.html', { tabId });
    await waitForPopup(popup);
    expect((await popupRows(popup)).map((r) => r.name)).toContain('JSESSIONID');

    const panel = await pageFor('src/pages/panel/index.html', { tabId });
    await panel.page.waitForSelector('[role=option][data-kind=set-cookie][data-cookie-name~=JSESSIONID]', { timeout: 15_000 });
    await panel.page.click('[role=option][data-kind=set-cookie][data-cookie-name~=JSESSIONID]');
    await panel.page.waitForSelector('[data-testid=inspector][data-cookie-name=JSESSIONID] [data-testid=lifecycle]', { timeout: 15_000 });
    await panel.page.click('[data-testid=tab-cookies]');
    await panel.page.waitForSelector('[data-testid=cookie-list] [data-cookie-name=JSESSIONID]', { timeout: 15_000 });

    const report = await pageFor('src/pages/report/index.html', { tabId, history: 1 });
    await report.page.waitForSelector('[data-testid=report] tr[data-cookie-name=JSESSIONID]', { timeout: 15_000 });
    await report.page.waitForSelector('[data-testid=events] tbody tr', { timeout: 15_000 });
    expect(await report.page.$('[role=alert]')).toBeNull();
    for (const page of [popup, panel, report]) expect(page.errors.join('\n')).not.toMatch(/InvalidStateError|IndexedDB/i);
  });

  test("a private window's all-cookies report says it cannot read the saved log, and shows the private session", async (ctx) => {
    // Only Firefox opens extension pages in a private window (see pageFor).
    if (name !== 'firefox') return ctx.skip();
    await b.openPrivateWindow!(`${site.http}/login?user=dave`);
    const report = await pageFor('src/pages/report/index.html', { scope: 'all' });
    await report.page.waitForSelector('[data-testid=disk-unreadable]', { timeout: 15_000 });
    await report.page.waitForSelector('[data-testid=report] tr[data-cookie-name=JSESSIONID]', { timeout: 15_000 });
    expect(await report.page.$('[role=alert]')).toBeNull();
  });
});
