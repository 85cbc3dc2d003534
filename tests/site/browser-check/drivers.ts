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
  /** Every cookie of the flow's profile with the fields the differential tester compares. */
  jar(): Promise<JarCookie[]>;
  /** Empties the flow's cookie jar (partitioned cookies included). */
  clearCookies(): Promise<void>;
  /** Chromium only: Set-Cookie line → reasons, for responses since the last goto. */
  blocked?: Map<string, string[]>;
  close(): Promise<void>;
}

/** A stored cookie as the browser reports it; names and values decoded from UTF-8. */
export interface JarCookie {
  name: string;
  value: string;
  /** With a leading "." for a domain cookie, as both browsers report it. */
  domain: string;
  path: string;
  secure: boolean;
  httpOnly: boolean;
  sameSite: BrowserCookie['sameSite'];
  /** Epoch seconds, or 'session'. */
  expires: number | 'session';
  /** Undefined when the browser's API does not say. */
  partitioned?: boolean;
}

export interface DriverOptions {
  allowThirdPartyCookies?: boolean;
  /** Extra host names to resolve to 127.0.0.1. */
  hosts?: string[];
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

export async function chromiumDriver(opts: DriverOptions = {}): Promise<Driver> {
  const dir = mkdtempSync(join(tmpdir(), 'site-check-chromium-'));
  if (opts.allowThirdPartyCookies) {
    mkdirSync(join(dir, 'Default'));
    writeFileSync(join(dir, 'Default', 'Preferences'), JSON.stringify({ profile: { cookie_controls_mode: 0 } }));
  }
  const args = [...CHROMIUM_ARGS];
  if (opts.hosts?.length) {
    args.push(`--host-resolver-rules=${opts.hosts.map((h) => `MAP ${h} 127.0.0.1`).join(', ')}`);
    // Keep http on http: the tester compares what each scheme sets.
    args.push('--disable-features=HttpsUpgrades');
  }
  const context = await chromium.launchPersistentContext(dir, { executablePath: '/usr/bin/chromium', headless: true, args });
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
        async jar() {
          const { cookies } = await cdp.send('Storage.getCookies', {});
          return cookies.map((c): JarCookie => ({
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
        async clearCookies() {
          await cdp.send('Storage.clearCookies', {});
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
export async function firefoxDriver(opts: Pick<DriverOptions, 'hosts'> = {}): Promise<Driver> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: '/usr/bin/firefox-esr',
    headless: true,
    acceptInsecureCerts: true,
    ...(opts.hosts?.length
      ? {
          extraPrefsFirefox: {
            'network.dns.localDomains': opts.hosts.join(','),
            // Keep http on http: the tester compares what each scheme sets.
            'dom.security.https_first': false,
            'dom.security.https_first_schemeless': false,
          },
        }
      : {}),
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
        async jar() {
          const raw = await bidiUserContext(context).getCookies();
          return raw.map((c): JarCookie => ({
            name: fromBidiName(c.name),
            value: c.value.type === 'base64' ? Buffer.from(c.value.value, 'base64').toString('utf8') : c.value.value,
            domain: c.domain,
            path: c.path,
            secure: c.secure,
            httpOnly: c.httpOnly,
            sameSite: sameSite(c.sameSite),
            expires: c.expiry === undefined || c.expiry <= 0 ? 'session' : c.expiry,
          }));
        },
        async clearCookies() {
          await bidiUserContext(context).deleteCookies();
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

interface BidiCookie {
  name: string;
  value: { type: 'string' | 'base64'; value: string };
  domain: string;
  path: string;
  secure: boolean;
  httpOnly: boolean;
  sameSite: string;
  expiry?: number;
}

/**
 * puppeteer's public cookie list turns binary values into base64 text; its BiDi user context
 * (not a public API) gives the raw storage.getCookies answer.
 */
function bidiUserContext(context: object): { getCookies(): Promise<BidiCookie[]>; deleteCookies(): Promise<void> } {
  const user = (context as { userContext?: { getCookies?: () => Promise<BidiCookie[]> } }).userContext;
  if (!user?.getCookies) throw new Error('puppeteer-core no longer exposes the BiDi user context');
  const getCookies = user.getCookies.bind(user);
  const session = (user as unknown as { browser: { session: { send(m: string, p: object): Promise<unknown> } } }).browser?.session;
  return {
    getCookies: () => getCookies(),
    async deleteCookies() {
      if (!session) throw new Error('puppeteer-core no longer exposes the BiDi session');
      await session.send('storage.deleteCookies', {
        partition: { type: 'storageKey', userContext: (user as unknown as { id: string }).id },
      });
    },
  };
}

/** Firefox's BiDi hands a cookie name over byte by byte (one Latin-1 char per byte). */
function fromBidiName(name: string): string {
  // eslint-disable-next-line no-control-regex -- any char above 0xff means it was not bytes
  return /^[\x00-\xff]*$/.test(name) ? Buffer.from(name, 'latin1').toString('utf8') : name;
}
