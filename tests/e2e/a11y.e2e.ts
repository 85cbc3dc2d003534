/**
 * axe-core (WCAG 2.1 A/AA) on every page of the built extension, in light and dark themes, with the
 * test site's cookies, findings and a session cookie in the log: the popup, each view of the panel
 * (with the inspector open), the report and the options page. Any violation fails.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startSite, type Site } from '../site/server';
import { axeViolations, describeViolations } from './harness/axe';
import { launch, selectedBrowsers } from './harness/browsers';
import { ExtensionControl } from './harness/extension';
import { settledResponse } from './harness/log';
import { waitForPopup } from './harness/popup-page';
import type { BrowserName, ExtensionBrowser, TrackedPage } from './harness/types';

/** A login (session cookie), rejected and insecure lines, a JWT and hostile names. */
const VISITS = ['/login', '/login?user=alice', '/login-insecure', '/session', '/samesite', '/jwt', '/hostile'];
const POLL = { polling: 100, timeout: 20_000 } as const;
type Theme = 'light' | 'dark';

const CASES: Array<[BrowserName, Theme]> = selectedBrowsers().flatMap((b) => [
  [b, 'light'],
  [b, 'dark'],
]);

describe.each(CASES)('%s, %s theme: axe finds no WCAG 2.1 A/AA violation', (name, theme) => {
  let b: ExtensionBrowser;
  let site: Site;
  let tabId: number;

  /**
   * Chromium emulates the colour scheme per page; Firefox over BiDi cannot, so its dark run uses a
   * profile whose content prefers dark. The panel also gets DevTools' own dark switch.
   */
  async function themed(p: TrackedPage): Promise<void> {
    if (name === 'chromium') await p.page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: theme }]);
  }
  async function expectTheme(p: TrackedPage): Promise<void> {
    expect(await p.page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(theme === 'dark');
  }
  async function expectClean(p: TrackedPage, where: string): Promise<void> {
    const violations = await axeViolations(p);
    expect(violations, describeViolations(`${name} ${theme} ${where}`, violations)).toEqual([]);
  }
  async function open(path: string, query: Record<string, string | number> = {}): Promise<TrackedPage> {
    const p = await b.newPage();
    await themed(p);
    await b.openExtensionPage(path, query, p);
    await p.page.waitForFunction(() => document.documentElement.dataset['loaded'] === 'true', POLL);
    await expectTheme(p);
    return p;
  }

  beforeAll(async () => {
    site = await startSite();
    b = await launch(name, theme === 'dark' ? { firefoxPrefs: { 'layout.css.prefers-color-scheme.content-override': 0 } } : {});
    const control = await ExtensionControl.open(b);
    await control.recordAllHeaders();
    const tab = await b.newPage();
    for (const path of VISITS) {
      await b.goto(tab, site.http + path);
      await settledResponse(control, site.http + path);
    }
    await control.send('flush');
    tabId = await b.tabIdOf(tab);
  });
  afterAll(async () => {
    await b?.close();
    await site?.close();
  });

  test('popup, with one value revealed', async () => {
    const popup = await open('src/pages/popup/index.html', { tabId });
    await waitForPopup(popup);
    // The first focus lands on the cookie search, not on the document.
    expect(await popup.page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('search');
    await expectClean(popup, 'popup');
    await popup.page.click('tr[data-cookie-name="JSESSIONID"] [data-action=reveal]');
    await popup.page.waitForSelector('tr[data-cookie-name="JSESSIONID"] [data-revealed=true]');
    await expectClean(popup, 'popup (value shown)');
  });

  test('panel: every view, the inspector open', async () => {
    const panel = await open('src/pages/panel/index.html', { tabId });
    if (theme === 'dark') {
      // What DevTools' dark theme switches on (src/pages/panel/main.tsx).
      await panel.page.evaluate(() => {
        document.documentElement.dataset['theme'] = 'dark';
      });
    }
    await panel.page.waitForSelector('[data-testid=row-count][data-complete=true]', POLL);
    await expectClean(panel, 'panel timeline');

    await panel.page.select('[data-testid=filter-name]', 'JSESSIONID');
    await panel.page.click('[role=option][data-kind=set-cookie][data-outcome=stored]');
    await panel.page.waitForSelector('[data-testid=inspector][data-cookie-name=JSESSIONID] [data-testid=lifecycle]', POLL);
    await expectClean(panel, 'panel timeline with the inspector');

    await panel.page.click('[data-testid=tab-cookies]');
    await panel.page.click('[data-testid=cookie-list] [data-cookie-name=JSESSIONID]');
    await panel.page.waitForSelector('[data-testid=inspector][data-cookie-name=JSESSIONID]', POLL);
    await expectClean(panel, 'panel cookies with the inspector');

    await panel.page.click('[data-testid=tab-sessions]');
    await panel.page.waitForSelector('[data-testid=sessions] tr[data-cookie-name=JSESSIONID]', POLL);
    await expectClean(panel, 'panel sessions');

    await panel.page.click('[data-testid=tab-limits]');
    await panel.page.waitForSelector('[data-testid=limits] tr[data-domain]', POLL);
    await expectClean(panel, 'panel limits');

    await panel.page.click('[data-testid=tab-findings]');
    await panel.page.waitForSelector('[data-testid=findings] [data-finding]', POLL);
    await expectClean(panel, 'panel findings');
    expect(panel.errors).toEqual([]);
  });

  test('report', async () => {
    const report = await open('src/pages/report/index.html', { tabId });
    await report.page.waitForSelector('[data-testid="report"]', POLL);
    await expectClean(report, 'report');
  });

  test('options', async () => {
    const options = await open('src/pages/options/index.html');
    await expectClean(options, 'options');
  });
});
