import { afterAll, beforeAll, beforeEach, describe, expect, onTestFinished, test } from 'vitest';
import { startSite, type Site } from '../site/server';
import { launch, selectedBrowsers } from '../../scripts/browser/browsers';
import { ExtensionControl } from '../../scripts/browser/extension';
import { readLog, sameRequestUrl, settledResponse } from './harness/log';
import type { ExtensionBrowser, TrackedPage } from '../../scripts/browser/types';
import { focusMatches, tabTo } from './harness/keyboard';
import { capturedAfter, capturedCount, installDownloadCapture } from './harness/report-downloads';
import type { Page } from 'puppeteer-core';

async function sentRequest(control: ExtensionControl, url: string): Promise<void> {
  await control.waitFor(async () => {
    const { observations } = await readLog(control);
    return observations.some((o) => o.kind === 'request' && sameRequestUrl(o.url, url) && (o.cookieNames ?? []).length > 0);
  }, `request with cookies to ${url}`);
}

interface RowData {
  kind: string;
  name: string;
  outcome: string;
  reason: string | null;
  url: string | null;
  flagged: string;
  text: string;
}

/** The login flow, a rejected line, an eviction, then hostile names and values (newest, so not evicted). */
const VISITS = ['/login', '/login?user=alice', '/account', '/logout', '/samesite', '/limits/200', '/hostile'];

