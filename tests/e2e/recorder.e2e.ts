import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { contextOf } from '../site/catalogue';
import { startSite, type Site } from '../site/server';
import type { Outcome } from '../site/types';
import { launch, selectedBrowsers } from '../../scripts/browser/browsers';
import { ExtensionControl } from '../../scripts/browser/extension';
import { readLog, settledResponse } from './harness/log';
import type { ExtensionBrowser, TrackedPage } from '../../scripts/browser/types';

/** Recorded outcomes that satisfy what the catalogue says the browser does with a line. */
function acceptable(o: Outcome): { outcomes: string[]; reason?: string } {
  switch (o.result) {
    case 'stored':
    case 'evicted':
      return { outcomes: ['stored', 'updated', 'unchanged'] };
    case 'deleted':
      return { outcomes: ['deleted', 'unchanged'] };
    case 'rejected':
      return { outcomes: ['rejected'], reason: o.reason };
  }
}

/** First-party scenarios whose every Set-Cookie line has a known outcome in both browsers. */
const ROUTES = [
  '/session',
  '/persistent/expires',
  '/persistent/max-age',
  '/persistent/both',
  '/persistent/over-400-days',
  '/samesite',
  '/prefixes',
  '/size/near',
  '/size/over',
  '/size/attribute',
  '/login-insecure',
  '/jwt',
  '/hostile',
  '/malformed',
  '/domain/invalid',
];

