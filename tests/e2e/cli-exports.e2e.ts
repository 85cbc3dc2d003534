/**
 * Exports that import elsewhere: an audit with values writes a Playwright storageState and a
 * Cookie-Editor array; each, loaded into a fresh browser (the driver's addCookies-style call, and
 * the cookies API the way Cookie-Editor calls it), makes the browser send the test site the same
 * cookies the audited browser sent.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { AuditReport } from '../../src/report/index';
import type { CookieEditorCookie, PlaywrightCookie } from '../../src/report/import-formats';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../scripts/browser/chromium';
import { launch, selectedBrowsers } from '../../scripts/browser/browsers';
import { ExtensionControl } from '../../scripts/browser/extension';
import type { ExtensionBrowser } from '../../scripts/browser/types';
import { main } from '../../scripts/audit/main';
import { startSite, type Site } from '../site/server';

const ROUTES = ['/login', '/samesite', '/api/echo'];

/** The Cookie header the site got on the last request to `path`, as sorted name=value pairs. */
function sentTo(site: Site, path: string): string[] {
  const entry = [...site.log].reverse().find((e) => e.url === path);
  return (entry?.cookieHeader ?? '').split(/;\s*/).filter(Boolean).sort();
}

describe.each(selectedBrowsers())('%s: exports that import elsewhere', (name) => {
  let site: Site;
  let dir: string;
  let audited: string[];
  let report: AuditReport;
  let fresh: ExtensionBrowser;
  let control: ExtensionControl;

  beforeAll(async () => {
    site = await startSite();
    dir = mkdtempSync(join(tmpdir(), 'cookie-audit-exports-'));
    const err: string[] = [];
    const code = await main(
      [
        ...ROUTES.map((p) => site.http + p),
        '--browser',
        name,
        '--out',
        dir,
        '--include-values',
        '--fail-on',
        'none',
        '--format',
        'json,storage-state,cookie-editor',
        '--no-build',
        '--quiet',
      ],
      { out: () => undefined, err: (l) => err.push(l) },
    );
    expect(err).toEqual([]);
    expect(code).toBe(0);
    audited = sentTo(site, '/api/echo');
    report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as AuditReport;
    fresh = await launch(name);
    control = await ExtensionControl.open(fresh);
  });
  afterAll(async () => {
    await fresh?.close();
    await site?.close();
  });

  /** Clears the fresh browser's jar, loads cookies with `load`, asks the site, returns what it was sent. */
  async function sentAfter(load: () => Promise<void>): Promise<string[]> {
    const page = control.page.page;
    await page.evaluate(async () => {
      type C = { name: string; domain: string; path: string; secure: boolean; storeId: string };
      const api = (
        globalThis as unknown as { browser: { cookies: { getAll(q: object): Promise<C[]>; remove(d: object): Promise<unknown> } } }
      ).browser;
      for (const c of await api.cookies.getAll({})) {
        const host = c.domain.replace(/^\./, '');
        await api.cookies.remove({ url: `http${c.secure ? 's' : ''}://${host}${c.path}`, name: c.name, storeId: c.storeId });
      }
    });
    await load();
    const tab = await fresh.newPage();
    await fresh.goto(tab, `${site.http}/api/echo`);
    await tab.page.close();
    return sentTo(site, '/api/echo');
  }

  test('the audit sent cookies worth comparing', () => {
    expect(audited.length).toBeGreaterThan(3);
    expect(audited.map((p) => p.split('=')[0])).toContain('JSESSIONID');
    expect(report.valuesIncluded).toBe(true);
  });

  test('Cookie-Editor JSON, imported through the cookies API, sends the same cookies', async () => {
    const cookies = JSON.parse(readFileSync(join(dir, 'cookie-editor.json'), 'utf8')) as CookieEditorCookie[];
    const sent = await sentAfter(async () => {
      const failures = await control.page.page.evaluate(async (list: CookieEditorCookie[]) => {
        const api = (globalThis as unknown as { browser: { cookies: { set(d: object): Promise<unknown> } } }).browser;
        const failed: string[] = [];
        for (const c of list) {
          const host = c.domain.replace(/^\./, '');
          // What Cookie-Editor does on import: a URL for the cookie, Domain only for a domain cookie.
          const details: Record<string, unknown> = {
            url: `http${c.secure ? 's' : ''}://${host}${c.path}`,
            name: c.name,
            value: c.value,
            path: c.path,
            secure: c.secure,
            httpOnly: c.httpOnly,
          };
          if (!c.hostOnly) details['domain'] = c.domain;
          if (c.sameSite !== 'unspecified') details['sameSite'] = c.sameSite;
          if (!c.session && c.expirationDate !== undefined) details['expirationDate'] = c.expirationDate;
          try {
            await api.cookies.set(details);
          } catch (err) {
            failed.push(`${c.name}: ${String(err)}`);
          }
        }
        return failed;
      }, cookies);
      expect(failures).toEqual([]);
    });
    expect(sent).toEqual(audited);
  });

  test('Playwright storageState, loaded with the driver, sends the same cookies', async () => {
    const state = JSON.parse(readFileSync(join(dir, 'storage-state.json'), 'utf8')) as { cookies: PlaywrightCookie[] };
    const sent = await sentAfter(async () => {
      const page = (await fresh.newPage()).page;
      // puppeteer's setCookie takes Playwright's cookie fields (CDP in Chromium, BiDi in Firefox).
      await page.browser().setCookie(...state.cookies);
      await page.close();
    });
    expect(sent).toEqual(audited);
  });

  test('Playwright itself accepts the storageState (Chromium: playwright-core drives Debian Chromium)', async (ctx) => {
    if (name !== 'chromium') return ctx.skip();
    const file = join(dir, 'storage-state.json');
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: [...CHROMIUM_ARGS] });
    try {
      const context = await browser.newContext({ storageState: file });
      const page = await context.newPage();
      const before = site.log.length;
      await page.goto(`${site.http}/api/echo`);
      expect(site.log.length).toBeGreaterThan(before);
      expect(sentTo(site, '/api/echo')).toEqual(audited);
    } finally {
      await browser.close();
    }
  });
});