describe.each(selectedBrowsers())('%s: the DevTools panel for a tab', (name) => {
  let b: ExtensionBrowser;
  let control: ExtensionControl;
  let site: Site;
  let tab: TrackedPage;
  let panel: TrackedPage;
  let tabId: number;
  const dialogs: string[] = [];

  beforeAll(async () => {
    site = await startSite();
    b = await launch(name);
    control = await ExtensionControl.open(b);
    // What these tests check includes headers of tabs DevTools is not open on.
    await control.recordAllHeaders();
    tab = await b.newPage();
    for (const path of VISITS) {
      await b.goto(tab, site.http + path);
      // /account sets nothing: the log has its request (with the cookies sent), not a response.
      if (path === '/account') await sentRequest(control, site.http + path);
      else await settledResponse(control, site.http + path);
    }
    await control.send('flush');
    tabId = await b.tabIdOf(tab);
    panel = await b.openExtensionPage('src/pages/panel/index.html', { tabId });
    panel.page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await panel.page.waitForFunction(() => document.documentElement.dataset['loaded'] === 'true', { timeout: 20_000 });
    // data-loaded comes with the fast first page; the assertions need the full page of the log.
    await panel.page.waitForSelector('[data-testid=row-count][data-complete=true]', { timeout: 20_000 });
  });
  afterAll(async () => {
    await b?.close();
    await site?.close();
  });

  const rows = (): Promise<RowData[]> =>
    panel.page.$$eval('[role=option][data-kind]', (els) =>
      els.map((e) => ({
        kind: e.getAttribute('data-kind') ?? '',
        name: e.getAttribute('data-cookie-name') ?? '',
        outcome: e.getAttribute('data-outcome') ?? '',
        reason: e.getAttribute('data-reason'),
        url: e.getAttribute('data-url'),
        flagged: e.getAttribute('data-flagged') ?? '',
        text: e.textContent ?? '',
      })),
    );

  const FILTER_KEY: Record<string, string> = {
    'filter-name': 'name',
    'filter-kind': 'kind',
    'filter-domain': 'domain',
    'filter-party': 'party',
  };

  /** Picks a filter value and waits until the list rendered with it (the count carries the applied filter). */
  async function filterTo(testId: string, value: string): Promise<void> {
    await panel.page.select(`[data-testid=${testId}]`, value);
    await panel.page.waitForFunction(
      (key: string, v: string) => {
        const applied = document.querySelector('[data-testid=row-count]')?.getAttribute('data-filter');
        return applied !== null && applied !== undefined && (JSON.parse(applied) as Record<string, unknown>)[key] === v;
      },
      {},
      FILTER_KEY[testId]!,
      value,
    );
  }

  async function flaggedOnly(on: boolean): Promise<void> {
    const applied = async (): Promise<boolean> =>
      panel.page.$eval(
        '[data-testid=row-count]',
        (e) => (JSON.parse(e.getAttribute('data-filter') ?? '{}') as { flaggedOnly?: boolean }).flaggedOnly === true,
      );
    if ((await applied()) === on) return;
    await panel.page.click('[data-testid=filter-flagged]');
    await panel.page.waitForFunction(
      (want: boolean) =>
        (JSON.parse(document.querySelector('[data-testid=row-count]')?.getAttribute('data-filter') ?? '{}') as { flaggedOnly?: boolean })
          .flaggedOnly === want,
      {},
      on,
    );
  }

  const shown = (): Promise<string | null> => panel.page.$eval('[data-testid=row-count]', (e) => e.getAttribute('data-shown'));

  // Each test starts from an unfiltered timeline, so one failure does not cascade.
  beforeEach(async () => {
    if (!panel) return;
    for (const id of Object.keys(FILTER_KEY)) await filterTo(id, '');
    await flaggedOnly(false);
  });

  test('the login flow: JSESSIONID set, sent, replaced at login, deleted at logout', async () => {
    const LOGIN_ALICE = expect.stringMatching(new RegExp(`^${site.http.replace(/[.]/g, '\\.')}/login\\?user=\\{5:[0-9a-f]{12}\\}$`));
    const total = Number(await panel.page.$eval('[data-testid=row-count]', (e) => e.getAttribute('data-total')));
    await filterTo('filter-name', 'JSESSIONID');
    const shownCount = Number(await shown());
    expect(shownCount).toBeLessThan(total);
    const list = await rows();
    expect(list.every((r) => r.name.split(' ').includes('JSESSIONID'))).toBe(true);
    const sets = list.filter((r) => r.kind === 'set-cookie');
    expect(sets.map((r) => [r.url, r.outcome])).toEqual([
      [`${site.http}/login`, 'stored'],
      // URLs are stored with parameter values as {length:digest}: the name stays, the value does not.
      [LOGIN_ALICE, expect.toBeOneOf(['updated', 'stored'])],
      [`${site.http}/logout`, 'deleted'],
    ]);
    const sentTo = list.filter((r) => r.kind === 'request' && r.outcome === 'sent').map((r) => r.url);
    expect(sentTo).toEqual(expect.arrayContaining([LOGIN_ALICE, `${site.http}/account`, `${site.http}/logout`]));
  });

  test('selecting JSESSIONID shows its lifecycle: set → sent → replaced → deleted', async () => {
    await filterTo('filter-name', 'JSESSIONID');
    await panel.page.click('[role=option][data-kind=set-cookie][data-outcome=stored]');
    await panel.page.waitForSelector('[data-testid=inspector][data-cookie-name=JSESSIONID] [data-testid=lifecycle]');
    const steps = (await panel.page.$eval('[data-testid=lifecycle]', (e) => e.getAttribute('data-steps') ?? '')).split(' ');
    const order = ['set', 'sent', 'replaced', 'deleted'];
    let at = 0;
    for (const s of steps) if (s === order[at]) at++;
    expect({ steps, matched: at }).toEqual({ steps, matched: order.length });
    // No "ends with deleted": Firefox may log a subresource of /logout as sending the cookie a few
    // ms after its deletion event, and the lifecycle shows the log's order as recorded.
    // The Set-Cookie line of the selected row, parsed.
    expect(await panel.page.$eval('[data-testid=row-evaluation]', (e) => e.getAttribute('data-accepted'))).toBe('true');
    await filterTo('filter-name', '');
  });

  test('a SameSite=None line without Secure is shown rejected with its reason', async () => {
    await filterTo('filter-name', 'ss_none_insecure');
    const list = await rows();
    expect(list.map((r) => [r.kind, r.outcome, r.reason])).toEqual([['set-cookie', 'rejected', 'SameSiteNoneInsecure']]);
    expect(list[0]!.text).toContain('SameSiteNoneInsecure');
    await filterTo('filter-name', '');
  });

  test('passing the per-domain limit shows evictions', async () => {
    await filterTo('filter-kind', 'evicted');
    const list = await rows();
    expect(list.length).toBeGreaterThan(0);
    expect(list.every((r) => r.kind === 'evicted' && r.outcome === 'evicted')).toBe(true);
    await filterTo('filter-kind', '');
  });

  test('"findings only" keeps flagged rows, the rejected line among them', async () => {
    const total = Number(await panel.page.$eval('[data-testid=row-count]', (e) => e.getAttribute('data-total')));
    await flaggedOnly(true);
    expect(Number(await shown())).toBeLessThan(total);
    await filterTo('filter-name', 'ss_none_insecure');
    expect((await rows()).map((r) => r.outcome)).toEqual(['rejected']);
    // The JSESSIONID lines have findings (no Secure, default name); ss_lax's line (Secure,
    // HttpOnly, SameSite=Lax) has none, so only its requests over http: remain.
    await filterTo('filter-name', 'JSESSIONID');
    const jsid = (await rows()).filter((r) => r.kind === 'set-cookie');
    expect(jsid.length).toBeGreaterThan(0);
    await filterTo('filter-name', 'ss_lax');
    const lax = await rows();
    expect(lax.filter((r) => r.kind === 'set-cookie')).toEqual([]);
    expect(lax.every((r) => r.flagged === 'true')).toBe(true);
  });

  test('hostile names and values render as inert text', async () => {
    await filterTo('filter-name', '<script>alert(2)</script>');
    const named = await rows();
    expect(named.length).toBeGreaterThan(0);
    expect(named[0]!.text).toContain('<script>alert(2)</script>');
    await filterTo('filter-name', 'xss_img');
    await panel.page.click('[role=option][data-kind=set-cookie]');
    await panel.page.waitForSelector('[data-testid=inspector][data-cookie-name=xss_img] [data-testid=reveal]');
    // Hidden until revealed.
    expect(await panel.page.$('[data-testid=cookie-value]')).toBeNull();
    await panel.page.click('[data-testid=reveal]');
    const value = await panel.page.$eval('[data-testid=cookie-value]', (e) => e.textContent);
    expect(value).toBe('<img src=x onerror=alert(1)>');
    const injected = await panel.page.evaluate(() => document.querySelectorAll('#app img, #app svg, #app script, #app b').length);
    expect(injected).toBe(0);
    expect(dialogs).toEqual([]);
    expect(panel.errors).toEqual([]);
    await filterTo('filter-name', '');
  });

  test('live: a response after the panel opened appears without a reload', async () => {
    await b.goto(tab, `${site.http}/session`);
    await settledResponse(control, `${site.http}/session`);
    await filterTo('filter-kind', 'set-cookie');
    await panel.page.waitForSelector(`[role=option][data-cookie-name=session_only][data-outcome=stored]`, { timeout: 15_000 });
  });

  test('keyboard: arrow keys move the selection in the list, arrow keys move between views', async () => {
    await filterTo('filter-name', 'JSESSIONID');
    await panel.page.focus('[role=listbox]');
    await panel.page.keyboard.press('Home');
    const first = await panel.page.$eval('[role=listbox]', (e) => e.getAttribute('aria-activedescendant'));
    await panel.page.keyboard.press('ArrowDown');
    const second = await panel.page.$eval('[role=listbox]', (e) => e.getAttribute('aria-activedescendant'));
    expect(first).toMatch(/^tl-/);
    expect(second).toMatch(/^tl-/);
    expect(second).not.toBe(first);
    expect(await panel.page.$eval(`[id="${second}"]`, (e) => e.getAttribute('aria-selected'))).toBe('true');
    await panel.page.waitForSelector(`[data-testid=row-detail][data-row-id="${second!.slice(3)}"]`);
    await panel.page.focus('#tab-timeline');
    await panel.page.keyboard.press('ArrowRight');
    await panel.page.waitForSelector('#tab-cookies[aria-selected=true]');
    expect(await panel.page.evaluate(() => document.activeElement?.id)).toBe('tab-cookies');
    await panel.page.keyboard.press('ArrowLeft');
    await panel.page.waitForSelector('#tab-timeline[aria-selected=true]');
  });

  test('sessions, limits and findings views', async () => {
    await panel.page.click('[data-testid=tab-sessions]');
    const jsid = await panel.page.waitForSelector('[data-testid=sessions] tr[data-cookie-name=JSESSIONID]');
    expect(await jsid!.evaluate((e) => [e.getAttribute('data-rotated'), e.getAttribute('data-http')])).toEqual(['true', 'true']);

    await panel.page.click('[data-testid=tab-limits]');
    const row = await panel.page.waitForSelector('[data-testid=limits] tr[data-domain="127.0.0.1"]');
    expect(Number(await row!.evaluate((e) => e.getAttribute('data-evicted')))).toBeGreaterThan(0);

    await panel.page.click('[data-testid=tab-findings]');
    await panel.page.waitForSelector('[data-testid=findings] [data-finding=rejected]');
    const high = await panel.page.$$eval('[data-severity-group] [data-severity]', (els) => els.map((e) => e.getAttribute('data-severity')));
    // Grouped by severity: the order never goes back to a more severe group.
    const rank = ['high', 'medium', 'low', 'info'];
    expect(high.map((s) => rank.indexOf(s!))).toEqual([...high.map((s) => rank.indexOf(s!))].sort((a, b) => a - b));
    await panel.page.click('[data-testid=tab-timeline]');
  });

  test("the lifecycle view opens, and DevTools' dark theme recolours the panel", async () => {
    await panel.page.setViewport({ width: 1200, height: 700 });
    await filterTo('filter-name', 'JSESSIONID');
    await panel.page.click('[role=option][data-kind=set-cookie][data-outcome=stored]');
    await panel.page.waitForSelector('[data-testid=lifecycle]');
    // The same switch DevTools' dark theme flips (src/pages/panel/main.tsx).
    await panel.page.evaluate(() => {
      document.documentElement.dataset['theme'] = 'dark';
    });
    await panel.page.waitForFunction(() => getComputedStyle(document.body).backgroundColor !== 'rgb(255, 255, 255)');
    await panel.page.evaluate(() => {
      delete document.documentElement.dataset['theme'];
    });
  });

  test('keyboard only: find the session cookie, open its inspector, export the report', async () => {
    // A fresh panel on the tab; from here on only key presses, never the mouse.
    const walk = await b.openExtensionPage('src/pages/panel/index.html', { tabId });
    // Afterwards the suite's panel tab goes back in front: background tabs get no animation frames.
    onTestFinished(() => panel.page.bringToFront());
    const p = walk.page;
    await p.waitForSelector('[data-testid=row-count][data-complete=true]', { timeout: 20_000 });
    await p.bringToFront();
    const key = p.keyboard;

    // The shortcuts are listed in the panel's help.
    await tabTo(p, '[data-testid=shortcuts] summary');
    await key.press('Enter');
    await p.waitForSelector('[data-testid=shortcuts][open] kbd');

    await tabTo(p, '#tab-timeline', { back: true });
    await key.press('ArrowRight');
    await p.waitForSelector('#tab-cookies[aria-selected=true]');
    await tabTo(p, '[data-testid=cookie-list]');
    const active = (): Promise<string | null> =>
      p.evaluate(() => {
        const id = document.activeElement?.getAttribute('aria-activedescendant');
        return id ? (document.getElementById(id)?.getAttribute('data-cookie-name') ?? null) : null;
      });
    await key.press('Home');
    await key.press('End');
    await key.press('PageUp');
    expect(await active()).not.toBeNull();
    // Typing a name selects it (type-ahead), as in a native list.
    await key.type('JSESSIONID');
    await p.waitForFunction(() => {
      const id = document.activeElement?.getAttribute('aria-activedescendant');
      return id !== null && id !== undefined && document.getElementById(id)?.getAttribute('data-cookie-name') === 'JSESSIONID';
    });
    expect(await active()).toBe('JSESSIONID');

    // Enter moves into the inspector; it is the session cookie's.
    await key.press('Enter');
    await p.waitForFunction(() => document.activeElement?.id === 'panel-inspector');
    const inspector = await p.$eval('[data-testid=inspector]', (e) => [e.getAttribute('data-cookie-name'), e.textContent ?? '']);
    expect(inspector[0]).toBe('JSESSIONID');
    expect(await p.$eval('#panel-inspector', (e) => e.matches(':focus-visible'))).toBe(true);
    // Escape closes it and gives the list its focus back.
    await key.press('Escape');
    await p.waitForFunction(
      () => document.activeElement?.getAttribute('data-testid') === 'cookie-list' && !document.querySelector('[data-testid=inspector]'),
    );

    // Export: the report button, then the report page's JSON download.
    await tabTo(p, '[data-testid=report]', { back: true });
    const known = new Set(await p.browser().pages());
    await key.press('Enter');
    // The new tab, recognised by its document: over BiDi, Firefox reports extension pages' URL as about:blank.
    let report: Page | undefined;
    await control.waitFor(async () => {
      for (const pg of await p.browser().pages()) {
        if (known.has(pg)) continue;
        if ((await pg.evaluate(() => location.pathname)).endsWith('src/pages/report/index.html')) report = pg;
      }
      return report !== undefined;
    }, 'the report tab');
    if (!report) throw new Error('no report tab');
    await report.waitForFunction(() => document.documentElement.dataset['loaded'] === 'true', { timeout: 20_000, polling: 100 });
    await report.waitForSelector('[data-testid="download-json"]:not([disabled])', { timeout: 20_000 });
    await installDownloadCapture(report, false);
    await report.bringToFront();
    const before = await capturedCount(report);
    await tabTo(report, '[data-testid="download-json"]');
    expect(await focusMatches(report, ':focus-visible')).toBe(true);
    await report.keyboard.press('Enter');
    const file = await capturedAfter(report, before);
    // The tab's report (JSESSIONID itself was deleted at /logout, so it is not among the cookies now).
    expect(file.name).toMatch(new RegExp(`^cookie-audit-tab${tabId}-.+\\.json$`));
    const json = JSON.parse(file.text) as { scope: { kind: string }; cookies: unknown[] };
    expect(json.scope.kind).toBe('tab');
    expect(json.cookies.length).toBeGreaterThan(0);
    expect(walk.errors).toEqual([]);
    await report.close();
    await p.close();
  });

  // Last: it empties the log the other tests read.
  test("actions: pause and resume recording, clear this tab's log", async () => {
    await panel.page.waitForSelector('[data-testid=pause][aria-pressed=false]:not([disabled])');
    await panel.page.click('[data-testid=pause]');
    await panel.page.waitForSelector('[data-testid=pause][aria-pressed=true]');
    expect((await control.send<{ paused: boolean }>('getSettings')).paused).toBe(true);
    await panel.page.click('[data-testid=pause]');
    await panel.page.waitForSelector('[data-testid=pause][aria-pressed=false]');
    expect((await control.send<{ paused: boolean }>('getSettings')).paused).toBe(false);

    await panel.page.click('[data-testid=clear]');
    await panel.page.waitForSelector('[data-testid=timeline-empty]', { timeout: 15_000 });
    const { observations } = await readLog(control);
    expect(observations.filter((o) => o.tabId === tabId)).toEqual([]);
  });
});