describe.each(selectedBrowsers())('%s: the recorder logs every cookie change and cookie header', (name) => {
  let b: ExtensionBrowser;
  let control: ExtensionControl;
  let site: Site;
  let tab: TrackedPage;

  beforeAll(async () => {
    site = await startSite();
    b = await launch(name);
    control = await ExtensionControl.open(b);
    // What these tests check includes headers of tabs DevTools is not open on.
    await control.recordAllHeaders();
    tab = await b.newPage();
  });
  afterAll(async () => {
    await b?.close();
    await site?.close();
  });

  async function visit(path: string): Promise<{ url: string; lines: string[]; route: string | undefined }> {
    const before = site.log.length;
    await b.goto(tab, site.http + path);
    const entry = site.log.slice(before).find((e) => e.url === path);
    if (!entry) throw new Error(`the site did not log ${path}`);
    return { url: site.http + path, lines: entry.setCookie, route: entry.route };
  }

  test.each(ROUTES)('%s: every Set-Cookie line is logged with the outcome the browser chose', async (path) => {
    const before = site.log.length;
    const { url, lines } = await visit(path);
    const entry = site.log.slice(before).find((e) => e.url === path)!;
    const all = site.expectations.cookiesFor(entry.route!, contextOf(entry)).filter((c) => c.via === 'header');
    expect(all.map((c) => c.line)).toEqual(lines);
    // Firefox's network layer drops an empty Set-Cookie header before webRequest sees it.
    const cases = name === 'firefox' ? all.filter((c) => c.line !== '') : all;

    const { obs, changes } = await settledResponse(control, url);
    const keyedAs = (c: (typeof cases)[number]): string => {
      const o = c.browsers[name];
      return o.result === 'stored' && o.cookie?.name !== undefined ? o.cookie.name : c.name;
    };
    expect(obs.setCookies?.map((r) => r.name)).toEqual(cases.map(keyedAs));
    expect(obs.statusCode).toBe(200);
    expect(obs.method).toBe('GET');
    expect(obs.resourceType).toBe('main_frame');
    expect(obs.tabId).toBe(await b.tabIdOf(tab));

    cases.forEach((c, i) => {
      const rec = obs.setCookies![i]!;
      const want = acceptable(c.browsers[name]);
      expect({ id: c.id, outcome: rec.outcome }).toEqual({ id: c.id, outcome: expect.toBeOneOf(want.outcomes) });
      if (want.reason) expect({ id: c.id, reason: rec.reason }).toEqual({ id: c.id, reason: want.reason });
      if (rec.outcome === 'stored' || rec.outcome === 'updated' || rec.outcome === 'deleted') {
        // Linked both ways to the cookies.onChanged event the line caused.
        const change = changes.find((ch) => ch.id === rec.changeEventId);
        expect(change, `${c.id}: linked change`).toBeDefined();
        expect(change!.name).toBe(rec.name);
        expect(change!.linkedObservationId).toBe(obs.id);
        expect(change!.source).toBe('http');
        expect(change!.removed).toBe(rec.outcome === 'deleted');
      }
    });
  });

  test('a login flow: session ID set, sent on the next request, rotated, then deleted', async () => {
    await visit('/login');
    await visit('/login?user=alice');
    const account = await visit('/account');
    await visit('/logout');
    const log = await readLog(control);
    const sent = log.observations.find((o) => o.kind === 'request' && o.url === account.url);
    expect(sent?.cookieNames).toEqual(expect.arrayContaining(['JSESSIONID', 'sessionid']));
    const jsession = log.changes.filter((c) => c.name === 'JSESSIONID' && c.domain === '127.0.0.1');
    // Set before login, replaced on login (new digest), deleted on logout.
    const added = jsession.filter((c) => !c.removed);
    expect(added.length).toBeGreaterThanOrEqual(2);
    expect(new Set(added.map((c) => c.valueDigest)).size).toBeGreaterThanOrEqual(2);
    expect(jsession.some((c) => c.removed && c.cause !== 'overwrite')).toBe(true);
  });

  test('cookies written by page script are logged as script changes', async () => {
    await b.goto(tab, `${site.http}/script`);
    await tab.page.waitForFunction(() => (window as unknown as { __siteDone?: boolean }).__siteDone === true);
    await control.waitFor(async () => {
      const log = await readLog(control);
      const js = log.changes.filter((c) => c.name === 'js_pref');
      return js.length > 0 && js.every((c) => c.source === 'script');
    }, 'js_pref change marked as script');
  });

  test('passing the per-domain limit: the evictions the browser made are logged', async () => {
    await visit('/limits/200?prefix=ev');
    // survivors(200) in the site's catalogue: which of ev_0..ev_199 the browser keeps.
    const { survivors } = await import('../site/catalogue');
    const evicted = survivors(200)
      .map((kept, i) => (kept ? undefined : `ev_${i}`))
      .filter((n): n is string => n !== undefined);
    expect(evicted.length).toBeGreaterThan(0);
    await control.waitFor(async () => {
      const { changes } = await readLog(control);
      const gone = new Set(changes.filter((c) => c.removed && c.cause === 'evicted').map((c) => c.name));
      return evicted.every((n) => gone.has(n));
    }, 'eviction events for every cookie the browser dropped');
    await visit('/limits/clear?prefix=ev');
  });

  test('Authorization: the scheme is recorded, never the credentials', async () => {
    await b.goto(tab, `${site.http}/session`);
    await tab.page.evaluate(async () => {
      await fetch('/api/echo?auth=1', { headers: { Authorization: 'Bearer s3cr3t-t0ken-value' } });
    });
    let found: { scheme: string } | undefined;
    await control.waitFor(async () => {
      const { observations } = await readLog(control);
      found = observations.find((o) => o.kind === 'request' && /\/api\/echo\?auth=\{1:[0-9a-f]+\}$/.test(o.url))?.authorization;
      return found !== undefined;
    }, 'request observation with Authorization');
    expect(found).toEqual({ scheme: 'Bearer' });
    expect(await control.dumpDatabase()).not.toContain('s3cr3t-t0ken-value');
  });

  test('third-party frames: their Set-Cookie lines carry the top-level site', async () => {
    await visit('/third-party');
    const thirdHost = new URL(site.thirdParty).hostname;
    await control.waitFor(async () => {
      const { observations } = await readLog(control);
      const framed = observations.find((o) => o.kind === 'response' && o.url.includes('/tp/frame'));
      return framed !== undefined && framed.topLevelSite === '127.0.0.1' && framed.registrableDomain === thirdHost;
    }, 'third-party frame response with topLevelSite 127.0.0.1');
    if (name === 'firefox') {
      // Firefox's Total Cookie Protection stores the frame's SameSite=None cookie in the
      // top-level site's partition: the change carries that partition key.
      await control.waitFor(async () => {
        const { changes } = await readLog(control);
        const tp = changes.find((c) => c.name === 'tp_id' && !c.removed);
        return tp?.partitionKey !== undefined && tp.partitionKey.includes('127.0.0.1');
      }, 'partitioned tp_id change');
    }
  });

  test('over HTTPS (self-signed, accepted by the test browser) Secure session cookies are logged', async () => {
    await b.goto(tab, `${site.https}/login?user=alice`);
    const url = `${site.https}/login?user=alice`;
    const { obs } = await settledResponse(control, url);
    expect(obs.scheme).toBe('https');
    const sid = obs.setCookies?.find((l) => l.name === 'sessionid');
    expect(sid?.outcome).toBeOneOf(['stored', 'updated']);
    expect(sid?.line).toContain('Secure');
  });

  test('no cookie value is written to disk by default', async () => {
    await readLog(control);
    const dump = await control.dumpDatabase();
    const values = new Set<string>();
    for (const e of site.log) {
      for (const line of e.setCookie) {
        const pair = line.split(';', 1)[0] ?? '';
        // Without "=", Chromium reads the pair as a value, Firefox as a name.
        if (!pair.includes('=') && name === 'firefox') continue;
        const value = pair.slice(pair.indexOf('=') + 1).trim();
        // Values that also appear in the line's attributes (e.g. a Path) are not secrets to look for.
        if (value.length >= 8 && !line.slice(pair.length).includes(value)) values.add(value);
      }
    }
    expect(values.size).toBeGreaterThan(5);
    const leaked = [...values].filter((v) => dump.includes(JSON.stringify(v).slice(1, -1)));
    expect(leaked).toEqual([]);
  });
});
