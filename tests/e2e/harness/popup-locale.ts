/**
 * Chromium with the extension, started in Korean: `--lang` plus the locale environment pick the
 * `ko` messages for chrome.i18n (getUILanguage() still answers en-US in headless Chromium on
 * Linux). The shared launcher takes no flags, hence this small second one. Firefox needs a
 * language pack to switch, which this machine does not have.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { BROWSERS } from '../../../scripts/browser/browsers';
import { CHROMIUM_PATH } from '../../../scripts/browser/chromium';

export interface LocalisedChromium {
  browser: Browser;
  origin: string;
  /** Tab id of `page` as the extension sees it, asked from an extension page. */
  tabIdOf(page: Page): Promise<number>;
  close(): Promise<void>;
}

export async function launchChromiumIn(lang: string): Promise<LocalisedChromium> {
  const profile = mkdtempSync(join(tmpdir(), `cm-chromium-${lang}-`));
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    pipe: true,
    enableExtensions: [BROWSERS.chromium.dist],
    userDataDir: profile,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      `--lang=${lang}`,
    ],
    env: { ...process.env, LANGUAGE: lang, LANG: `${lang}.UTF-8`, LC_ALL: `${lang}.UTF-8` },
  });
  const worker = await browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://'));
  const origin = `chrome-extension://${new URL(worker.url()).host}`;
  return {
    browser,
    origin,
    async tabIdOf(page) {
      const probe = await browser.newPage();
      try {
        await probe.goto(`${origin}/src/pages/options/index.html`);
        const id = await probe.evaluate(async (u: string) => {
          type Tab = { id?: number; url?: string };
          const api = (globalThis as unknown as { browser: { tabs: { query(q: object): Promise<Tab[]> } } }).browser;
          return (await api.tabs.query({})).find((t) => t.url === u)?.id ?? -1;
        }, page.url());
        if (id < 0) throw new Error(`no tab shows ${page.url()}`);
        return id;
      } finally {
        await probe.close();
      }
    },
    async close() {
      await browser.close().catch(() => undefined);
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
