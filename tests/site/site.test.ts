/**
 * The site against its catalogue, over real sockets (no browser): every route sends exactly the
 * catalogued Set-Cookie lines on http and https, flows behave, the log records what happened,
 * pages are well-formed and self-contained, and close() frees the ports.
 */
import { createHmac } from 'node:crypto';
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { contextOf, DEMO_JWT_KEY, findRoute } from './catalogue';
import { httpDate } from './catalogue/helpers';
import { cookieHeaderFrom, fetchRaw, type ClientOptions } from './http-client';
import { startSite, type Site } from './server';
import type { Scheme, SiteLogEntry } from './types';

let site: Site;

beforeAll(async () => {
  site = await startSite();
});
afterAll(async () => {
  await site?.close();
});

function get(url: string, opts: ClientOptions = {}) {
  return fetchRaw(url, { ca: site.certificate, insecureParser: true, ...opts });
}

/** The log entry of the latest request whose url (path + query) is `pathAndQuery`. */
function lastLogged(pathAndQuery: string): SiteLogEntry {
  const e = [...site.log].reverse().find((x) => x.url === pathAndQuery);
  if (!e) throw new Error(`not logged: ${pathAndQuery}`);
  return e;
}

const SCHEMES: Scheme[] = ['http', 'https'];

describe('every catalogue route on both schemes', () => {
  for (const scheme of SCHEMES) {
    test(`${scheme}: Set-Cookie lines are exactly the catalogue's`, async () => {
      for (const r of site.expectations.routes) {
        const url = new URL(r.urls[scheme]);
        const res = await get(url.href);
        expect(res.status, r.path).toBeLessThan(r.path === '/account' ? 402 : 400);
        const entry = lastLogged(url.pathname + url.search);
        expect(entry.route, r.path).toBe(r.path);
        expect(entry.scheme).toBe(scheme);
        expect(res.setCookie, r.path).toEqual(entry.setCookie);
        expect(entry.setCookie, r.path).toEqual(site.expectations.linesFor(entry));
        const headerCases = site.expectations.cookiesFor(r.path, contextOf(entry)).filter((c) => c.via === 'header');
        expect(entry.setCookie, r.path).toHaveLength(headerCases.length);
      }
    });
  }

  test('hidden helper routes and the index are catalogued too', () => {
    for (const p of ['/', '/tp/frame', '/tp/pixel', '/api/set', '/domain/echo']) expect(findRoute(p)?.hidden).toBe(true);
    expect(findRoute('/limits/123')?.path).toBe('/limits/123');
    expect(findRoute('/limits/301')).toBeUndefined();
  });
});

