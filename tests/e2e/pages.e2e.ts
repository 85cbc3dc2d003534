import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { BROWSERS, launch, selectedBrowsers } from '../../scripts/browser/browsers';
import { pageScripts, staticScriptGraph, workerScripts } from '../../scripts/bundle-graph';
import { ExtensionControl } from '../../scripts/browser/extension';
import type { ExtensionBrowser } from '../../scripts/browser/types';

const PAGES = ['src/pages/popup/index.html', 'src/pages/panel/index.html', 'src/pages/report/index.html', 'src/pages/options/index.html'];

describe.each(selectedBrowsers())('%s: the extension installs and every page loads', (name) => {
  let b: ExtensionBrowser;
  let control: ExtensionControl;

  beforeAll(async () => {
    b = await launch(name);
    control = await ExtensionControl.open(b);
  });
  afterAll(async () => {
    await b?.close();
  });

  test('the background starts and signals readiness', async () => {
    const pong = await control.send<{ ready: boolean; version: string }>('ping');
    expect(pong.ready).toBe(true);
  });

  test.each(PAGES)('%s renders for ?tabId=N without console errors', async (path) => {
    const site = await b.newPage();
    await b.goto(site, 'about:blank');
    const page = await b.openExtensionPage(path, { tabId: 1 });
    await page.page.waitForFunction(() => document.documentElement.dataset['ready'] === 'true');
    const heading = await page.page.$eval('h1', (h) => h.textContent ?? '');
    expect(heading.length).toBeGreaterThan(0);
    expect(page.errors).toEqual([]);
    await page.page.close();
    await site.page.close();
  });

  // The short documented paths: a tiny page at the root that hands its query string on (assets/short-path.js).
  test.each(['report', 'panel', 'options', 'popup'])('%s.html?tabId=N leads to the page with its query string', async (short) => {
    const page = await b.openExtensionPage(`${short}.html`, { tabId: 7 });
    const target = `/src/pages/${short}/index.html`;
    const want = `${target}?tabId=7|true`;
    let seen = '';
    // The redirect replaces the document under us: a destroyed context is polled again, not an error.
    await control
      .waitFor(async () => {
        seen = await page.page.evaluate(() => `${location.pathname}${location.search}|${document.documentElement.dataset['ready'] ?? ''}`);
        return seen === want;
      }, `${short}.html redirected`)
      .catch(() => undefined);
    expect(seen).toBe(`${target}?tabId=7|true`);
    expect(page.errors).toEqual([]);
    await page.page.close();
  });

  // Each extension file is a request through the browser process, answered in turn: the popup's
  // first line ran later when its code came in eleven files (vite.config.ts, popupChunk; bench:popup).
  test('the build gives the popup four script files at most, and the background none of its UI', () => {
    const dist = BROWSERS[name].dist;
    const popupGraph = staticScriptGraph(dist, pageScripts(dist, 'src/pages/popup/index.html'));
    expect(popupGraph.length).toBeLessThanOrEqual(4);
    // The worker shares `core` with the popup and nothing else: no Preact in its start-up.
    const shared = workerScripts(dist).filter((f) => popupGraph.includes(f));
    expect(shared.map((f) => f.replace(/-[\w-]{8}\.js$/, ''))).toEqual(expect.arrayContaining(['assets/core']));
    expect(shared.every((f) => /^assets\/(core|rolldown-runtime)-/.test(f))).toBe(true);
  });
});
