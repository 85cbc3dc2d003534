/**
 * The popup in both browsers against the local site: opened as a tab with `?tabId=N` (no test can
 * click the toolbar button), compared with the cookies the browser actually holds.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startSite, type Site } from '../site/server';
import { launch, selectedBrowsers } from '../../scripts/browser/browsers';
import { ExtensionControl } from '../../scripts/browser/extension';
import { launchFirefoxDark } from './harness/popup-firefox-dark';
import { launchChromiumIn } from './harness/popup-locale';
import { browserCookies, popupRows, waitForPopup, type BrowserCookie } from './harness/popup-page';
import type { ExtensionBrowser, TrackedPage } from '../../scripts/browser/types';

const ROUTES = ['/login?user=alice', '/login-insecure', '/persistent/max-age', '/session', '/samesite', '/hostile', '/jwt'];
/**
 * Polls on a timer, not on animation frames (puppeteer's default): a tab that is not in front gets
 * no frames, and a wait on it would hang.
 */
const POLL = { polling: 100 } as const;

const id = (c: { name: string; domain: string; path: string }): string => `${c.name}|${c.domain}|${c.path}`;
const flagsOf = (c: BrowserCookie): string => [c.httpOnly ? '' : 'no-httponly', c.secure ? '' : 'no-secure'].filter(Boolean).join(' ');