describe('literal lines (the catalogue itself is right)', () => {
  test('/samesite', async () => {
    const res = await get(`${site.http}/samesite`);
    expect(res.setCookie).toEqual([
      'ss_missing=1; Path=/; Secure; HttpOnly',
      'ss_lax=1; Path=/; Secure; HttpOnly; SameSite=Lax',
      'ss_strict=1; Path=/; Secure; HttpOnly; SameSite=Strict',
      'ss_none_secure=1; Path=/; Secure; HttpOnly; SameSite=None',
      'ss_none_insecure=1; Path=/; HttpOnly; SameSite=None',
      'ss_bogus=1; Path=/; Secure; HttpOnly; SameSite=Bogus',
    ]);
  });

  test('/persistent/both and /persistent/over-400-days use the response clock', async () => {
    const both = await get(`${site.http}/persistent/both`);
    const t = lastLogged('/persistent/both').time;
    expect(both.setCookie).toEqual([
      `persist_both=1; Expires=${httpDate(t + 30 * 86_400_000)}; Max-Age=3600; Path=/; Secure; HttpOnly; SameSite=Lax`,
    ]);
    const over = await get(`${site.https}/persistent/over-400-days`);
    expect(over.setCookie[0]).toBe('persist_500d=1; Max-Age=43200000; Path=/; Secure; HttpOnly; SameSite=Lax');
    expect(over.setCookie[1]).toMatch(/^persist_2y=1; Expires=\w{3}, \d\d \w{3} \d{4} \d\d:\d\d:\d\d GMT; /);
  });

  test('/login-insecure: PHPSESSID, script-readable, no Secure, 30 days', async () => {
    const res = await get(`${site.https}/login-insecure`);
    expect(res.setCookie).toHaveLength(1);
    expect(res.setCookie[0]).toMatch(
      /^PHPSESSID=[0-9a-v]{26}; expires=\w{3}, \d\d-\w{3}-\d{4} \d\d:\d\d:\d\d GMT; Max-Age=2592000; path=\/$/,
    );
  });

  test('/prefixes on 127.0.0.1 and on localhost', async () => {
    const ip = await get(`${site.http}/prefixes`);
    expect(ip.setCookie[1]).toBe('__Host-bad-domain=1; Secure; Path=/; Domain=127.0.0.1; HttpOnly; SameSite=Lax');
    const lh = await get(`${site.thirdParty}/prefixes`);
    expect(lh.setCookie[1]).toBe('__Host-bad-domain=1; Secure; Path=/; Domain=localhost; HttpOnly; SameSite=Lax');
    const cases = site.expectations.cookiesFor('/prefixes', contextOf(lastLogged('/prefixes')));
    expect(cases[1]?.browsers.chromium).toMatchObject({ result: 'rejected', reason: 'InvalidPrefix' });
    expect(cases[1]?.browsers.firefox.result).toBe('stored');
  });

  test('/size: 4000, 4097 and >1024-byte attribute', async () => {
    const pair = (line: string) => Buffer.byteLength((line.split(';')[0] ?? '').replace('=', ''));
    expect(pair((await get(`${site.http}/size/near`)).setCookie[0] ?? '')).toBe(4000);
    expect(pair((await get(`${site.http}/size/over`)).setCookie[0] ?? '')).toBe(4097);
    const attr = (await get(`${site.http}/size/attribute`)).setCookie;
    expect(/Path=([^;]*)/.exec(attr[0] ?? '')?.[1]?.length).toBeGreaterThan(1024);
    expect(/Domain=([^;]*)/.exec(attr[1] ?? '')?.[1]?.length).toBeGreaterThan(1024);
  });

  test('/hostile: payloads and UTF-8 arrive byte-exact', async () => {
    const res = await get(`${site.http}/hostile`);
    expect(res.setCookie).toContain('xss_svg=<svg/onload=alert(1)>; Path=/; Secure; HttpOnly; SameSite=Lax');
    expect(res.setCookie).toContain('<b>name</b>=1; Path=/; Secure; HttpOnly; SameSite=Lax');
    expect(res.setCookie).toContain('utf8_value=café ☕; Path=/; Secure; HttpOnly; SameSite=Lax');
    expect(res.text).not.toContain('<svg/onload');
    expect(res.text).toContain('&#60;svg/onload=alert(1)&#62;');
  });

  test('/malformed/raw sends control characters Node would refuse', async () => {
    const res = await get(`${site.https}/malformed/raw`);
    expect(res.setCookie[0]).toBe('ctl_value=a\x01b; Path=/; Secure; HttpOnly; SameSite=Lax');
    expect(res.setCookie[1]).toBe('ctl_del=a\x7fb; Path=/; Secure; HttpOnly; SameSite=Lax');
    expect(res.setCookie[2]).toBe('ctl_name\x02=1; Path=/; Secure; HttpOnly; SameSite=Lax');
    expect(res.text).toContain('<meta name="scenario" content="malformed-raw">');
  });

  test('/malformed keeps the tab and the blank line', async () => {
    const res = await get(`${site.http}/malformed`);
    expect(res.setCookie).toContain('mal_tab=a\tb; Path=/; Secure; HttpOnly; SameSite=Lax');
    expect(res.setCookie).toContain('');
    expect(res.setCookie).toContain('bare_token; Path=/malformed/bare; Secure; HttpOnly; SameSite=Lax');
  });
});

