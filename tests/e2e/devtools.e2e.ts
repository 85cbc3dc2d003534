import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startSite, type Site } from '../site/server';
import { BROWSERS, selectedBrowsers } from '../../scripts/browser/browsers';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../scripts/browser/chromium';
import { ExtensionControl } from '../../scripts/browser/extension';
import { settledResponse } from './harness/log';
import { extensionUrl, track } from '../../scripts/browser/track';
import type { ExtensionBrowser } from '../../scripts/browser/types';

/**
 * One smoke test that the REAL DevTools runs the extension's devtools_page and accepts the
 * "Cookies" panel. Only Chromium can open DevTools headless (--auto-open-devtools-for-tabs with
 * DevTools targets exposed as pages); the panel's contents are tested as `panel.html?tabId=N`.
 */
const run = selectedBrowsers().includes('chromium') ? describe : describe.skip;

run('chromium: real DevTools creates the Cookies panel', () => {
  let browser: Browser;
  let site: Site;
  const profile = mkdtempSync(join(tmpdir(), 'cm-devtools-'));

  beforeAll(async () => {
    browser = await puppeteer.launch({
      executablePath: CHROMIUM_PATH,
      headless: true,
      pipe: true,
      enableExtensions: [BROWSERS.chromium.dist],
      handleDevToolsAsPage: true,
      userDataDir: profile,
      args: [...CHROMIUM_ARGS, '--auto-open-devtools-for-tabs'],
    });
    site = await startSite();
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
    rmSync(profile, { recursive: true, force: true });
  });

  test('the devtools page loads inside DevTools and the panel is created', async () => {
    const page = await browser.newPage();
    await page.goto('data:text/html,<title>inspected</title><p>inspected page</p>');
    const target = await browser.waitForTarget((t) => /\/src\/pages\/devtools\/index\.html/.test(t.url()), {
      timeout: 30_000,
    });
    // The devtools page is a target DevTools owns; puppeteer cannot wrap it as a Page ("main
    // frame too early"), so read its ready flag over a raw CDP session, polling until it is set.
    const session = await target.createCDPSession();
    const deadline = Date.now() + 30_000;
    let created: unknown;
    while (Date.now() < deadline) {
      const { result } = await session.send('Runtime.evaluate', {
        expression: 'document.documentElement.dataset.panelCreated ?? null',
        returnByValue: true,
      });
      created = result.value;
      if (created === 'true') break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(created).toBe('true');
  });

  test('while DevTools is open on a tab, the background records that tab’s headers', async () => {
    const worker = await browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://'));
    // URL.origin is 'null' for chrome-extension: URLs.
    const origin = `chrome-extension://${new URL(worker.url()).host}`;
    // Just enough of the harness's browser for ExtensionControl: it opens one extension page.
    const adapter = {
      async openExtensionPage(path: string) {
        const t = track(await browser.newPage());
        await t.page.goto(extensionUrl(origin, path), { waitUntil: 'load' });
        return t;
      },
    } as unknown as ExtensionBrowser;
    const control = await ExtensionControl.open(adapter);
    const page = await browser.newPage();
    await page.goto(`${site.http}/?inspected`);
    const tabId = await control.page.page.evaluate(async (u: string) => {
      type Tab = { id?: number; url?: string };
      const api = (globalThis as unknown as { browser: { tabs: { query(q: object): Promise<Tab[]> } } }).browser;
      return (await api.tabs.query({})).find((t) => t.url === u)?.id ?? -1;
    }, page.url());
    expect(tabId).toBeGreaterThanOrEqual(0);
    // The devtools page (not the panel, which nobody has shown) asked for the tab to be watched.
    await control.waitForWatched(tabId);
    await page.goto(`${site.http}/login`);
    const { obs } = await settledResponse(control, `${site.http}/login`);
    expect(obs.tabId).toBe(tabId);
    expect(obs.setCookies?.map((l) => l.name)).toContain('JSESSIONID');
  });
});