describe.each(selectedBrowsers())('%s: popup', (name) => {
  let b: ExtensionBrowser;
  let site: Site;
  let tab: TrackedPage;
  let popup: TrackedPage;
  let tabId: number;
  const dialogs: string[] = [];

  beforeAll(async () => {
    site = await startSite();
    b = await launch(name);
    // Opening the control page waits until the background is up, so no navigation is missed.
    await ExtensionControl.open(b);
    tab = await b.newPage();
    for (const route of ROUTES) await b.goto(tab, site.http + route);
    tabId = await b.tabIdOf(tab);
    popup = await b.newPage();
    popup.page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await b.openExtensionPage('src/pages/popup/index.html', { tabId }, popup);
    await waitForPopup(popup);
  });
  afterAll(async () => {
    await b?.close();
    await site?.close();
  });

  test('session and persistent sections list exactly the cookies the browser holds', async () => {
    const held = (await browserCookies(popup)).filter((c) => c.domain.replace(/^\./, '') === '127.0.0.1');
    expect(held.length).toBeGreaterThan(15);
    const rows = await popupRows(popup);
    const bySection = (s: string): string[] =>
      rows
        .filter((r) => r.section === s)
        .map(id)
        .sort();
    expect(bySection('session')).toEqual(
      held
        .filter((c) => c.session)
        .map((c) => id({ ...c, domain: c.domain.replace(/^\./, '') }))
        .sort(),
    );
    expect(bySection('persistent')).toEqual(
      held
        .filter((c) => !c.session)
        .map((c) => id({ ...c, domain: c.domain.replace(/^\./, '') }))
        .sort(),
    );
    // Catalogue expectations for the headline cookies.
    const row = (n: string) => rows.find((r) => r.name === n);
    expect(row('PHPSESSID')).toMatchObject({ section: 'persistent', flags: 'no-httponly no-secure' });
    expect(row('JSESSIONID')).toMatchObject({ section: 'session', flags: 'no-secure' });
    expect(row('persist_maxage')).toMatchObject({ section: 'persistent', flags: '' });
    expect(row('session_only')).toMatchObject({ section: 'session', flags: '' });
    expect(row('jwt_none')?.badges).toContain('jwt');
    expect(row('JSESSIONID')?.badges).toContain('session-id');
  });

  test('every cookie lacking HttpOnly or Secure is flagged with icon, text and its reason', async () => {
    const held = await browserCookies(popup);
    const rows = await popupRows(popup);
    for (const c of held) {
      const r = rows.find((x) => id(x) === id({ ...c, domain: c.domain.replace(/^\./, '') }));
      expect({ cookie: c.name, flags: r?.flags }).toEqual({ cookie: c.name, flags: flagsOf(c) });
    }
    const flag = await popup.page.$('tr[data-cookie-name="PHPSESSID"] [data-flag="no-httponly"]');
    expect(flag).not.toBeNull();
    expect(await flag!.evaluate((e) => e.textContent)).toContain('No HttpOnly');
    await flag!.focus();
    const tip = await flag!.evaluate((e) => {
      const t = e.querySelector('[role="tooltip"]');
      return {
        text: t?.textContent,
        shown: t ? getComputedStyle(t).display !== 'none' : false,
        describedBy: e.getAttribute('aria-describedby') === t?.id,
      };
    });
    expect(tip).toEqual({ text: expect.stringContaining('PHPSESSID'), shown: true, describedBy: true });
  });

  test('header counts and per-domain usage match the browser', async () => {
    const held = (await browserCookies(popup)).filter((c) => c.domain.replace(/^\./, '') === '127.0.0.1');
    const header = await popup.page.$eval('[data-count-all]', (e) => ({ ...(e as HTMLElement).dataset }));
    expect(Number(header['countAll'])).toBe(held.length);
    expect(Number(header['countSession'])).toBe(held.filter((c) => c.session).length);
    expect(Number(header['countPersistent'])).toBe(held.filter((c) => !c.session).length);
    expect(Number(header['countThirdParty'])).toBe(0);
    const usage = await popup.page.$$eval('[data-testid="limits"] tbody tr', (trs) =>
      trs.map((tr) => ({ ...(tr as HTMLElement).dataset })),
    );
    const bytes = held.reduce((n, c) => n + Buffer.byteLength(c.name) + Buffer.byteLength(c.value), 0);
    expect(usage).toEqual([{ domain: '127.0.0.1', partition: '', count: String(held.length), bytes: String(bytes), status: 'ok' }]);
    // RFC 2109 allows 20 per domain: the same cookies are over it.
    await popup.page.select('[data-testid="profile"]', 'rfc2109');
    await popup.page.waitForSelector('[data-testid="limits"] tbody tr[data-status="over"]');
    await popup.page.select('[data-testid="profile"]', name === 'firefox' ? 'firefox' : 'chromium');
    await popup.page.waitForSelector('[data-testid="limits"] tbody tr[data-status="ok"]');
  });

  test('a hostile value is inert text after reveal', async () => {
    const payloads = {
      xss_img: '<img src=x onerror=alert(1)>',
      xss_svg: '<svg/onload=alert(1)>',
      xss_quote: '"><script>alert(1)</script>',
    };
    for (const [cookie, value] of Object.entries(payloads)) {
      const button = await popup.page.$(`tr[data-cookie-name="${cookie}"] [data-action="reveal"]`);
      await button!.click();
      const shown = await popup.page.waitForSelector(`tr[data-cookie-name="${cookie}"] [data-revealed]`);
      expect(await shown!.evaluate((e) => ({ text: e.textContent, children: e.childElementCount }))).toEqual({ text: value, children: 0 });
    }
    expect(await popup.page.$$eval('img, svg, iframe, object, embed', (els) => els.length)).toBe(0);
    expect(await popup.page.$$eval('script', (els) => els.filter((s) => !(s as HTMLScriptElement).src).length)).toBe(0);
    expect(await popup.page.$$eval('b', (els) => els.length)).toBe(0);
    expect(await popup.page.$eval('tr[data-cookie-name="<b>name</b>"] .ui-cookie-name', (e) => e.textContent)).toBe('<b>name</b>');
    expect(dialogs).toEqual([]);
    // Hiding again removes the value from the page.
    await (await popup.page.$('tr[data-cookie-name="xss_img"] [data-action="reveal"]'))!.click();
    await popup.page.waitForFunction(() => !document.querySelector('tr[data-cookie-name="xss_img"] [data-revealed]'), POLL);
  });

  test('search filters and column headers sort', async () => {
    await popup.page.type('[data-testid="search"]', 'ss_');
    await popup.page.waitForFunction(
      () => [...document.querySelectorAll('tr[data-cookie-name]')].every((r) => r.getAttribute('data-cookie-name')!.includes('ss_')),
      POLL,
    );
    const names = (): Promise<string[]> =>
      popup.page.$$eval('table[data-section="session"] tbody tr', (trs) => trs.map((t) => t.getAttribute('data-cookie-name')!));
    const asc = await names();
    expect(asc).toEqual([...asc].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())));
    await popup.page.click('table[data-section="session"] [data-sort="name"]');
    await popup.page.waitForSelector('table[data-section="session"] th[aria-sort="descending"]');
    expect(await names()).toEqual([...asc].reverse());
    // Clear the query key by key (triple-click selection is not reliable over BiDi).
    await popup.page.focus('[data-testid="search"]');
    for (let i = 0; i < 'ss_'.length; i++) await popup.page.keyboard.press('Backspace');
    await popup.page.waitForFunction(() => (document.querySelector('[data-testid="search"]') as HTMLInputElement).value === '', POLL);
    await popup.page.waitForSelector('tr[data-cookie-name="session_only"]');
  });

  test('keyboard: reveal and sort with Enter; every control has an accessible name', async () => {
    await popup.page.focus('tr[data-cookie-name="PHPSESSID"] [data-action="reveal"]');
    await popup.page.keyboard.press('Enter');
    await popup.page.waitForSelector('tr[data-cookie-name="PHPSESSID"] [data-revealed]');
    await popup.page.keyboard.press('Enter');
    await popup.page.waitForFunction(() => !document.querySelector('tr[data-cookie-name="PHPSESSID"] [data-revealed]'), POLL);
    await popup.page.focus('table[data-section="persistent"] [data-sort="size"]');
    await popup.page.keyboard.press('Enter');
    await popup.page.waitForSelector('table[data-section="persistent"] th[aria-sort="ascending"] [data-sort="size"]');
    const unnamed = await popup.page.$$eval('button, input, select, [tabindex]', (els) =>
      els
        .filter((e) => {
          const label = e.getAttribute('aria-label') ?? (e.closest('label')?.textContent || e.textContent || '');
          return label.trim() === '';
        })
        .map((e) => `${e.tagName} ${e.className}`),
    );
    expect(unnamed).toEqual([]);
  });

  test('the report button opens the audit report for this tab', async () => {
    await popup.page.click('[data-action="open-report"]');
    // Asked from the popup itself: extension pages see their own tabs' URLs in both browsers.
    const url = `${b.origin}/src/pages/report/index.html?tabId=${tabId}`;
    const reportTab = (await (
      await popup.page.waitForFunction(
        async (u: string) => {
          type Tab = { id?: number; url?: string };
          const api = (globalThis as unknown as { browser: { tabs: { query(q: object): Promise<Tab[]> } } }).browser;
          return (await api.tabs.query({})).find((t) => t.url === u)?.id ?? false;
        },
        POLL,
        url,
      )
    ).jsonValue()) as number;
    expect(reportTab).toBeGreaterThan(0);
    // The new tab took the focus; hidden pages run no animation frames, which later waits need.
    await popup.page.bringToFront();
  });

  test('live: a cookie set or deleted by the site while the popup is open updates the view', async () => {
    await b.goto(tab, `${site.http}/persistent/over-400-days`);
    const row = await popup.page.waitForSelector('tr[data-cookie-name="persist_500d"][data-section="persistent"]');
    expect(await row!.$('[data-badge="clamped"]')).not.toBeNull();
    await b.goto(tab, `${site.http}/logout`);
    await popup.page.waitForFunction(() => !document.querySelector('tr[data-cookie-name="JSESSIONID"]'), POLL);
    expect(popup.errors).toEqual([]);
  });

  test('empty and restricted states', async () => {
    const other = await b.newPage();
    // The third-party host name has no cookies in this profile.
    await b.goto(other, `${site.thirdParty}/site.css`);
    const otherId = await b.tabIdOf(other);
    const empty = await b.openExtensionPage('src/pages/popup/index.html', { tabId: otherId });
    await waitForPopup(empty);
    expect(await empty.page.$eval('main', (e) => e.getAttribute('data-state'))).toBe('empty');
    // Tab ids survive navigation. A data: URL stands in for chrome:// and about: pages, which a
    // test cannot open in both browsers; none of them is http(s), so none can be inspected.
    await b.goto(other, 'data:text/html,restricted');
    const restricted = await b.openExtensionPage('src/pages/popup/index.html', { tabId: otherId });
    await waitForPopup(restricted);
    expect(await restricted.page.$eval('[data-state]', (e) => e.getAttribute('data-state'))).toBe('restricted');
  });

  test('a site with more cookies than the first answer carries: first rows first, then every row', async () => {
    // More than FIRST_ROWS (20) in each section, and more than a page (50) of persistent ones.
    const made = (await popup.page.evaluate(async (url: string) => {
      const api = (globalThis as unknown as { browser: { cookies: { set(d: object): Promise<unknown> } } }).browser;
      const expiry = Math.floor(Date.now() / 1000) + 86_400;
      const jobs: Promise<unknown>[] = [];
      for (let i = 0; i < 60; i++) {
        const n = String(i).padStart(2, '0');
        jobs.push(api.cookies.set({ url, name: `bulk_s${n}`, value: 'x' }));
        jobs.push(api.cookies.set({ url, name: `bulk_p${n}`, value: 'y', expirationDate: expiry + i * 60 }));
      }
      return (await Promise.all(jobs)).filter(Boolean).length;
    }, `${site.http}/`)) as number;
    expect(made).toBe(120);
    try {
      const big = await b.openExtensionPage('src/pages/popup/index.html', { tabId });
      await waitForPopup(big);
      // Two views: the first rows were painted before the rest was shown. Marks are in time order
      // (ties in the order made): Firefox's coarse clock often gives both the same time.
      const marks = await big.page.evaluate(() => performance.getEntriesByType('mark').map((m) => m.name));
      expect(marks.lastIndexOf('popup-rows-done')).toBeGreaterThan(marks.indexOf('popup-loaded'));
      expect(marks.indexOf('popup-loaded')).toBeGreaterThan(-1);
      const held = (await browserCookies(big)).filter((c) => c.domain.replace(/^\./, '') === '127.0.0.1');
      const session = held.filter((c) => c.session).length;
      const persistent = held.length - session;
      expect(await big.page.$eval('table[data-section="session"] caption', (e) => e.textContent)).toBe(`Session cookies (${session})`);
      expect(await big.page.$eval('table[data-section="persistent"] caption', (e) => e.textContent)).toBe(
        `Persistent cookies (${persistent})`,
      );
      // A page of persistent ones, in the section's opening order: the soonest to expire first.
      const shown = (s: string): Promise<string[]> =>
        big.page.$$eval(`table[data-section="${s}"] tbody tr[data-cookie-name]`, (trs) =>
          trs.map((t) => t.getAttribute('data-cookie-name')!),
        );
      const expiries = await big.page.$$eval('table[data-section="persistent"] tbody time', (ts) =>
        ts.map((t) => Date.parse(t.getAttribute('datetime')!)),
      );
      expect(expiries).toEqual([...expiries].sort((a, b) => a - b));
      expect(await shown('persistent')).toHaveLength(50);
      // Clicked in the DOM: sections below the fold are laid out only once scrolled to
      // (content-visibility), which moves a button between puppeteer's measuring and clicking it.
      await big.page.$$eval('[data-action="show-all"]', (buttons) => buttons.forEach((b) => (b as HTMLButtonElement).click()));
      await big.page.waitForFunction((n: number) => document.querySelectorAll('tr[data-cookie-name]').length === n, POLL, held.length);
      const rows = await popupRows(big);
      expect(rows.map(id).sort()).toEqual(held.map((c) => id({ ...c, domain: c.domain.replace(/^\./, '') })).sort());
      // Search reaches rows the first answer did not carry.
      await big.page.type('[data-testid="search"]', 'bulk_p59');
      await big.page.waitForFunction(
        () => [...document.querySelectorAll('tr[data-cookie-name]')].map((r) => r.getAttribute('data-cookie-name')).join() === 'bulk_p59',
        POLL,
      );
      expect(big.errors).toEqual([]);
    } finally {
      await popup.page.evaluate(async (url: string) => {
        const api = (globalThis as unknown as { browser: { cookies: { remove(d: object): Promise<unknown> } } }).browser;
        const jobs: Promise<unknown>[] = [];
        for (let i = 0; i < 60; i++) {
          const n = String(i).padStart(2, '0');
          jobs.push(api.cookies.remove({ url, name: `bulk_s${n}` }), api.cookies.remove({ url, name: `bulk_p${n}` }));
        }
        await Promise.all(jobs);
      }, `${site.http}/`);
    }
  });

  // Last: it takes host access away. Firefox MV3 lets users withhold it; Chromium refuses to remove
  // a required host permission, so there the state cannot arise this way.
  test.runIf(name === 'firefox')('withheld host access: the popup asks for it instead of looking empty', async () => {
    const removed = await popup.page.evaluate(async () => {
      const api = (globalThis as unknown as { browser: { permissions: { remove(p: object): Promise<boolean> } } }).browser;
      return api.permissions.remove({ origins: ['http://*/*', 'https://*/*'] });
    });
    expect(removed).toBe(true);
    // The open popup notices (permissions.onRemoved), and a fresh one starts with the prompt.
    await popup.page.waitForSelector('[data-testid="access-prompt"] button');
    const fresh = await b.openExtensionPage('src/pages/popup/index.html', { tabId });
    await waitForPopup(fresh);
    const prompt = await fresh.page.waitForSelector('[data-testid="access-prompt"]');
    expect(await prompt!.$eval('button', (e) => e.textContent)).toBe('Grant access');
    expect(await fresh.page.$('tr[data-cookie-name]')).toBeNull();
  });
});