describe('flows', () => {
  test('login rotates the session id; account needs it; logout deletes both ways', async () => {
    const first = await get(`${site.http}/login`);
    expect(lastLogged('/login').vars?.stage).toBe('first-visit');
    expect(first.setCookie.map((l) => l.split('=')[0])).toEqual(['JSESSIONID', 'sessionid']);
    const pre = cookieHeaderFrom(first.setCookie);

    const again = await get(`${site.http}/login`, { cookie: pre });
    expect(again.setCookie).toEqual([]);
    expect(lastLogged('/login').vars?.stage).toBe('returning');
    expect((await get(`${site.http}/account`, { cookie: pre })).status).toBe(401);

    const signedIn = await get(`${site.http}/login?user=alice`, { cookie: pre });
    expect(signedIn.text).toContain('Signed in as <strong>alice</strong>');
    const post = cookieHeaderFrom(signedIn.setCookie);
    expect(post).not.toBe(pre);
    expect(signedIn.setCookie[0]).toMatch(/^JSESSIONID=[0-9A-F]{32}; Path=\/; HttpOnly$/);
    expect(signedIn.setCookie[1]).toMatch(/^sessionid=[a-z0-9]{32}; HttpOnly; Path=\/; SameSite=Lax$/);

    const account = await get(`${site.http}/account`, { cookie: post });
    expect(account.status).toBe(200);
    expect(account.text).toContain('Signed in as <strong>alice</strong>');

    const out = await get(`${site.http}/logout`, { cookie: post });
    expect(out.setCookie).toEqual([
      'JSESSIONID=; Path=/; Max-Age=0; HttpOnly',
      'sessionid=""; expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; Path=/; SameSite=Lax',
    ]);
    expect((await get(`${site.http}/account`, { cookie: post })).status).toBe(401);
  });

  test('POST /login over https sets Secure on sessionid only', async () => {
    const res = await get(`${site.https}/login`, { method: 'POST', body: 'user=alice' });
    expect(res.setCookie[0]).not.toContain('Secure');
    expect(res.setCookie[1]).toMatch(/; Secure$/);
    expect(lastLogged('/login').method).toBe('POST');
    expect((await get(`${site.https}/login`, { method: 'POST', body: 'user=%3Cx%3E' })).status).toBe(400);
  });

  test('/overwrite counts up from the incoming cookie; /delete removes it', async () => {
    expect((await get(`${site.http}/overwrite`)).setCookie[0]).toMatch(/^counter=1;/);
    expect((await get(`${site.http}/overwrite`, { cookie: 'counter=41' })).setCookie[0]).toMatch(/^counter=42;/);
    expect(lastLogged('/overwrite').vars).toEqual({ counter: '42' });
    expect((await get(`${site.http}/delete`)).setCookie).toEqual(['counter=; Max-Age=0; Path=/; Secure; HttpOnly; SameSite=Lax']);
  });

  test('/limits/200?prefix=x sets 200, the catalogue expects 31 evictions; /limits/clear deletes 300', async () => {
    const res = await get(`${site.http}/limits/200?prefix=x`);
    expect(res.setCookie).toHaveLength(200);
    expect(res.setCookie[199]).toBe('x_199=199; Path=/; Secure; HttpOnly; SameSite=Lax');
    const cases = site.expectations.cookiesFor('/limits/200', contextOf(lastLogged('/limits/200?prefix=x')));
    expect(cases.filter((c) => c.browsers.chromium.result === 'evicted').map((c) => c.name)).toEqual(
      Array.from({ length: 31 }, (_, i) => `x_${i}`),
    );
    const clear = await get(`${site.http}/limits/clear?prefix=x`);
    expect(clear.setCookie).toHaveLength(300);
    expect(clear.setCookie[0]).toBe('x_0=; Max-Age=0; Path=/; Secure; HttpOnly; SameSite=Lax');
  });

  test('/api/set and /api/echo', async () => {
    const res = await get(`${site.http}/api/set?i=7&names=5`, { cookie: 'a=1; b=2' });
    expect(res.setCookie).toEqual(['burst_2=7; Path=/; Secure; HttpOnly; SameSite=Lax']);
    expect(JSON.parse(res.text)).toEqual({ i: 7, set: 'burst_2', cookieNames: ['a', 'b'] });
    const echo = await get(`${site.thirdParty}/api/echo`, { cookie: 'x=1' });
    expect(JSON.parse(echo.text)).toEqual({ scheme: 'http', host: 'localhost', cookieNames: ['x'] });
  });

  test('/domain/loose redirects to the subdomain host, which sets the loose cookie', async () => {
    const moved = await get(`${site.http}/domain/loose`);
    expect(moved.status).toBe(302);
    expect(moved.headers.location).toBe(`${site.subdomain}/domain/loose`);
    expect(moved.setCookie).toEqual([]);
    const res = await get(`${site.subdomainHttps}/domain/loose`);
    expect(res.setCookie[0]).toBe('loose_scope=1; Domain=cookie-demo.localhost; Path=/; Secure; HttpOnly; SameSite=Lax');
    expect(res.text).toContain(`${site.subdomainHttps.replace('//app.', '//other.')}/domain/echo`);
  });

  test('/jwt tokens: HS256 verifies, alg none, expired, two years', async () => {
    await get(`${site.http}/jwt`);
    const t = Math.floor(lastLogged('/jwt').time / 1000);
    const tokens = lastLogged('/jwt').setCookie.map((l) => (l.split(';')[0] ?? '').split('=')[1] ?? '');
    const claims = tokens.map((tok) => JSON.parse(Buffer.from(tok.split('.')[1] ?? '', 'base64url').toString()));
    const [head, body, sig] = tokens[0]!.split('.');
    expect(createHmac('sha256', DEMO_JWT_KEY).update(`${head}.${body}`).digest('base64url')).toBe(sig);
    expect(claims.map((c) => c.exp - t)).toEqual([3600, 3600, -3600, 730 * 86_400]);
    expect(JSON.parse(Buffer.from(tokens[1]!.split('.')[0]!, 'base64url').toString()).alg).toBe('none');
    expect(tokens[1]!.endsWith('.')).toBe(true);
  });
});

