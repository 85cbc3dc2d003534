/**
 * The audit report in real browsers: browse the test site, open the report page for that tab,
 * download every format and check it against the site's catalogue.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { CDPSession } from 'puppeteer-core';
import type { AuditReport } from '../../src/report/index';
import { validateReport, validateSarif } from '../../src/report/validate';
import { renderSaved } from '../../scripts/report';
import { contextOf } from '../site/catalogue';
import { startSite, type Site, type SiteLogEntry } from '../site/server';
import type { CookieCase, FindingId } from '../site/types';
import { launch, selectedBrowsers } from '../../scripts/browser/browsers';
import { ExtensionControl } from '../../scripts/browser/extension';
import { settledResponse } from './harness/log';
import { clickDownload, installDownloadCapture, parseCsv, type Captured } from './harness/report-downloads';
import type { BrowserName, ExtensionBrowser, TrackedPage } from '../../scripts/browser/types';

const ROUTES = ['/login', '/login?user=alice', '/login-insecure', '/samesite', '/prefixes', '/jwt', '/hostile'];

/** Generic findings a session-ID finding replaces (the catalogue of findings says `refines`). */
const REFINED: Partial<Record<FindingId, FindingId>> = {
  'session-id-script-readable': 'missing-httponly',
  'session-id-not-secure': 'missing-secure',
};

interface Expected {
  /** Stored cookies by name (the last line that set each one). */
  stored: Map<string, CookieCase>;
  rejected: CookieCase[];
  /** Every value the site set, to look for in redacted downloads. */
  values: Set<string>;
}

function expectedFrom(site: Site, entries: readonly SiteLogEntry[], browser: BrowserName): Expected {
  const stored = new Map<string, CookieCase>();
  const rejected: CookieCase[] = [];
  const values = new Set<string>();
  for (const entry of entries) {
    if (!entry.route) continue;
    for (const c of site.expectations.cookiesFor(entry.route, contextOf(entry))) {
      if (c.via !== 'header') continue;
      const o = c.browsers[browser];
      const name = o.result === 'stored' && o.cookie?.name !== undefined ? o.cookie.name : c.name;
      if (o.result === 'stored') stored.set(name, c);
      else if (o.result === 'deleted') stored.delete(name);
      else if (o.result === 'rejected') rejected.push(c);
    }
    for (const line of entry.setCookie) {
      const pair = line.split(';', 1)[0] ?? '';
      const value = pair.slice(pair.indexOf('=') + 1).trim();
      // Short values ("1") and values repeated in the attributes are not secrets worth searching for.
      if (value.length >= 8 && !line.slice(pair.length).includes(value)) values.add(value);
    }
  }
  return { stored, rejected, values };
}

/** Cookie-level findings the catalogue expects, with generic IDs a session-ID finding refines dropped. */
function cookieFindings(c: CookieCase): FindingId[] {
  const ids = new Set<FindingId>(c.findings.filter((f) => f !== 'rejected'));
  for (const [specific, generic] of Object.entries(REFINED)) if (ids.has(specific as FindingId)) ids.delete(generic);
  // Browsers store an invalid SameSite as unspecified, so the stored cookie also lacks one.
  if (ids.has('samesite-invalid')) ids.add('samesite-missing');
  return [...ids].sort();
}