describe.runIf(selectedBrowsers().includes('chromium'))('chromium in Korean: popup', () => {
  test('renders the ko messages, Korean dates and flags', async () => {
    const site = await startSite();
    const ko = await launchChromiumIn('ko');
    try {
      const tab = await ko.browser.newPage();
      // The recorder must be up before the visit for the tab's sites to be in the log; the
      // first-party site is in scope regardless, which is all this test reads.
      await tab.goto(`${site.http}/login-insecure`, { waitUntil: 'load' });
      const tabId = await ko.tabIdOf(tab);
      const popup = await ko.browser.newPage();
      await popup.goto(`${ko.origin}/src/pages/popup/index.html?tabId=${tabId}`, { waitUntil: 'load' });
      await popup.waitForFunction(() => document.documentElement.dataset['loaded'] === 'true', POLL);
      expect(await popup.evaluate(() => document.documentElement.lang)).toBe('ko');
      const caption = await popup.$eval('table[data-section="persistent"] caption', (e) => e.textContent);
      expect(caption).toBe('영구 쿠키 (1)');
      const flags = await popup.$$eval('tr[data-cookie-name="PHPSESSID"] [data-flag]', (els) =>
        els.map((e) => e.firstChild?.nextSibling?.textContent),
      );
      expect(flags).toEqual(['HttpOnly 없음', 'Secure 없음']);
      expect(await popup.$eval('tr[data-cookie-name="PHPSESSID"] time', (e) => e.textContent)).toBe('30일 후');
    } finally {
      await ko.close();
      await site.close();
    }
  });
});

