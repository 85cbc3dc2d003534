import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startSite, type Site } from '../site/server';
import { launch, selectedBrowsers } from '../../scripts/browser/browsers';
import { ExtensionControl } from '../../scripts/browser/extension';
import { readLog, settledResponse } from './harness/log';
import type { ExtensionBrowser, TrackedPage } from '../../scripts/browser/types';

/**
 * Header recording by default follows what is being inspected: cookie changes are recorded on
 * every tab, request and response headers only on tabs a panel (or DevTools, see devtools.e2e.ts)
 * is open on — and with nobody watching the webRequest listeners are removed, so browsing costs
 * nothing extra (bench/browsing.bench.ts). The options page switches to recording every tab.
 */
describe.each(selectedBrowsers())('%s: header recording follows what is inspected', (name) => {
  let b: ExtensionBrowser;
  let control: ExtensionControl;
  let site: Site;
  let watched: TrackedPage;
  let other: TrackedPage;
  let watchedId: number;
  let otherId: number;

  beforeAll(async () => {
    site = await startSite();
    b = await launch(name);
    control = await ExtensionControl.open(b);
    watched = await b.newPage();
    other = await b.newPage();
    // Tabs need a URL of their own to be told apart by tabIdOf.
    await b.goto(watched, `${site.http}/`);
    await b.goto(other, `${site.http}/?other`);
    watchedId = await b.tabIdOf(watched);
    otherId = await b.tabIdOf(other);
  });
  afterAll(async () => {
    await b?.close();
    await site?.close();
  });

  /** Waits for the change the last visit of `path` caused (its first Set-Cookie line's cookie). */
  const changeFrom = async (path: string): Promise<void> => {
    const entry = site.log.filter((e) => e.url === path).at(-1);
    const cookieName = entry?.setCookie[0]?.split('=')[0]?.trim();
    if (!cookieName) throw new Error(`the site set no cookie on ${path}`);
    const since = entry!.time;
    await control.waitFor(
      async () => (await readLog(control)).changes.some((c) => c.name === cookieName && c.time >= since - 1_000),
      `${cookieName} change from ${path}`,
    );
  };

  const observationsOf = async (tabId: number) => (await readLog(control)).observations.filter((o) => o.tabId === tabId);

  test('by default nothing is watched: no webRequest listeners, changes still recorded, with an unknown source', async () => {
    await control.waitFor(async () => {
      const h = await control.headerStatus();
      return h.mode === 'inspected' && !h.listening && h.watchedTabs.length === 0;
    }, 'listeners detached once settings are loaded');
    await b.goto(other, `${site.http}/login-insecure`);
    await control.waitFor(async () => (await readLog(control)).changes.some((c) => c.name === 'PHPSESSID'), 'PHPSESSID change');
    const log = await readLog(control);
    expect(log.observations).toEqual([]);
    // Nobody looked at the headers: the change is not claimed to be a script write.
    expect(log.changes.find((c) => c.name === 'PHPSESSID')?.source).toBe('unknown');
  });

  test('while a panel is open on a tab, that tab’s headers are recorded and linked — only that tab’s', async () => {
    const panel = await b.openExtensionPage('src/pages/panel/index.html', { tabId: watchedId });
    await control.waitForWatched(watchedId);
    await b.goto(watched, `${site.http}/login`);
    await b.goto(other, `${site.http}/persistent/max-age`);
    const { obs, changes } = await settledResponse(control, `${site.http}/login`);
    expect(obs.tabId).toBe(watchedId);
    const line = obs.setCookies?.find((l) => l.name === 'JSESSIONID');
    expect(line?.outcome).toMatch(/^(stored|updated)$/);
    expect(changes.find((c) => c.id === line?.changeEventId)?.source).toBe('http');
    // The other tab's cookie change is in the log, so its headers would be too if recorded.
    await changeFrom('/persistent/max-age');
    expect(await observationsOf(otherId)).toEqual([]);

    // The panel shows the request it recorded.
    await panel.page.bringToFront();
    await panel.page.waitForSelector(`[role=option][data-url="${site.http}/login"]`, { timeout: 15_000 });
    expect(panel.errors).toEqual([]);

    // Closing the panel stops recording that tab, and the listeners go away.
    await panel.page.close();
    await control.waitFor(async () => {
      const h = await control.headerStatus();
      return !h.listening && !h.watchedTabs.includes(watchedId);
    }, 'listeners detached after the panel closed');
    const before = (await observationsOf(watchedId)).length;
    await b.goto(watched, `${site.http}/persistent/expires`);
    await changeFrom('/persistent/expires');
    expect((await observationsOf(watchedId)).length).toBe(before);
  });

  test('the options page switches to recording every tab, and back', async () => {
    const options = await b.openExtensionPage('src/pages/options/index.html');
    await options.page.waitForFunction(() => document.documentElement.dataset['loaded'] === 'true');
    expect(await options.page.$eval('input[name=headerCapture][value=inspected]', (e) => (e as HTMLInputElement).checked)).toBe(true);
    await options.page.bringToFront();
    await options.page.click('input[name=headerCapture][value=all]');
    await control.waitFor(async () => (await control.headerStatus()).listening, 'listeners attached');
    await options.page.waitForFunction(() => /\S/.test(document.querySelector('[data-testid=headers-now]')?.textContent ?? ''));

    await b.goto(other, `${site.http}/login?user=bob`);
    const { obs } = await settledResponse(control, `${site.http}/login?user=bob`);
    expect(obs.tabId).toBe(otherId);

    await options.page.bringToFront();
    await options.page.click('input[name=headerCapture][value=inspected]');
    await control.waitFor(async () => !(await control.headerStatus()).listening, 'listeners detached');
    expect(options.errors).toEqual([]);
  });
});
