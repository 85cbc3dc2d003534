/**
 * Firefox with the extension and a dark content theme, for the popup's dark screenshot: WebDriver
 * BiDi in Firefox ESR cannot emulate `prefers-color-scheme`, and the shared launcher takes no
 * prefs. `layout.css.prefers-color-scheme.content-override` = 0 makes web content see "dark".
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { BROWSERS } from '../../../scripts/browser/browsers';
import { FIREFOX_PATH } from '../../../scripts/browser/firefox';

const UUID = '0d9b7c3e-5a41-4f6e-8c2d-1b3a5e7f9a0c';

export interface DarkFirefox {
  browser: Browser;
  origin: string;
  /** Opens an extension page in `page` (page.goto never resolves for moz-extension:// over BiDi). */
  open(page: Page, path: string): Promise<void>;
  close(): Promise<void>;
}

export async function launchFirefoxDark(): Promise<DarkFirefox> {
  const dir = BROWSERS.firefox.dist;
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { browser_specific_settings: { gecko: { id: string } } };
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    acceptInsecureCerts: true,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [manifest.browser_specific_settings.gecko.id]: UUID }),
      'extensions.originControls.grantByDefault': true,
      'layout.css.prefers-color-scheme.content-override': 0,
      'browser.shell.checkDefaultBrowser': false,
      'datareporting.policy.dataSubmissionEnabled': false,
    },
  });
  await browser.installExtension(dir);
  const origin = `moz-extension://${UUID}`;
  return {
    browser,
    origin,
    async open(page, path) {
      const frame = page.mainFrame() as unknown as { browsingContext: { navigate(url: string, wait: 'complete'): Promise<unknown> } };
      await frame.browsingContext.navigate(`${origin}/${path}`, 'complete');
    },
    async close() {
      await browser.close().catch(() => undefined);
    },
  };
}
