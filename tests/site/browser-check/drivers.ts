/**
 * Real browsers for browser-check.ts: Chromium through playwright-core (with a CDP session for the
 * reasons Chromium gives when it refuses a line) and Firefox through puppeteer-core over WebDriver
 * BiDi. Each flow starts with no cookies.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import puppeteer from 'puppeteer-core';
import type { Browser } from '../types';
import type { BrowserCookie } from './compare';

export interface Flow {
  goto(url: string): Promise<void>;
  waitDone(): Promise<void>;
  click(selector: string): Promise<void>;
  cookies(): Promise<BrowserCookie[]>;
  /** Chromium only: Set-Cookie line → reasons, for responses since the last goto. */
  blocked?: Map<string, string[]>;
  close(): Promise<void>;
}

export interface Driver {
  label: string;
  browser: Browser;
  /** alsoVerified key this driver's settings correspond to, if not the defaults. */
  setting?: string;
  newFlow(): Promise<Flow>;
  close(): Promise<void>;
}

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--ignore-certificate-errors',
  // Keep cross-site frames in the page's process so one CDP session sees their responses.
  '--disable-site-isolation-trials',
  '--disable-features=IsolateOrigins,site-per-process',
];

const sameSite = (s: string | undefined): BrowserCookie['sameSite'] => {
  const v = (s ?? '').toLowerCase();
  return v === 'lax' || v === 'strict' || v === 'none' ? v : 'unspecified';
};

declare global {
  interface Window {
    __siteDone?: boolean;
    __siteClicked?: boolean;
  }
}

export async function chromiumDriver(opts: { allowThirdPartyCookies?: boolean } = {}): Promise<Driver> {
  const dir = mkdtempSync(join(tmpdir(), 'site-check-chromium-'));
  if (opts.allowThirdPartyCookies) {
    mkdirSync(join(dir, 'Default'));
    writeFileSync(join(dir, 'Default', 'Preferences'), JSON.stringify({ profile: { cookie_controls_mode: 0 } }));
  }
  const context = await chromium.launchPersistentContext(dir, { executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
  const driver: Driver = {
    label: opts.allowThirdPartyCookies ? 'chromium (third-party cookies allowed)' : 'chromium',
    browser: 'chromium',
    async newFlow() {
      await context.clearCookies();
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      const blocked = new Map<string, string[]>();
      cdp.on('Network.responseReceivedExtraInfo', (e) => {
        for (const b of e.blockedCookies) blocked.set(b.cookieLine, b.blockedReasons);
      });
      await cdp.send('Network.enable');
      return {
        blocked,
        async goto(url) {
          blocked.clear();
          await page.goto(url, { waitUntil: 'load' });
        },
        async waitDone() {
          await page.waitForFunction(() => window.__siteDone === true, undefined, { timeout: 60_000 });
        },
        async click(selector) {
          await page.click(selector);
          await page.waitForFunction(() => window.__siteClicked === true);
        },
        async cookies() {
          const { cookies } = await cdp.send('Storage.getCookies', {});
          return cookies.map((c): BrowserCookie => ({
            name: c.name,
            value: c.value,
            domain: c.domain,
            path: c.path,
            secure: c.secure,
            httpOnly: c.httpOnly,
            sameSite: sameSite(c.sameSite),
            expires: c.session ? 'session' : c.expires,
            partitioned: c.partitionKey !== undefined,
          }));
        },
        async close() {
          await page.close();
        },
      };
    },
    async close() {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  if (opts.allowThirdPartyCookies) driver.setting = 'chromium:third-party-cookies-allowed';
  return driver;
}

/**
 * Firefox with puppeteer's automation profile. Its cookie listing (BiDi storage.getCookies) does not
 * say whether a cookie is partitioned; browser-check.ts tells that from behaviour instead.
 */
export async function firefoxDriver(): Promise<Driver> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: '/usr/bin/firefox-esr',
    headless: true,
    acceptInsecureCerts: true,
  });
  return {
    label: 'firefox',
    browser: 'firefox',
    async newFlow() {
      const context = await browser.createBrowserContext();
      const page = await context.newPage();
      return {
        async goto(url) {
          await page.goto(url, { waitUntil: 'load' });
        },
        async waitDone() {
          await page.waitForFunction(() => window.__siteDone === true, { timeout: 60_000 });
        },
        async click(selector) {
          await page.click(selector);
          await page.waitForFunction(() => window.__siteClicked === true);
        },
        async cookies() {
          const cookies = await context.cookies();
          return cookies.map((c): BrowserCookie => ({
            name: c.name,
            value: c.value,
            domain: c.domain,
            path: c.path,
            secure: c.secure,
            httpOnly: c.httpOnly === true,
            sameSite: sameSite(c.sameSite),
            expires: c.session === true || c.expires < 0 ? 'session' : c.expires,
          }));
        },
        async close() {
          await context.close();
        },
      };
    },
    async close() {
      await browser.close();
    },
  };
}
