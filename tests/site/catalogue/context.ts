/** Scenarios about where and how cookies are set: third parties, scripts, overwrites, domains, bursts. */
import type { CookieCase, RenderContext, RouteSpec } from '../types';
import { BASE, cookie, deleted, rejected, secureOnHttps, stored, v, whenHttp } from './helpers';

/** Parent domain the loose-scope scenario lives under; *.localhost resolves to loopback in both browsers. */
export const LOOSE_PARENT = 'cookie-demo.localhost';
export const LOOSE_HOST = `app.${LOOSE_PARENT}`;
export const LOOSE_SIBLING = `other.${LOOSE_PARENT}`;

const EMBEDDED =
  'Outcomes are for the cross-site embed in /third-party (top-level site 127.0.0.1). Opened directly, the frame is first-party and its cookies are stored.';

function thirdPartyNone(id: string, name: string, value: string): CookieCase {
  return cookie(id, name, `${name}=${value}; Path=/; SameSite=None; Secure`, {
    browsers: {
      chromium: rejected('UserPreferences', 'A fresh Chromium profile blocks third-party cookies.'),
      firefox: stored(
        { sameSite: 'none', secure: true, partitioned: true },
        'Stored in the partition of the top-level site (Total Cookie Protection): a later top-level visit to localhost does not send it.',
      ),
    },
    alsoVerified: { 'chromium:third-party-cookies-allowed': stored({ sameSite: 'none', secure: true, partitioned: false }) },
    findings: ['third-party', 'missing-httponly', 'rejected'],
    note: EMBEDDED,
  });
}

export const thirdPartyRoutes: RouteSpec[] = [
  {
    path: '/third-party',
    scenario: 'third-party',
    title: 'Third-party iframe and image',
    group: 'Third parties',
    summary: 'Embeds a frame and an image from the other host name (localhost), which set cookies there.',
    notes: [EMBEDDED],
    cookies: () => [],
  },
  {
    path: '/tp/frame',
    scenario: 'tp-frame',
    title: 'Third-party frame',
    group: 'Third parties',
    summary: 'Sets tp_id (SameSite=None; Secure) and tp_lax (SameSite=Lax).',
    party: 'third-party',
    hidden: true,
    cookies: () => [
      thirdPartyNone('tp-frame/tp-id', 'tp_id', 'visitor-0001'),
      cookie('tp-frame/tp-lax', 'tp_lax', 'tp_lax=1; Path=/; SameSite=Lax', {
        browsers: {
          chromium: rejected('UserPreferences', 'A fresh Chromium profile blocks third-party cookies.'),
          firefox: rejected('SameSiteLax', 'A Lax cookie cannot be set from a cross-site frame.'),
        },
        alsoVerified: { 'chromium:third-party-cookies-allowed': rejected('SchemefulSameSiteLax') },
        findings: ['third-party', 'missing-httponly', 'missing-secure', 'rejected'],
        note: EMBEDDED,
      }),
    ],
  },
  {
    path: '/tp/pixel',
    scenario: 'tp-pixel',
    title: 'Third-party pixel',
    group: 'Third parties',
    summary: 'A 1×1 GIF that sets tp_pixel (SameSite=None; Secure).',
    party: 'third-party',
    hidden: true,
    cookies: () => [thirdPartyNone('tp-pixel/tp-pixel', 'tp_pixel', '1')],
  },
];

const SCRIPT_FINDINGS = ['missing-httponly', 'missing-secure', 'samesite-missing'] as const;

export const scriptRoutes: RouteSpec[] = [
  {
    path: '/script',
    scenario: 'script',
    title: 'Cookies written by script',
    group: 'Scripts and changes',
    summary: '/script.js (external, under a strict CSP) sets js_pref, overwrites it, sets and deletes js_temp; the button sets js_clicked.',
    notes: ['The page sets window.__siteDone = true after the four writes, and window.__siteClicked = true after a click.'],
    cookies: () => [
      cookie('script/pref-dark', 'js_pref', 'js_pref=dark; max-age=3600; path=/', {
        via: 'script',
        browsers: stored({ value: 'dark', expires: 3600 }),
        findings: [...SCRIPT_FINDINGS],
      }),
      cookie('script/temp', 'js_temp', 'js_temp=1; path=/', { via: 'script', browsers: stored(), findings: [...SCRIPT_FINDINGS] }),
      cookie('script/pref-light', 'js_pref', 'js_pref=light; max-age=3600; path=/', {
        via: 'script',
        browsers: stored({ value: 'light', expires: 3600 }, 'Overwrites js_pref=dark.'),
        findings: [...SCRIPT_FINDINGS],
      }),
      cookie('script/temp-delete', 'js_temp', 'js_temp=; max-age=0; path=/', { via: 'script', browsers: deleted() }),
      cookie('script/clicked', 'js_clicked', 'js_clicked=1; path=/; samesite=strict', {
        via: 'script',
        browsers: stored({ sameSite: 'strict' }),
        findings: ['missing-httponly', 'missing-secure'],
        note: 'Only after a click on the button.',
      }),
    ],
  },
  {
    path: '/overwrite',
    scenario: 'overwrite',
    title: 'Overwrite a cookie',
    group: 'Scripts and changes',
    summary: 'Reads counter from the request and sets counter=N+1: every visit overwrites it.',
    notes: ['Var counter = the value set by this response.'],
    cookies: (ctx) => {
      const n = v(ctx, 'counter', '1');
      return [cookie('overwrite/counter', 'counter', `counter=${n}; ${BASE}`, { browsers: stored({ value: n }) })];
    },
  },
  {
    path: '/delete',
    scenario: 'delete',
    title: 'Delete a cookie',
    group: 'Scripts and changes',
    summary: 'Deletes counter with Max-Age=0.',
    cookies: () => [cookie('delete/counter', 'counter', `counter=; Max-Age=0; ${BASE}`, { browsers: deleted() })],
  },
];