describe('https, log, pages, ports', () => {
  test('the generated certificate verifies for 127.0.0.1, localhost and the demo subdomain', async () => {
    for (const origin of [site.https, site.thirdPartyHttps, site.subdomainHttps]) {
      expect((await fetchRaw(`${origin}/session`, { ca: site.certificate })).status).toBe(200);
    }
    await expect(fetchRaw(`${site.https}/session`)).rejects.toThrow(/self[- ]signed|certificate/i);
  });

  test('the log records method, url, host, cookie names, the raw Cookie header and Set-Cookie lines', async () => {
    await get(`${site.thirdPartyHttps}/session?probe=1`, { cookie: 'alpha=1; beta=two' });
    const e = lastLogged('/session?probe=1');
    expect(e).toMatchObject({
      method: 'GET',
      scheme: 'https',
      host: site.thirdPartyHttps.slice('https://'.length),
      cookieNames: ['alpha', 'beta'],
      cookieHeader: 'alpha=1; beta=two',
      status: 200,
      setCookie: ['session_only=1; Path=/; Secure; HttpOnly; SameSite=Lax'],
      route: '/session',
    });
    expect(Math.abs(e.time - Date.now())).toBeLessThan(10_000);
    await get(`${site.http}/site.css`);
    expect(lastLogged('/site.css')).toMatchObject({ setCookie: [], status: 200 });
    expect(lastLogged('/site.css').route).toBeUndefined();
  });

  test('pages: UTF-8, title, scenario meta, heading, no external resources', async () => {
    const own = [site.http, site.https, site.thirdParty, site.thirdPartyHttps, site.subdomain, site.subdomainHttps];
    own.push(...own.slice(4).map((o) => o.replace('//app.', '//other.')));
    for (const r of site.expectations.routes) {
      const res = await get(r.urls.https);
      if (!String(res.headers['content-type']).startsWith('text/html')) continue;
      expect(res.text, r.path).toMatch(/^<!doctype html>\n<html lang="en">/);
      expect(res.text).toContain('<meta charset="utf-8">');
      expect(res.text).toContain(`<meta name="scenario" content="${r.scenario}">`);
      expect(res.text).toMatch(/<title>[^<]+<\/title>/);
      expect(res.text).toMatch(/<h1>[^<]+<\/h1>/);
      for (const m of res.text.matchAll(/(?:src|href)="(https?:[^"]*)"/g)) {
        expect(
          own.some((o) => m[1]!.startsWith(`${o}/`)),
          `${r.path} links ${m[1]}`,
        ).toBe(true);
      }
    }
  });

  test('/script: strict CSP, external script built from the catalogue', async () => {
    const page = await get(`${site.http}/script`);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.text).not.toMatch(/<script>(?!<\/script>)/);
    const js = await get(`${site.http}/script.js`);
    for (const c of site.expectations.route('/script')!.cookies.http) expect(js.text).toContain(JSON.stringify(c.line).slice(1, -1));
    expect(js.text).toContain('window.__siteDone = true');
  });

  test('the server prints nothing while serving', async () => {
    const out = vi.spyOn(process.stdout, 'write');
    const log = vi.spyOn(console, 'log');
    await get(`${site.http}/login?user=alice`);
    await get(`${site.http}/account`, { cookie: 'JSESSIONID=SECRETVALUE' });
    expect(out).not.toHaveBeenCalled();
    expect(log).not.toHaveBeenCalled();
    out.mockRestore();
    log.mockRestore();
  });

  test('random ports differ between sites, and close() frees them', async () => {
    const other = await startSite();
    const ports = [other.http, other.https].map((o) => Number(new URL(o).port));
    expect(ports).not.toContain(Number(new URL(site.http).port));
    expect(ports[0]).not.toBe(ports[1]);
    await other.close();
    await other.close();
    for (const port of ports) {
      await new Promise<void>((resolve, reject) => {
        const s = createServer().once('error', reject);
        s.listen(port, '127.0.0.1', () => s.close(() => resolve()));
      });
    }
    const again = await startSite({ httpPort: ports[0], httpsPort: ports[1] });
    expect(again.http).toBe(`http://127.0.0.1:${ports[0]}`);
    await again.close();
  });
});
