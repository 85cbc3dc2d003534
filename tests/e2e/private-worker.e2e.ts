import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startSite, type Site } from '../site/server';
import { launch, selectedBrowsers } from '../../scripts/browser/browsers';
import { ExtensionControl } from '../../scripts/browser/extension';
import type { ExtensionBrowser } from '../../scripts/browser/types';
import { allowAddonInPrivateWindows } from './harness/firefox-policy';

/**
 * Private routing fails closed: a request no tab made — here a private page's service worker — has
 * no incognito flag in Chromium's webRequest details, and must still never reach IndexedDB. Firefox
 * is driven in a private window through an enterprise policy (./harness/firefox-policy.ts).
 */
describe.each(selectedBrowsers())('%s: a private page’s service-worker request', (name) => {
  let b: ExtensionBrowser;
  let control: ExtensionControl;
  let site: Site;

  beforeAll(async () => {
    site = await startSite();
    if (name === 'firefox') allowAddonInPrivateWindows();
    // Firefox: service workers in private windows are behind a pref in some versions.
    b = await launch(name, { allowIncognito: true, firefoxPrefs: { 'dom.serviceWorkers.privateBrowsing.enabled': true } });
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
      // The URL as the log keeps it: Firefox's has its query values replaced by digests.
      return log.observations.some((o) => o.url.includes('/api/set?') && o.url.includes('from=') && o.tabId < 0);
    }, 'the worker’s request in the memory log');
    await control.send('flush');
    const disk = await control.dumpDatabase();
    expect(disk).not.toContain('from=worker');
    expect(disk).not.toContain('burst_777');
    expect(disk).not.toContain('/api/set?');
  });
});
