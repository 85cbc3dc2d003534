/**
 * axe-core (WCAG 2.1 A/AA) on every page of the built extension, in light and dark themes, with the
 * test site's cookies, findings and a session cookie in the log: the popup, each view of the panel
 * (with the inspector open), the report and the options page. Any violation fails.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startSite, type Site } from '../site/server';
import { axeViolations, describeViolations } from './harness/axe';
import { launch, selectedBrowsers } from '../../scripts/browser/browsers';
import { ExtensionControl } from '../../scripts/browser/extension';
import { settledResponse } from './harness/log';
import { waitForPopup } from './harness/popup-page';
import type { BrowserName, ExtensionBrowser, TrackedPage } from '../../scripts/browser/types';

/** A login (session cookie), rejected and insecure lines, a JWT and hostile names. */
const VISITS = ['/login', '/login?user=alice', '/login-insecure', '/session', '/samesite', '/jwt', '/hostile'];
const POLL = { polling: 100, timeout: 20_000 } as const;
/** Kept in the repository with the store listing's material, unlike artifacts/ (test output). */
const STORE_SHOTS = resolve(import.meta.dirname, '../../store/screenshots');
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
  /** Screen readers list tables by their caption: every table has one with text. */
  async function expectCaptions(p: TrackedPage): Promise<void> {
    const tables = await p.page.$$eval('table', (ts) => ts.map((t) => t.querySelector(':scope > caption')?.textContent?.trim() ?? ''));
    expect(tables.length).toBeGreaterThan(0);
    expect(tables.filter((c) => c === '')).toEqual([]);
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
    await expectCaptions(popup);
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
    await expectCaptions(panel);

    await panel.page.click('[data-testid=tab-limits]');
    await panel.page.waitForSelector('[data-testid=limits] tr[data-domain]', POLL);
    await expectClean(panel, 'panel limits');
    await expectCaptions(panel);
    // The caption names the profile the counts are measured against (the running browser's by default).
    expect(await panel.page.$eval('[data-testid=limits] > caption', (c) => c.textContent)).toContain(
      name === 'chromium' ? 'Chromium' : 'Firefox',
    );

    await panel.page.click('[data-testid=tab-findings]');
    await panel.page.waitForSelector('[data-testid=findings] [data-finding]', POLL);
    await expectClean(panel, 'panel findings');
    expect(panel.errors).toEqual([]);
  });

  test('report', async () => {
    const report = await open('src/pages/report/index.html', { tabId });
    await report.page.waitForSelector('[data-testid="report"]', POLL);
    await expectClean(report, 'report');
    await expectCaptions(report);
    // Navigable by headings: one page title, a heading per section, in order of level.
    const levels = await report.page.$$eval('h1, h2, h3, h4', (hs) => hs.map((h) => Number(h.tagName.slice(1))));
    expect(levels.filter((l) => l === 1)).toHaveLength(1);
    expect(levels.filter((l) => l === 2).length).toBeGreaterThanOrEqual(5);
    expect(levels.every((l, i) => i === 0 || l <= levels[i - 1]! + 1)).toBe(true);
  });

  test('options', async () => {
    const options = await open('src/pages/options/index.html');
    await expectClean(options, 'options');
  });
});

/**
 * Windows high contrast: Chromium emulates it over CDP; Firefox over WebDriver BiDi has no such
 * switch, but its "override the page's colours: always" preference (browser.display.document_color_use
 * = 2) turns forced colours on for every page, extension pages included. Badges keep a border and the
 * focus ring stays visible. Chromium's screenshots go to the store material.
 */
const FIREFOX_FORCED_COLORS = { 'browser.display.document_color_use': 2 };

describe.each(selectedBrowsers())('%s: forced colors', (name) => {
  let b: ExtensionBrowser;
  let site: Site;
  let tabId: number;

  beforeAll(async () => {
    mkdirSync(STORE_SHOTS, { recursive: true });
    site = await startSite();
    b = await launch(name, name === 'firefox' ? { firefoxPrefs: FIREFOX_FORCED_COLORS } : {});
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

  async function forced(path: string, width: number, height: number): Promise<TrackedPage> {
    const p = await b.newPage();
    await p.page.setViewport({ width, height });
    if (name === 'chromium') {
      const cdp = await p.page.createCDPSession();
      await cdp.send('Emulation.setEmulatedMedia', { features: [{ name: 'forced-colors', value: 'active' }] });
    }
    await b.openExtensionPage(path, { tabId }, p);
    await p.page.waitForFunction(() => document.documentElement.dataset['loaded'] === 'true', POLL);
    expect(await p.page.evaluate(() => matchMedia('(forced-colors: active)').matches)).toBe(true);
    await p.page.bringToFront();
    return p;
  }

  /** The focused element's outline: drawn, and in the system highlight colour. */
  const ring = (p: TrackedPage): Promise<{ style: string; width: string }> =>
    p.page.evaluate(() => {
      const cs = getComputedStyle(document.activeElement as Element);
      return { style: cs.outlineStyle, width: cs.outlineWidth };
    });

  test('popup: badges bordered, focus ring visible', async () => {
    const popup = await forced('src/pages/popup/index.html', 800, 600);
    await waitForPopup(popup);
    const badges = await popup.page.$$eval('.ui-badge, .ui-flag', (els) => els.map((e) => getComputedStyle(e).borderTopStyle));
    expect(badges.length).toBeGreaterThan(0);
    expect(badges.every((s) => s === 'solid')).toBe(true);
    await popup.page.keyboard.press('Tab');
    expect(await ring(popup)).toEqual({ style: 'solid', width: '3px' });
    if (name === 'chromium') await popup.page.screenshot({ path: resolve(STORE_SHOTS, 'popup-forced-colors.png') });
    await expectNoViolations(popup, 'forced-colors popup');
  });

  test('panel: the selected row and the focus ring stay visible', async () => {
    const panel = await forced('src/pages/panel/index.html', 1200, 700);
    await panel.page.waitForSelector('[data-testid=row-count][data-complete=true]', POLL);
    await panel.page.focus('[role=listbox]');
    await panel.page.keyboard.press('End');
    await panel.page.keyboard.press('ArrowUp');
    await panel.page.waitForSelector('[data-testid=row-detail]', POLL);
    expect(await panel.page.$eval('.vrow.selected', (e) => getComputedStyle(e).outlineStyle)).toBe('solid');
    if (name === 'chromium') await panel.page.screenshot({ path: resolve(STORE_SHOTS, 'panel-forced-colors.png') });
    await expectNoViolations(panel, 'forced-colors panel');
  });
});

async function expectNoViolations(p: TrackedPage, where: string): Promise<void> {
  const violations = await axeViolations(p);
  expect(violations, describeViolations(where, violations)).toEqual([]);
}
