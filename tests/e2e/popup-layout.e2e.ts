/**
 * The popup's layout at the widths a popup or a zoomed popup can have: 320–800 CSS px, and 200 %
 * zoom (an 800 px popup at twice the scale lays out in 400 CSS px; Firefox over BiDi has no zoom
 * call, so both browsers get that viewport at device scale 2). No width may scroll the page
 * sideways, and every section stays on screen. Then the same in Korean (Chromium only, see
 * harness/popup-locale.ts), with screenshots to look at.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startSite, type Site } from '../site/server';
import { launch, selectedBrowsers } from '../../scripts/browser/browsers';
import { ExtensionControl } from '../../scripts/browser/extension';
import { launchChromiumIn } from './harness/popup-locale';
import { waitForPopup } from './harness/popup-page';
import type { ExtensionBrowser, TrackedPage } from '../../scripts/browser/types';

const ROUTES = ['/login?user=alice', '/login-insecure', '/persistent/max-age', '/session', '/samesite', '/hostile', '/jwt'];
const SHOTS = resolve(import.meta.dirname, '../../artifacts/screenshots');
const POLL = { polling: 100, timeout: 20_000 } as const;
/** What the popup shows with cookies on the tab: each must stay within the page's width. */
const SECTIONS = [
  '.popup-header',
  '[data-testid=search]',
  '[data-testid=session-section]',
  '[data-testid=persistent-section]',
  '[data-testid=limits]',
  '[data-testid=top-findings]',
];
const SIZES = [
  { label: '320px', width: 320, deviceScaleFactor: 1 },
  { label: '480px', width: 480, deviceScaleFactor: 1 },
  { label: '800px', width: 800, deviceScaleFactor: 1 },
  { label: '200% zoom', width: 400, deviceScaleFactor: 2 },
];

interface Layout {
  scrollWidth: number;
  clientWidth: number;
  /** Sections missing, empty or reaching past the page's edges. */
  off: string[];
}

async function layoutAt(page: Page, width: number, deviceScaleFactor: number): Promise<Layout> {
  await page.setViewport({ width, height: 600, deviceScaleFactor });
  // The resize is applied when the page next lays out: wait until it sees the new width.
  await page.waitForFunction((w: number) => window.innerWidth === w, POLL, width);
  return measure(page);
}

function measure(page: Page): Promise<Layout> {
  return page.evaluate((selectors: string[]) => {
    const root = document.documentElement;
    const off = selectors.filter((s) => {
      const e = document.querySelector(s);
      if (!e) return true;
      const r = e.getBoundingClientRect();
      return r.width === 0 || r.height === 0 || r.left < 0 || r.right > root.clientWidth + 0.5;
    });
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, off };
  }, SECTIONS);
}

describe.each(selectedBrowsers())('%s: popup layout at narrow widths and 200 %% zoom', (name) => {
  let b: ExtensionBrowser;
  let site: Site;
  let popup: TrackedPage;
  let tab: TrackedPage;

  beforeAll(async () => {
    site = await startSite();
    b = await launch(name);
    await ExtensionControl.open(b);
    tab = await b.newPage();
    for (const route of ROUTES) await b.goto(tab, site.http + route);
    const tabId = await b.tabIdOf(tab);
    popup = await b.newPage();
    await b.openExtensionPage('src/pages/popup/index.html', { tabId }, popup);
    await waitForPopup(popup);
  });
  afterAll(async () => {
    await b?.close();
    await site?.close();
  });

  test.each(SIZES)('$label: no sideways scrolling, every section on screen', async ({ label, width, deviceScaleFactor }) => {
    const layout = await layoutAt(popup.page, width, deviceScaleFactor);
    expect({ label, ...layout }).toEqual({ label, scrollWidth: layout.clientWidth, clientWidth: layout.clientWidth, off: [] });
    mkdirSync(SHOTS, { recursive: true });
    await popup.page.screenshot({ path: resolve(SHOTS, `popup-${name}-${label.replace(/\W+/g, '')}.png`), fullPage: true });
  });

  test.runIf(name === 'chromium')('with reduced motion asked for, nothing in the popup moves', async () => {
    // Firefox over BiDi cannot emulate the media feature; Chromium can.
    await popup.page.emulateMediaFeatures([{ name: 'prefers-reduced-motion', value: 'reduce' }]);
    try {
      const moving = await popup.page.evaluate(() => {
        const seconds = (v: string): number => Math.max(...v.split(',').map((x) => parseFloat(x) * (x.trim().endsWith('ms') ? 0.001 : 1)));
        return [...document.querySelectorAll('*')]
          .filter((e) => {
            const cs = getComputedStyle(e);
            return seconds(cs.transitionDuration) > 0.001 || (cs.animationName !== 'none' && seconds(cs.animationDuration) > 0.001);
          })
          .map((e) => e.tagName + (e.className ? `.${String(e.className)}` : ''));
      });
      expect(moving).toEqual([]);
    } finally {
      await popup.page.emulateMediaFeatures([{ name: 'prefers-reduced-motion', value: 'no-preference' }]);
    }
  });

  test('fifty cookies set by one page load are announced as one throttled summary', async () => {
    const p = popup.page;
    expect(await p.$$eval('[aria-live]', (els) => els.length)).toBe(1);
    const before = Number(await p.$eval('[data-count-all]', (e) => e.getAttribute('data-count-all')));
    // What a screen reader would hear: every text the polite region takes, from now on.
    await p.evaluate(() => {
      const region = document.querySelector('[data-testid=live-summary]')!;
      const said: string[] = [];
      (window as unknown as { said: string[] }).said = said;
      new MutationObserver(() => said.push(region.textContent ?? '')).observe(region, {
        childList: true,
        characterData: true,
        subtree: true,
      });
    });
    const started = Date.now();
    await b.goto(tab, `${site.http}/limits/50?prefix=live`);
    await p.bringToFront();
    // Done when the header has every new cookie and the region has caught up with it.
    await p.waitForFunction(
      (n: number) => {
        const all = Number(document.querySelector('[data-count-all]')?.getAttribute('data-count-all'));
        return all >= n && (document.querySelector('[data-testid=live-summary]')?.textContent ?? '').startsWith(`${all} `);
      },
      POLL,
      before + 50,
    );
    const elapsed = Date.now() - started;
    const said = await p.evaluate(() => (window as unknown as { said: string[] }).said);
    // At most one summary per throttle period (3 s) plus the first: never one per cookie.
    expect(said.length).toBeGreaterThan(0);
    expect(said.length).toBeLessThanOrEqual(1 + Math.ceil(elapsed / 3_000));
    expect(said.every((text) => /^\d+ cookies, \d+ findings$/.test(text))).toBe(true);
  });
});

