import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { FLOOD_LINES } from '../site/catalogue/limits';
import { contextOf } from '../site/catalogue';
import { startSite, type Site } from '../site/server';
import { launch, selectedBrowsers } from '../../scripts/browser/browsers';
import { ExtensionControl } from '../../scripts/browser/extension';
import { readLog, sameRequestUrl, type CookieChangeEvent, type HeaderObservation } from './harness/log';
import type { ExtensionBrowser, TrackedPage } from '../../scripts/browser/types';

/** Kept of one response by the recorder (src/background/recorder/headers.ts MAX_SET_COOKIE_LINES). */
const KEPT = 500;

interface Status {
  detailDropped: number;
  log: { dropped: number };
}

describe.each(selectedBrowsers())('%s: a response past the recorder’s budgets sheds detail, never a record', (name) => {
  let b: ExtensionBrowser;
  let control: ExtensionControl;
  let site: Site;
  let tab: TrackedPage;
  let stored: string[];
  let obs: HeaderObservation;
  let changes: CookieChangeEvent[];

  beforeAll(async () => {
    site = await startSite();
    b = await launch(name);
    control = await ExtensionControl.open(b);
    await control.recordAllHeaders();
    tab = await b.newPage();
    await b.goto(tab, `${site.http}/flood`);
    const entry = site.log.filter((e) => e.url === '/flood').at(-1)!;
    expect(entry.setCookie).toHaveLength(FLOOD_LINES);
    stored = site.expectations
      .cookiesFor('/flood', contextOf(entry))
      .filter((c) => c.browsers[name].result === 'stored')
      .map((c) => c.name);
    // Signal: the response is in the log and every cookie the browser stored has its change.
    await control.waitFor(
      async () => {
        const log = await readLog(control);
        const found = log.observations.find((o) => o.kind === 'response' && sameRequestUrl(o.url, `${site.http}/flood`));
        const names = new Set(log.changes.filter((c) => !c.removed).map((c) => c.name));
        if (!found || !stored.every((n) => names.has(n))) return false;
        obs = found;
        changes = log.changes.filter((c) => c.name.startsWith('flood_'));
        return true;
      },
      'the flood response and every cookie change it caused',
      60_000,
    );
  });
  afterAll(async () => {
    await b?.close();
    await site?.close();
  });

  test('the response keeps its first lines and counts the rest as not recorded', () => {
    expect(obs.setCookies).toHaveLength(KEPT);
    expect(obs.setCookiesOmitted).toBe(FLOOD_LINES - KEPT);
  });

  test('every cookie change is recorded once, including those of lines past the cap', () => {
    expect(stored.length).toBeGreaterThan(0);
    expect(changes.map((c) => c.name).sort()).toEqual([...stored].sort());
    expect(changes.every((c) => !c.removed && c.cause === 'explicit')).toBe(true);
  });

  test('getStatus reports the shed detail and no dropped record', async () => {
    const status = await control.send<Status>('getStatus');
    expect(status.detailDropped).toBeGreaterThanOrEqual(FLOOD_LINES - KEPT);
    expect(status.log.dropped).toBe(0);
  });

  test('the panel and the options page show the shed counter', async () => {
    const tabId = await b.tabIdOf(tab);
    const panel = await b.openExtensionPage('src/pages/panel/index.html', { tabId });
    const options = await b.openExtensionPage('src/pages/options/index.html');
    for (const page of [panel, options]) {
      const el = await page.page.waitForSelector('[data-testid=detail-dropped]', { timeout: 20_000 });
      const count = Number(await el!.evaluate((e) => (e as HTMLElement).dataset['count']));
      expect(count).toBeGreaterThanOrEqual(FLOOD_LINES - KEPT);
      expect(await el!.evaluate((e) => e.textContent)).toContain(String(count));
      expect(page.errors).toEqual([]);
    }
  });
});
