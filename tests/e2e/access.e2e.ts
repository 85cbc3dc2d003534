import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launch, selectedBrowsers } from '../../scripts/browser/browsers';
import type { ExtensionBrowser, TrackedPage } from '../../scripts/browser/types';

/**
 * Host access can be withheld (Firefox MV3 lets users do it per extension; Chrome's "site access").
 * Without it no cookie or header event arrives, so the pages must say so and offer to fix it.
 * Firefox runs with permission prompts off (`extensions.webext[Optional]PermissionPrompts`), so a
 * click on "Grant access" grant it as a user's "Allow" would.
 */
const hasAccess = (p: TrackedPage): Promise<boolean> =>
  p.page.evaluate(() =>
    (globalThis as unknown as { browser: { permissions: { contains(p: object): Promise<boolean> } } }).browser.permissions.contains({
      origins: ['http://*/*', 'https://*/*'],
    }),
  );

// Chrome refuses permissions.remove for required host access ("You cannot remove required
// permissions"): only its own UI can withhold it, so the withheld state is driven in Firefox.
const browsers = selectedBrowsers().filter((n) => n === 'firefox');
const run = browsers.length > 0 ? describe.each(browsers) : describe.skip.each(['firefox'] as const);

run('%s: withheld host access', (name) => {
  let b: ExtensionBrowser;

  beforeAll(async () => {
    b = await launch(name, {
      firefoxPrefs: { 'extensions.webextPermissionPrompts': false, 'extensions.webextOptionalPermissionPrompts': false },
    });
  });
  afterAll(async () => {
    await b?.close();
  });

  test('pages show a "Grant access" prompt instead of an empty view', async () => {
    const options = await b.openExtensionPage('src/pages/options/index.html');
    await options.page.waitForFunction(() => document.documentElement.dataset['ready'] === 'true');
    expect(await options.page.$('[data-testid=access-prompt]')).toBeNull();
    await options.page.evaluate(() =>
      (globalThis as unknown as { browser: { permissions: { remove(p: object): Promise<boolean> } } }).browser.permissions.remove({
        origins: ['http://*/*', 'https://*/*'],
      }),
    );
    expect(await hasAccess(options)).toBe(false);
    // The open page notices the change; a page opened now starts with the prompt.
    await options.page.waitForSelector('[data-testid=access-prompt]', { visible: true, timeout: 5_000 }).catch(() => {
      throw new Error('options page: no prompt after access was removed');
    });
    for (const path of ['src/pages/popup/index.html', 'src/pages/panel/index.html', 'src/pages/report/index.html']) {
      const p = await b.openExtensionPage(path, { tabId: 1 });
      await p.page.waitForSelector('[data-testid=access-prompt]', { visible: true, timeout: 5_000 }).catch(() => {
        throw new Error(`${path}: no access prompt`);
      });
      await p.page.close();
    }

    if (name === 'firefox') {
      await options.page.bringToFront();
      await options.page.click('[data-testid=access-prompt] button');
      await options.page.waitForFunction(() => document.querySelector('[data-testid=access-prompt]') === null);
      expect(await hasAccess(options)).toBe(true);
    }
  });
});