describe.runIf(selectedBrowsers().includes('chromium'))('chromium in Korean: popup layout', () => {
  test('320 px and full width hold the Korean strings', async () => {
    const site = await startSite();
    const ko = await launchChromiumIn('ko');
    try {
      const tab = await ko.browser.newPage();
      for (const route of ROUTES) await tab.goto(site.http + route, { waitUntil: 'load' });
      const tabId = await ko.tabIdOf(tab);
      const popup = await ko.browser.newPage();
      await popup.goto(`${ko.origin}/src/pages/popup/index.html?tabId=${tabId}`, { waitUntil: 'load' });
      await popup.waitForFunction(() => document.documentElement.dataset['complete'] === 'true', POLL);
      expect(await popup.evaluate(() => document.documentElement.lang)).toBe('ko');
      mkdirSync(SHOTS, { recursive: true });
      for (const width of [320, 800]) {
        const layout = await layoutAt(popup, width, 1);
        expect({ width, ...layout }).toEqual({ width, scrollWidth: layout.clientWidth, clientWidth: layout.clientWidth, off: [] });
        await popup.screenshot({ path: resolve(SHOTS, `popup-chromium-ko-${width}.png`), fullPage: true });
      }
    } finally {
      await ko.close();
      await site.close();
    }
  });
});

/**
 * The real toolbar popup, sized by the browser, at 200 % zoom: the profile's default zoom is 200 %
 * (Chromium's zoom levels are powers of 1.2), `action.openPopup()` from an extension page opens the
 * popup over the focused window's active tab, and the popup is found among the browser's targets.
 */
describe.runIf(selectedBrowsers().includes('chromium'))('chromium: the toolbar popup itself at 200 % zoom', () => {
  test('opens zoomed, sizes itself to its content and never scrolls sideways', async () => {
    const site = await startSite();
    const b = await launch('chromium', {
      prepareProfile: (dir) => {
        mkdirSync(join(dir, 'Default'), { recursive: true });
        const level = Math.log(2) / Math.log(1.2);
        writeFileSync(join(dir, 'Default', 'Preferences'), JSON.stringify({ partition: { default_zoom_level: { x: level } } }));
      },
    });
    try {
      await ExtensionControl.open(b);
      const opener = await b.openExtensionPage('src/pages/options/index.html');
      const tab = await b.newPage();
      for (const route of ROUTES) await b.goto(tab, site.http + route);
      await tab.page.bringToFront();
      const opened = await opener.page.evaluate(async () => {
        type Chrome = { action: { openPopup(): Promise<void> } };
        await (globalThis as unknown as { chrome: Chrome }).chrome.action.openPopup();
        return true;
      });
      expect(opened).toBe(true);
      const target = await opener.page.browser().waitForTarget((t) => t.url().startsWith(`${b.origin}/src/pages/popup/index.html`), POLL);
      const page = (await target.asPage()) as Page;
      const popup: TrackedPage = { page, errors: [] };
      await waitForPopup(popup);
      const seen = await page.evaluate(() => ({
        zoom: window.devicePixelRatio,
        rows: document.querySelectorAll('tr[data-cookie-name]').length,
        width: window.innerWidth,
        height: window.innerHeight,
      }));
      // Chromium caps a popup at 800 × 600 screen pixels: at 200 % that is 400 × 300 CSS pixels.
      expect(seen.zoom).toBe(2);
      expect(seen.rows).toBeGreaterThan(0);
      expect(seen.width).toBeGreaterThan(0);
      expect(seen.width).toBeLessThanOrEqual(400);
      expect(seen.height).toBeLessThanOrEqual(300);
      const layout = await measure(page);
      expect(layout).toEqual({ scrollWidth: layout.clientWidth, clientWidth: layout.clientWidth, off: [] });
      mkdirSync(SHOTS, { recursive: true });
      await page.screenshot({ path: resolve(SHOTS, 'popup-chromium-toolbar-200.png') });
    } finally {
      await b.close();
      await site.close();
    }
  });
});
