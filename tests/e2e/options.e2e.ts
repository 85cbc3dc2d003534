import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startSite, type Site } from '../site/server';
import { launch, selectedBrowsers } from '../../scripts/browser/browsers';
import { ExtensionControl } from '../../scripts/browser/extension';
import { readLog } from './harness/log';
import type { ExtensionBrowser, TrackedPage } from '../../scripts/browser/types';

describe.each(selectedBrowsers())('%s: the options page', (name) => {
  let b: ExtensionBrowser;
  let control: ExtensionControl;
  let site: Site;
  let options: TrackedPage;

  beforeAll(async () => {
    site = await startSite();
    b = await launch(name);
    control = await ExtensionControl.open(b);
    options = await b.openExtensionPage('src/pages/options/index.html');
    await options.page.waitForFunction(() => document.documentElement.dataset['loaded'] === 'true');
  });
  afterAll(async () => {
    await b?.close();
    await site?.close();
  });

  test('retention and the limit profile are saved by the background', async () => {
    await options.page.$eval('input[name=retentionMaxEvents]', (el) => {
      const input = el as HTMLInputElement;
      input.value = '5000';
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await options.page.select('select[name=limitProfile]', 'rfc2109');
    await control.waitFor(async () => {
      const s = await control.send<{ retentionMaxEvents: number; limitProfile: string }>('getSettings');
      return s.retentionMaxEvents === 5000 && s.limitProfile === 'rfc2109';
    }, 'settings saved');
    expect(options.errors).toEqual([]);
  });

  test('the byte budget is saved by the background, in megabytes on the page', async () => {
    await options.page.$eval('input[name=retentionMaxMegabytes]', (el) => {
      const input = el as HTMLInputElement;
      input.value = '16';
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await control.waitFor(async () => {
      const s = await control.send<{ retentionMaxBytes: number }>('getSettings');
      return s.retentionMaxBytes === 16 * 1024 * 1024;
    }, 'byte budget saved');
    expect(options.errors).toEqual([]);
  });

  test('recording values is off by default and can be turned on', async () => {
    const tab = await b.newPage();
    await b.goto(tab, `${site.http}/login-insecure`);
    const lineOf = (path: string): string => site.log.filter((e) => e.url === path).at(-1)!.setCookie[0]!;
    const value = lineOf('/login-insecure').split(';')[0]!.split('=')[1]!;
    await control.waitFor(async () => (await readLog(control)).changes.some((c) => c.name === 'PHPSESSID'), 'PHPSESSID');
    expect(await control.dumpDatabase()).not.toContain(value);

    // Background tabs get no input or animation frames in headless Chromium: bring it forward.
    await options.page.bringToFront();
    await options.page.click('input[name=recordValues]');
    await control.waitFor(async () => (await control.send<{ recordValues: boolean }>('getSettings')).recordValues, 'on');
    await b.goto(tab, `${site.http}/persistent/max-age`);
    const recorded = lineOf('/persistent/max-age').split(';')[0]!.split('=')[1]!;
    await control.waitFor(async () => (await control.dumpDatabase()).includes(recorded), 'value recorded once enabled');

    await options.page.bringToFront();
    await options.page.click('input[name=recordValues]');
    await control.waitFor(async () => !(await control.send<{ recordValues: boolean }>('getSettings')).recordValues, 'off');
  });

  test('clearing the log empties it', async () => {
    await options.page.bringToFront();
    await options.page.click('button[name=clear]');
    await options.page.waitForFunction(() => /\d/.test(document.querySelector('[data-testid=options-message]')?.textContent ?? ''));
    const log = await readLog(control);
    expect(log.changes.length + log.observations.length).toBe(0);
  });
});