describe.runIf(selectedBrowsers().includes('firefox'))('firefox in dark theme: popup', () => {
  test('the popup renders its rows in a dark-theme profile', async () => {
    const site = await startSite();
    const ff = await launchFirefoxDark();
    try {
      const tab = await ff.browser.newPage();
      await tab.goto(`${site.http}/login-insecure`, { waitUntil: 'load' });
      const popup = await ff.browser.newPage();
      // The popup falls back to the active tab without ?tabId; ask for the site tab explicitly.
      await ff.open(popup, 'src/pages/options/index.html');
      const tabId = await popup.evaluate(async (u: string) => {
        type Tab = { id?: number; url?: string };
        const api = (globalThis as unknown as { browser: { tabs: { query(q: object): Promise<Tab[]> } } }).browser;
        return (await api.tabs.query({})).find((t) => t.url === u)?.id ?? -1;
      }, tab.url());
      await ff.open(popup, `src/pages/popup/index.html?tabId=${tabId}`);
      await popup.waitForFunction(() => document.documentElement.dataset['loaded'] === 'true', POLL);
      expect(await popup.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(true);
      expect(await popup.$('tr[data-cookie-name="PHPSESSID"]')).not.toBeNull();
    } finally {
      await ff.close();
      await site.close();
    }
  });
});