function onLooseHost(ctx: RenderContext): boolean {
  return ctx.host.endsWith(`.${LOOSE_PARENT}`);
}

export const domainRoutes: RouteSpec[] = [
  {
    path: '/domain/loose',
    scenario: 'domain-loose',
    title: 'Loosely scoped cookie (Domain=parent)',
    group: 'Domains',
    summary: `On ${LOOSE_HOST}, sets a cookie for every *.${LOOSE_PARENT} host, and two Domain attributes browsers refuse.`,
    party: 'subdomain',
    notes: [
      `On any other host the route redirects (302) to ${LOOSE_HOST} and sets nothing.`,
      `/domain/echo on ${LOOSE_SIBLING} shows that the loose cookie reaches a sibling host.`,
    ],
    cookies: (ctx) =>
      !onLooseHost(ctx)
        ? []
        : [
            cookie('domain-loose/parent', 'loose_scope', `loose_scope=1; Domain=${LOOSE_PARENT}; ${BASE}`, {
              browsers: stored({ domain: `.${LOOSE_PARENT}` }),
              findings: ['loosely-scoped'],
            }),
            cookie('domain-loose/host-only', 'host_only', `host_only=1; ${BASE}`, { browsers: stored({ domain: ctx.host }) }),
            cookie(
              'domain-loose/host-prefix',
              '__Host-loose',
              `__Host-loose=1; Secure; Path=/; Domain=${LOOSE_PARENT}; HttpOnly; SameSite=Lax`,
              {
                browsers: rejected('InvalidPrefix'),
                findings: ['prefix-violation', 'loosely-scoped', 'rejected'],
              },
            ),
            cookie('domain-loose/tld', 'loose_tld', `loose_tld=1; Domain=localhost; ${BASE}`, {
              browsers: rejected('InvalidDomain', 'localhost counts as a top-level domain here.'),
              findings: ['loosely-scoped', 'rejected'],
            }),
          ],
  },
  {
    path: '/domain/echo',
    scenario: 'domain-echo',
    title: 'Which cookies reach this host',
    group: 'Domains',
    summary: 'Lists the cookie names the request carried; sets nothing.',
    party: 'subdomain',
    hidden: true,
    cookies: () => [],
  },
  {
    path: '/domain/invalid',
    scenario: 'domain-invalid',
    title: 'Domain attributes for other hosts',
    group: 'Domains',
    summary: 'Domain=example.com from 127.0.0.1 is refused; Domain=127.0.0.1 equals the host and counts as host-only.',
    cookies: (ctx) => [
      cookie('domain-invalid/foreign', 'dom_foreign', `dom_foreign=1; Domain=example.com; ${BASE}`, {
        browsers: rejected('InvalidDomain'),
        findings: ['rejected'],
      }),
      cookie('domain-invalid/ip', 'dom_ip', `dom_ip=1; Domain=127.0.0.1; ${BASE}`, {
        browsers: ctx.host === '127.0.0.1' ? stored({ domain: '127.0.0.1' }) : rejected('InvalidDomain'),
        findings: ctx.host === '127.0.0.1' ? [] : ['rejected'],
      }),
    ],
  },
];

export const trafficRoutes: RouteSpec[] = [
  {
    path: '/fetch-burst',
    scenario: 'fetch-burst',
    title: 'Burst of fetch() requests',
    group: 'Traffic',
    summary: 'Fires n (default 100, at most 1000) concurrent fetches to /api/set?i=K; window.__siteDone when all settled.',
    example: '/fetch-burst?n=100',
    notes: [
      'Each /api/set?i=K sets burst_K. More than 150 distinct names push the host towards the 180-cookie limit;',
      'pass &names=M to reuse M names (burst_(K mod M)).',
    ],
    cookies: () => [],
  },
  {
    path: '/api/set',
    scenario: 'api-set',
    title: 'JSON: set one burst cookie',
    group: 'Traffic',
    summary: 'Sets burst_K (K = i, or i mod names) and answers with the cookie names it received.',
    hidden: true,
    cookies: (ctx) => {
      const i = v(ctx, 'i', '0');
      const slot = v(ctx, 'slot', i);
      return [cookie('api-set/burst', `burst_${slot}`, `burst_${slot}=${i}; ${BASE}`, { browsers: stored({ value: i }) })];
    },
  },
  {
    path: '/http-send',
    scenario: 'http-send',
    title: 'Cookies sent over plain HTTP',
    group: 'Traffic',
    summary: 'Sets http_sent, then fetches /api/echo and loads /api/pixel so the cookie travels in clear text.',
    notes: ['Meant for the http origin; on https the cookie is Secure and nothing travels in clear.'],
    cookies: (ctx) => [
      cookie('http-send/cookie', 'http_sent', `http_sent=1; Path=/; HttpOnly; SameSite=Lax${secureOnHttps(ctx)}`, {
        browsers: stored(),
        findings: whenHttp(ctx, 'missing-secure', 'sent-over-http'),
      }),
    ],
  },
];
