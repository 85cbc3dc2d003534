import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Target } from 'puppeteer-core';
import { extensionUrl, track } from './track';
import type { ExtensionBrowser, TrackedPage } from './types';

export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/**
 * Flags every headless Chromium here needs: no sandbox (root), and no background networking,
 * component updates or sync — this machine has no network, and those fail noisily at every start.
 */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

const isExtensionWorker = (t: Target): boolean => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://');

/**
 * Debian's Chromium over CDP (pipe), the unpacked build loaded with --load-extension. The flags
 * keep a headless run off the network (this machine has none) and accept the test site's
 * self-signed certificate.
 */
export async function launchChromium(
  extensionDir: string,
  options: { allowIncognito?: boolean; prepareProfile?: (dir: string) => void; ignoreHttpsErrors?: boolean } = {},
): Promise<ExtensionBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'cm-chromium-'));
  options.prepareProfile?.(profile);
  const browser: Browser = await puppeteer.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    pipe: true,
    // Loaded over CDP below when incognito access is wanted: --load-extension cannot grant it.
    enableExtensions: options.allowIncognito ? true : [extensionDir],
    userDataDir: profile,
    args: options.ignoreHttpsErrors === false ? [...CHROMIUM_ARGS] : [...CHROMIUM_ARGS, '--ignore-certificate-errors'],
  });
  if (options.allowIncognito) {
    const session = await browser.target().createCDPSession();
    await session.send('Extensions.loadUnpacked', { path: extensionDir, enableInIncognito: true });
    await session.detach();
  }
  const worker = await browser.waitForTarget(isExtensionWorker, { timeout: 30_000 });
  const workerUrl = new URL(worker.url());
  // URL.origin is 'null' for non-special schemes such as chrome-extension:.
  const origin = `${workerUrl.protocol}//${workerUrl.host}`;

  const self: ExtensionBrowser = {
    name: 'chromium',
    origin,
    async newPage() {
      return track(await browser.newPage());
    },
    async openExtensionPage(path, query = {}, tracked?: TrackedPage) {
      const t = tracked ?? (await self.newPage());
      await t.page.goto(extensionUrl(origin, path, query), { waitUntil: 'load' });
      return t;
    },
    async goto(t, url) {
      await t.page.goto(url, { waitUntil: 'load' });
    },
    async tabIdOf(t) {
      return tabIdByUrl(self, t);
    },
    async openPrivateWindow(url: string) {
      // Only the extension can open an incognito window here; it may because it is allowed in incognito.
      const control = await self.openExtensionPage('src/pages/options/index.html');
      await control.page.evaluate(async (u: string) => {
        const api = (globalThis as unknown as { chrome: { windows: { create(o: object): Promise<unknown> } } }).chrome;
        await api.windows.create({ incognito: true, url: u });
      }, url);
      await control.page.close();
      const target = await browser.waitForTarget((t) => t.type() === 'page' && t.url() === url, { timeout: 15_000 });
      const page = await target.asPage();
      return track(page);
    },
    async stopServiceWorker() {
      // What Chromium does to an idle worker: CDP's ServiceWorker.stopAllWorkers terminates it
      // without any lifecycle event, like a kill after the 30 s idle timeout.
      // The ServiceWorker domain lives on page targets, so borrow a blank page for the call.
      const page = await browser.newPage();
      const session = await page.createCDPSession();
      try {
        await session.send('ServiceWorker.enable');
        await session.send('ServiceWorker.stopAllWorkers');
      } finally {
        await session.detach().catch(() => undefined);
        await page.close();
      }
    },
    async close() {
      await browser.close().catch(() => undefined);
      rmSync(profile, { recursive: true, force: true });
    },
  };
  return self;
}

/** Asks the extension (from one of its own pages) which tab shows the page's current URL. */
export async function tabIdByUrl(b: ExtensionBrowser, t: TrackedPage): Promise<number> {
  const url = t.page.url();
  const probe = await b.openExtensionPage('src/pages/options/index.html');
  try {
    const id = await probe.page.evaluate(async (u: string) => {
      type Tab = { id?: number; url?: string };
      const api = (globalThis as unknown as { browser: { tabs: { query(q: object): Promise<Tab[]> } } }).browser;
      const tabs = await api.tabs.query({});
      return tabs.find((tab) => tab.url === u)?.id ?? -1;
    }, url);
    if (id < 0) throw new Error(`no tab shows ${url}`);
    return id;
  } finally {
    await probe.page.close();
  }
}
