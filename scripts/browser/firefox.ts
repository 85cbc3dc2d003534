import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';
import { tabIdByUrl } from './chromium';
import { extensionUrl, track } from './track';
import type { ExtensionBrowser, TrackedPage } from './types';

export const FIREFOX_PATH = process.env['FIREFOX_PATH'] ?? '/usr/bin/firefox-esr';

/** A fixed moz-extension:// origin, so pages can be opened by URL. */
const EXTENSION_UUID = '6f1c0d2a-8b3e-4c5d-9e7f-0a1b2c3d4e5f';

/**
 * Firefox ESR over WebDriver BiDi (puppeteer-core 24; there is no geckodriver here). The build is
 * installed as a temporary add-on. `--remote-allow-system-access` is what lets BiDi navigate to
 * moz-extension:// pages; `originControls.grantByDefault` grants the manifest's host access the
 * way a user who accepts the install prompt would (tests of the "withheld" state revoke it).
 */
export async function launchFirefox(
  extensionDir: string,
  extraPrefs: Record<string, unknown> = {},
  prepareProfile?: (dir: string) => void,
  ignoreHttpsErrors = true,
): Promise<ExtensionBrowser> {
  // puppeteer makes (and removes) a temporary profile itself unless given one.
  const profile = prepareProfile ? mkdtempSync(join(tmpdir(), 'cm-firefox-')) : undefined;
  if (profile) prepareProfile?.(profile);
  const manifest = JSON.parse(readFileSync(join(extensionDir, 'manifest.json'), 'utf8')) as {
    browser_specific_settings: { gecko: { id: string } };
  };
  const geckoId = manifest.browser_specific_settings.gecko.id;
  const browser: Browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    acceptInsecureCerts: ignoreHttpsErrors,
    ...(profile ? { userDataDir: profile } : {}),
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: EXTENSION_UUID }),
      'extensions.originControls.grantByDefault': true,
      // Keep a headless run quiet and off the network.
      'browser.shell.checkDefaultBrowser': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      ...extraPrefs,
    },
  });
  await browser.installExtension(extensionDir);
  const origin = `moz-extension://${EXTENSION_UUID}`;

  const navigate = async (t: TrackedPage, url: string): Promise<void> => {
    // page.goto() never resolves for moz-extension:// URLs over BiDi; the raw BiDi navigate does.
    const frame = t.page.mainFrame() as unknown as {
      browsingContext: { navigate(url: string, wait: 'complete'): Promise<unknown> };
    };
    await frame.browsingContext.navigate(url, 'complete');
  };

  const self: ExtensionBrowser = {
    name: 'firefox',
    origin,
    async newPage() {
      return track(await browser.newPage());
    },
    async openExtensionPage(path, query = {}, tracked?: TrackedPage) {
      const t = tracked ?? (await self.newPage());
      await navigate(t, extensionUrl(origin, path, query));
      return t;
    },
    async goto(t, url) {
      await t.page.goto(url, { waitUntil: 'load' });
    },
    async tabIdOf(t) {
      return tabIdByUrl(self, t);
    },
    async openPrivateWindow(url: string) {
      // Only the add-on can open a private window here, and only when a policy lets it into them
      // (tests/e2e/harness/firefox-policy.ts); otherwise windows.create refuses.
      const opener = await self.openExtensionPage('src/pages/options/index.html');
      try {
        await opener.page.evaluate(async (u: string) => {
          type Win = { id?: number; incognito: boolean };
          type Windows = { create(o: object): Promise<Win>; getAll(): Promise<Win[]>; update(id: number, o: object): Promise<unknown> };
          const api = (globalThis as unknown as { browser: { windows: Windows } }).browser;
          await api.windows.create({ incognito: true, url: u });
          // New tabs open in the focused window: give focus back to a normal one, so later pages
          // open where Chromium opens them.
          const normal = (await api.windows.getAll()).find((w) => !w.incognito);
          if (normal?.id !== undefined) await api.windows.update(normal.id, { focused: true });
        }, url);
      } finally {
        await opener.page.close();
      }
      const target = await browser.waitForTarget((t) => t.type() === 'page' && t.url() === url, { timeout: 15_000 });
      return track(await target.asPage());
    },
    async close() {
      await browser.close().catch(() => undefined);
      if (profile) rmSync(profile, { recursive: true, force: true });
    },
  };
  return self;
}
