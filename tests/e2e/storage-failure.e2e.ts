import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startSite, type Site } from '../site/server';
import { launch, selectedBrowsers } from '../../scripts/browser/browsers';
import { ExtensionControl } from '../../scripts/browser/extension';
import type { CookieChangeEvent } from './harness/log';
import type { BrowserName, ExtensionBrowser } from '../../scripts/browser/types';

/**
 * When the browser cannot give the extension its IndexedDB (a broken or unwritable profile), the
 * background records in memory instead of queueing forever, and says so. The profile's IndexedDB
 * directory is replaced by a plain file before the browser starts, so opening any database fails
 * inside the browser's storage layer — the same path a corrupted or read-only profile takes.
 */
function breakIndexedDb(name: BrowserName): (dir: string) => void {
  return (dir) => {
    // Chromium: <profile>/Default/IndexedDB; Firefox: <profile>/storage/default (every origin's storage).
    const parent = name === 'chromium' ? join(dir, 'Default') : join(dir, 'storage');
    mkdirSync(parent, { recursive: true });
    writeFileSync(join(parent, name === 'chromium' ? 'IndexedDB' : 'default'), 'not a directory\n');
  };
}

describe.each(selectedBrowsers())('%s: IndexedDB cannot be opened', (name) => {
  let b: ExtensionBrowser;
  let control: ExtensionControl;
  let site: Site;

  beforeAll(async () => {
    site = await startSite();
    b = await launch(name, { prepareProfile: breakIndexedDb(name) });
    control = await ExtensionControl.open(b);
  });
  afterAll(async () => {
    await b?.close();
    await site?.close();
  });

  test('the background reports why, and the options page shows it', async () => {
    const status = await control.send<{ storageError?: string }>('getStatus');
    expect(status.storageError).toMatch(/Error/);
    const options = await b.openExtensionPage('src/pages/options/index.html');
    await options.page.waitForSelector('[data-testid=storage-error][role=alert]');
    const text = await options.page.$eval('[data-testid=storage-error]', (e) => e.textContent ?? '');
    expect(text).toContain(status.storageError!.split('\n')[0]!.slice(0, 40));
  });

  test('cookie changes are still recorded, in memory, and the popup still shows the tab', async () => {
    const tab = await b.newPage();
    await b.goto(tab, `${site.http}/login-insecure`);
    await control.waitFor(async () => {
      const log = await control.send<{ changes: CookieChangeEvent[] }>('getPrivateLog', {});
      return log.changes.some((c) => c.name === 'PHPSESSID' && !c.removed);
    }, 'PHPSESSID recorded in memory');
    const status = await control.send<{ log: { written: number; dropped: number } }>('getStatus');
    expect(status.log.written).toBeGreaterThan(0);
    expect(status.log.dropped).toBe(0);

    const tabId = await b.tabIdOf(tab);
    const popup = await b.openExtensionPage('src/pages/popup/index.html', { tabId });
    await popup.page.waitForFunction(() => document.documentElement.dataset['loaded'] === 'true', { timeout: 15_000 });
    await popup.page.waitForFunction(
      () => [...document.querySelectorAll('[data-cookie-name]')].some((e) => e.getAttribute('data-cookie-name') === 'PHPSESSID'),
      { timeout: 15_000 },
    );
  });
});