describe.each(selectedBrowsers())('%s: the cookie audit report', (name) => {
  let b: ExtensionBrowser;
  let control: ExtensionControl;
  let site: Site;
  let tab: TrackedPage;
  let report: TrackedPage;
  let expected: Expected;
  const files: Record<string, Captured> = {};
  let downloads = '';
  let cdp: CDPSession | undefined;

  beforeAll(async () => {
    site = await startSite();
    // Real downloads, into a directory of this run rather than the user's Downloads folder.
    downloads = mkdtempSync(join(tmpdir(), 'report-downloads-'));
    b = await launch(name, {
      // Firefox saves without asking, into that directory (Chromium is told over CDP below).
      firefoxPrefs: {
        'browser.download.folderList': 2,
        'browser.download.dir': downloads,
        'browser.download.useDownloadDir': true,
        'browser.download.always_ask_before_handling_new_types': false,
        'browser.download.alwaysOpenPanel': false,
      },
    });
    control = await ExtensionControl.open(b);
    // What these tests check includes headers of tabs DevTools is not open on.
    await control.recordAllHeaders();
    tab = await b.newPage();
    const before = site.log.length;
    for (const path of ROUTES) {
      await b.goto(tab, site.http + path);
      await settledResponse(control, site.http + path);
    }
    expected = expectedFrom(site, site.log.slice(before), name);
    report = await b.openExtensionPage('src/pages/report/index.html', { tabId: await b.tabIdOf(tab) });
    await report.page.waitForFunction(() => document.documentElement.dataset['loaded'] === 'true');
    await report.page.waitForSelector('[data-testid="report"]');
    if (name === 'chromium') {
      cdp = await report.page.browser().target().createCDPSession();
      // allowAndName: each file is saved under its download GUID, so equal names cannot collide.
      await cdp.send('Browser.setDownloadBehavior', { behavior: 'allowAndName', downloadPath: downloads, eventsEnabled: true });
    }
    await installDownloadCapture(report.page, true);
    for (const f of ['json', 'html', 'csv', 'sarif']) files[f] = await clickDownload(report.page, `download-${f}`);
  });
  afterAll(async () => {
    await cdp?.detach().catch(() => undefined);
    await b?.close();
    await site?.close();
  });

  test('the JSON validates against the schema and lists exactly the cookies and findings the site set', () => {
    const json = JSON.parse(files['json']!.text) as AuditReport;
    expect(validateReport(json).errors).toEqual([]);
    expect(files['json']!.name).toMatch(/^cookie-audit-tab\d+-.+\.json$/);
    expect(json.valuesIncluded).toBe(false);
    expect(json.scope).toMatchObject({ kind: 'tab' });
    expect(json.cookies.map((c) => c.name).sort()).toEqual([...expected.stored.keys()].sort());
    const got = Object.fromEntries(json.cookies.map((c) => [c.name, [...c.findings].sort()]));
    const want = Object.fromEntries([...expected.stored].map(([n, c]) => [n, cookieFindings(c)]));
    expect(got).toEqual(want);
    // Every rejected line, with the reason the catalogue gives, and its header findings.
    expect(json.rejected.map((r) => [r.cookieName, r.reason]).sort()).toEqual(
      expected.rejected.map((c) => [c.name, (c.browsers[name] as { reason: string }).reason]).sort(),
    );
    for (const c of expected.rejected) {
      const header = json.findings.filter((f) => f.kind === 'header' && f.header.name === c.name).map((f) => f.id);
      const wanted = c.findings.filter((f) => f !== 'missing-secure');
      expect({ name: c.name, ids: [...new Set(header)].sort() }).toEqual({ name: c.name, ids: [...wanted].sort() });
    }
  });

  test('the default downloads contain none of the cookie values the site set', () => {
    expect(expected.values.size).toBeGreaterThan(8);
    for (const [format, file] of Object.entries(files)) {
      const leaked = [...expected.values].filter((v) => file.text.includes(v) || file.text.includes(JSON.stringify(v).slice(1, -1)));
      expect({ format, leaked }).toEqual({ format, leaked: [] });
    }
  });

  test('SARIF validates and has one result per finding', () => {
    const sarif = JSON.parse(files['sarif']!.text) as { runs: Array<{ results: Array<{ ruleId: string }> }> };
    expect(validateSarif(sarif).errors).toEqual([]);
    const json = JSON.parse(files['json']!.text) as AuditReport;
    expect(sarif.runs[0]!.results.map((r) => r.ruleId)).toEqual(json.findings.map((f) => f.id));
  });

  test('the HTML export, opened with JavaScript disabled, shows the summary', async () => {
    const html = files['html']!;
    const json = JSON.parse(files['json']!.text) as AuditReport;
    expect(html.text.split('\n', 1)[0]).toContain('values not included');
    const viewer = await openExport(b, html.text, `report-${name}-export.html`);
    const summary = await viewer.page.$eval('#summary', (el) => el.textContent ?? '');
    expect(summary).toContain('Cookies');
    expect(await viewer.page.$eval('[data-values-included]', (el) => el.getAttribute('data-values-included'))).toBe('false');
    const count = await viewer.page.$eval('#summary tr td', (el) => el.textContent);
    expect(Number(count)).toBe(json.summary.cookies);
    await viewer.page.close();
  });

  test('with values included: cookies.txt works with curl -b, and hostile values stay text in every format', async () => {
    await report.page.evaluate(() => document.querySelector<HTMLInputElement>('[data-testid="include-values"]')!.click());
    await report.page.waitForSelector('.report-page[data-values-included="true"] [data-testid="download-netscape"]');
    const v: Record<string, Captured> = {};
    for (const f of ['json', 'html', 'csv', 'sarif', 'netscape', 'storage-state', 'cookie-editor'])
      v[f] = await clickDownload(report.page, `download-${f}`);
    const json = JSON.parse(v['json']!.text) as AuditReport;
    expect(validateReport(json).errors).toEqual([]);
    expect(json.valuesIncluded).toBe(true);
    const valueOf = new Map(json.cookies.map((c) => [c.name, c.value ?? '']));
    // The import formats carry every cookie with its value (loading them back: cli-exports.e2e.ts).
    expect(v['storage-state']!.name).toMatch(/-storage-state\.json$/);
    const state = JSON.parse(v['storage-state']!.text) as { cookies: Array<{ name: string; value: string }> };
    expect(state.cookies.map((c) => [c.name, c.value])).toEqual(json.cookies.map((c) => [c.name, c.value]));
    const editor = JSON.parse(v['cookie-editor']!.text) as Array<{ name: string; value: string }>;
    expect(editor.map((c) => [c.name, c.value])).toEqual(json.cookies.map((c) => [c.name, c.value]));

    // curl reads the file and sends the cookies: the site logs the Cookie header it received.
    expect(v['netscape']!.text.split('\n', 1)[0]).toMatch(/values included/);
    expect(v['netscape']!.text).toMatch(/^#HttpOnly_127\.0\.0\.1\tFALSE\t\/\t(TRUE|FALSE)\t0\tJSESSIONID\t/m);
    const jar = join(mkdtempSync(join(tmpdir(), 'report-curl-')), 'cookies.txt');
    writeFileSync(jar, v['netscape']!.text);
    const before = site.log.length;
    // Asynchronously: the site runs in this process and must keep answering while curl waits.
    const curl = await promisify(execFile)('/usr/bin/curl', ['-s', '--max-time', '20', '-b', jar, `${site.http}/api/echo`], {
      encoding: 'utf8',
    });
    const echoed = JSON.parse(curl.stdout) as { cookieNames: string[] };
    const seen = site.log.slice(before).find((e) => e.url === '/api/echo');
    const plain = ['JSESSIONID', 'sessionid', 'PHPSESSID', 'token'];
    expect(echoed.cookieNames).toEqual(expect.arrayContaining(plain));
    for (const n of plain) expect(seen?.cookieHeader).toContain(`${n}=${valueOf.get(n)}`);

    const hostile = [
      '<svg/onload=alert(1)>',
      '<img src=x onerror=alert(1)>',
      '"><script>alert(1)</script>',
      "=cmd|'/C calc'!A0",
      '=HYPERLINK("http://x","y")',
      '@SUM(1+1)',
    ];
    // JSON: the exact strings.
    for (const h of hostile) expect([...valueOf.values()]).toContain(h);
    // HTML: escaped in the source, and exactly the text once a browser has parsed it.
    for (const h of hostile.filter((x) => /[<>"]/.test(x))) expect(v['html']!.text).not.toContain(h);
    const viewer = await openExport(b, v['html']!.text, `report-${name}-values.html`);
    const parsed = await viewer.page.evaluate(() => ({
      text: document.body.textContent ?? '',
      active: document.querySelectorAll('main script, main img, main svg, main iframe, [onerror], [onload]').length,
    }));
    expect(parsed.active).toBe(0);
    for (const h of [...hostile, '<script>alert(2)</script>', '<b>name</b>']) expect(parsed.text).toContain(h);
    await viewer.page.close();
    // CSV: no cell can start a formula; the payloads are kept behind a quote.
    const rows = parseCsv(v['csv']!.text);
    expect(rows.flat().filter((cell) => /^[=+\-@\t\r]/.test(cell))).toEqual([]);
    const header = rows[1]!;
    const byName = new Map(rows.slice(2).map((r) => [r[0], r[header.indexOf('value')]]));
    expect(byName.get('csv_cmd')).toBe("'=cmd|'/C calc'!A0");
    expect(byName.get('csv_link')).toBe(`'=HYPERLINK("http://x","y")`);
    expect(byName.get('csv_sum')).toBe("'@SUM(1+1)");
    expect(byName.get('xss_svg')).toBe('<svg/onload=alert(1)>');
    expect(byName.has('<script>alert(2)</script>')).toBe(true);
    // SARIF carries no values at all, whatever the switch says.
    expect(validateSarif(JSON.parse(v['sarif']!.text)).errors).toEqual([]);
    for (const h of hostile) expect(v['sarif']!.text).not.toContain(JSON.stringify(h).slice(1, -1));
    // Markdown (the CLI's format) escapes markup.
    const md = renderSaved(v['json']!.text, 'md');
    expect(md).toContain('\\<svg/onload=alert(1)\\>');
    expect(md).not.toMatch(/(^|[^\\])<(svg|img|script)/m);
  });

  test('history: the change log is included when asked for', async () => {
    await report.page.evaluate(() => document.querySelector<HTMLInputElement>('[data-testid="include-history"]')!.click());
    await report.page.waitForSelector('[data-testid="events"] tbody tr');
    const json = JSON.parse((await clickDownload(report.page, 'download-json')).text) as AuditReport;
    expect(validateReport(json).errors).toEqual([]);
    const jsession = (json.events ?? []).filter((e) => e.name === 'JSESSIONID');
    // Set before login, replaced at login: at least two values, told apart by digest.
    expect(new Set(jsession.filter((e) => !e.removed).map((e) => e.valueDigest)).size).toBeGreaterThanOrEqual(2);
  });

  test('Chromium saves the download to disk with the same bytes the page produced', async (ctx) => {
    // Firefox: no download events over WebDriver BiDi here, so only the Blob is checked (above).
    if (name !== 'chromium' || !cdp) return ctx.skip();
    // Waits on the file itself (allowAndName: saved under its download GUID, renamed from
    // .crdownload when complete).
    const before = new Set(readdirSync(downloads));
    // A page of its own: Chromium holds back a tab's later automatic downloads (the shared report
    // page has started about ten by now), which made this test fail in some runs.
    const page = await b.openExtensionPage('src/pages/report/index.html', { tabId: await b.tabIdOf(tab) });
    await page.page.waitForFunction(() => document.documentElement.dataset['loaded'] === 'true');
    await page.page.waitForSelector('[data-testid="report"]');
    await installDownloadCapture(page.page, true);
    const captured = await clickDownload(page.page, 'download-csv', { input: true });
    const saved = (): boolean =>
      readdirSync(downloads).some(
        (f) => !before.has(f) && !f.endsWith('.crdownload') && readFileSync(join(downloads, f), 'utf8') === captured.text,
      );
    await control
      .waitFor(async () => saved(), 'the CSV saved to disk with the same bytes')
      .catch((err: unknown) => {
        throw new Error(`${String(err)}; in ${downloads}: ${JSON.stringify(readdirSync(downloads))}`);
      });
    await page.page.close();
  });

  test('Firefox saves the download to disk with the same bytes the page produced', async (ctx) => {
    if (name !== 'firefox') return ctx.skip();
    const csvFiles = (): string[] => readdirSync(downloads).filter((f) => f.endsWith('.csv') && !f.endsWith('.part'));
    const before = csvFiles().length;
    const captured = await clickDownload(report.page, 'download-csv');
    await control.waitFor(async () => csvFiles().length > before, 'the CSV file on disk');
    const newest = csvFiles()
      .map((f) => ({ f, t: statSync(join(downloads, f)).mtimeMs }))
      .sort((a, b) => b.t - a.t)[0]!.f;
    await control.waitFor(async () => readFileSync(join(downloads, newest), 'utf8') === captured.text, 'complete file');
  });

  test.each([
    ['domain', '127.0.0.1'],
    ['scope', 'all'],
  ])('?%s=%s reports the same cookies the site set', async (key, value) => {
    const page = await b.openExtensionPage('src/pages/report/index.html', { [key]: value });
    await page.page.waitForSelector('[data-testid="report"]');
    await installDownloadCapture(page.page, false);
    const json = JSON.parse((await clickDownload(page.page, 'download-json')).text) as AuditReport;
    expect(validateReport(json).errors).toEqual([]);
    expect(json.scope).toEqual(key === 'domain' ? { kind: 'domain', domain: value } : { kind: 'all' });
    expect(json.cookies.map((c) => c.name).sort()).toEqual([...expected.stored.keys()].sort());
    expect(page.errors).toEqual([]);
    await page.page.close();
  });

  test('switching values off again redacts the page, without errors', async () => {
    await report.page.evaluate(() => document.querySelector<HTMLInputElement>('[data-testid="include-values"]')!.click());
    await report.page.waitForSelector('.report-page[data-values-included="false"]');
    expect(report.errors).toEqual([]);
  });
});

/** Opens an exported HTML file from disk in a new tab with JavaScript off (Chromium) — none is needed. */
async function openExport(b: ExtensionBrowser, html: string, file: string): Promise<TrackedPage> {
  const path = join(mkdtempSync(join(tmpdir(), 'report-html-')), file);
  writeFileSync(path, html);
  const viewer = await b.newPage();
  if (b.name === 'chromium') await viewer.page.setJavaScriptEnabled(false);
  await viewer.page.setViewport({ width: 1280, height: 1000 });
  await b.goto(viewer, pathToFileURL(path).href);
  return viewer;
}
