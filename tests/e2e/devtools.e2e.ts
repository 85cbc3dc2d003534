import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { BROWSERS, selectedBrowsers } from './harness/browsers';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './harness/chromium';

/**
 * One smoke test that the REAL DevTools runs the extension's devtools_page and accepts the
 * "Cookies" panel. Only Chromium can open DevTools headless (--auto-open-devtools-for-tabs with
 * DevTools targets exposed as pages); the panel's contents are tested as `panel.html?tabId=N`.
 */
const run = selectedBrowsers().includes('chromium') ? describe : describe.skip;

run('chromium: real DevTools creates the Cookies panel', () => {
  let browser: Browser;
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
  });
  afterAll(async () => {
    await browser?.close();
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
});
