import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startSite, type Site } from '../site/server';
import { launch, selectedBrowsers } from '../../scripts/browser/browsers';
import { ExtensionControl } from '../../scripts/browser/extension';
import type { ExtensionBrowser } from '../../scripts/browser/types';

/**
 * Private routing fails closed: a request no tab made — here a private page's service worker — has
 * no incognito flag in Chromium's webRequest details, and must still never reach IndexedDB.
 */
const run = selectedBrowsers().includes('chromium') ? describe : describe.skip;

run('chromium: a private page’s service-worker request', () => {
  let b: ExtensionBrowser;
  let control: ExtensionControl;
  let site: Site;

  beforeAll(async () => {
    site = await startSite();
    b = await launch('chromium', { allowIncognito: true });
    control = await ExtensionControl.open(b);
    await control.recordAllHeaders();
  });
  afterAll(async () => {
    await b?.close();
    await site?.close();
  });

  test('is kept in memory and leaves nothing in IndexedDB', async () => {
    const tab = await b.openPrivateWindow!(`${site.http}/sw.html`);
    await tab.page.waitForFunction(() => document.documentElement.dataset['swDone'] === 'true', { polling: 100 });
    type PrivateLog = { observations: Array<{ url: string; tabId: number }> };
    await control.waitFor(async () => {
      const log = await control.send<PrivateLog>('getPrivateLog', {});
      // Query values are stored as length and digest (secrets in URLs), so the request is found by its path and parameter names.
      return log.observations.some((o) => o.url.includes('/api/set?i=') && o.url.includes('&from=') && o.tabId < 0);
    }, 'the worker’s request in the memory log');
    await control.send('flush');
    const disk = await control.dumpDatabase();
    expect(disk).not.toContain('from=worker');
    expect(disk).not.toMatch(/\/api\/set\?i=[^"]*&from=/);
    expect(disk).not.toContain('burst_777');
  });
});
