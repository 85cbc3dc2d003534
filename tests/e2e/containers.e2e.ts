import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startSite, type Site } from '../site/server';
import { launch, selectedBrowsers } from '../../scripts/browser/browsers';
import { CONTAINER_PREFS, openContainerTab } from './harness/containers';
import { ExtensionControl } from '../../scripts/browser/extension';
import { popupRows, waitForPopup } from './harness/popup-page';
import type { ExtensionBrowser } from '../../scripts/browser/types';

/** A container's cookies are its tabs' only: the popup is scoped to the tab's cookie store. */
const run = selectedBrowsers().includes('firefox') ? describe : describe.skip;

run('firefox: container tabs see their own cookie store', () => {
  let b: ExtensionBrowser;
  let control: ExtensionControl;
  let site: Site;

  beforeAll(async () => {
    site = await startSite();
    b = await launch('firefox', { firefoxPrefs: CONTAINER_PREFS });
    control = await ExtensionControl.open(b);
  });
  afterAll(async () => {
    await b?.close();
    await site?.close();
  });

  test("a container cookie is absent from the normal tab's popup, and a normal cookie from the container tab's", async () => {
    const containerId = await openContainerTab(b, `${site.http}/?in=container`);
    const normal = await b.newPage();
    await b.goto(normal, `${site.http}/?in=normal`);
    await control.page.page.evaluate(async (url: string) => {
      const api = (globalThis as unknown as { browser: { cookies: { set(d: object): Promise<unknown> } } }).browser;
      await api.cookies.set({ url, name: 'only_container', value: 'c', storeId: 'firefox-container-1' });
      await api.cookies.set({ url, name: 'only_normal', value: 'n', storeId: 'firefox-default' });
    }, `${site.http}/`);

    const normalPopup = await b.openExtensionPage('src/pages/popup/index.html', { tabId: await b.tabIdOf(normal) });
    await waitForPopup(normalPopup);
    const normalNames = (await popupRows(normalPopup)).map((r) => r.name);
    expect(normalNames).toContain('only_normal');
    expect(normalNames).not.toContain('only_container');

    const containerPopup = await b.openExtensionPage('src/pages/popup/index.html', { tabId: containerId });
    await waitForPopup(containerPopup);
    const containerNames = (await popupRows(containerPopup)).map((r) => r.name);
    expect(containerNames).toContain('only_container');
    expect(containerNames).not.toContain('only_normal');
  });
});
