/** Persistence, SameSite, prefixes and sizes: one attribute rule per cookie. */
import type { Browser, Outcome, RenderContext, RouteSpec } from '../types';
import { isIP } from 'node:net';
import { BASE, cookie, DAY, httpDate, MAX_AGE_CAP, rejected, stored } from './helpers';

const PERSIST = 'Persistence';

export const persistenceRoutes: RouteSpec[] = [
  {
    path: '/persistent/expires',
    scenario: 'persistent-expires',
    title: 'Persistent cookie (Expires)',
    group: PERSIST,
    summary: 'Expires one week ahead.',
    cookies: (ctx) => [
      cookie('persistent/expires', 'persist_expires', `persist_expires=1; Expires=${httpDate(ctx.now + 7 * DAY * 1000)}; ${BASE}`, {
        browsers: stored({ expires: 7 * DAY }),
      }),
    ],
  },
  {
    path: '/persistent/max-age',
    scenario: 'persistent-max-age',
    title: 'Persistent cookie (Max-Age)',
    group: PERSIST,
    summary: 'Max-Age of one week.',
    cookies: () => [
      cookie('persistent/max-age', 'persist_maxage', `persist_maxage=1; Max-Age=${7 * DAY}; ${BASE}`, {
        browsers: stored({ expires: 7 * DAY }),
      }),
    ],
  },
  {
    path: '/persistent/both',
    scenario: 'persistent-both',
    title: 'Expires and Max-Age (Max-Age wins)',
    group: PERSIST,
    summary: 'Expires 30 days ahead and Max-Age=3600: the cookie lives one hour.',
    cookies: (ctx) => [
      cookie('persistent/both', 'persist_both', `persist_both=1; Expires=${httpDate(ctx.now + 30 * DAY * 1000)}; Max-Age=3600; ${BASE}`, {
        browsers: stored({ expires: 3600 }),
      }),
    ],
  },
  {
    path: '/persistent/over-400-days',
    scenario: 'persistent-over-400-days',
    title: 'Lifetimes over 400 days',
    group: PERSIST,
    summary: 'Max-Age of 500 days and an Expires two years ahead; browsers cap both at 400 days.',
    cookies: (ctx) => [
      cookie('persistent/max-age-500d', 'persist_500d', `persist_500d=1; Max-Age=${500 * DAY}; ${BASE}`, {
        browsers: stored({ expires: MAX_AGE_CAP }),
        findings: ['expiry-over-400-days'],
      }),
      cookie('persistent/expires-2y', 'persist_2y', `persist_2y=1; Expires=${httpDate(ctx.now + 730 * DAY * 1000)}; ${BASE}`, {
        browsers: stored({ expires: MAX_AGE_CAP }),
        findings: ['expiry-over-400-days'],
      }),
    ],
  },
  {
    path: '/session',
    scenario: 'session',
    title: 'Session cookie (no expiry)',
    group: PERSIST,
    summary: 'No Expires, no Max-Age: gone when the browser session ends.',
    cookies: () => [cookie('session/only', 'session_only', `session_only=1; ${BASE}`, { browsers: stored({ expires: 'session' }) })],
  },
];

const NO_SS = 'Path=/; Secure; HttpOnly';

export const sameSiteRoutes: RouteSpec[] = [
  {
    path: '/samesite',
    scenario: 'samesite',
    title: 'SameSite variants',
    group: 'SameSite',
    summary: 'Missing, Lax, Strict, None with and without Secure, and an invalid value.',
    cookies: () => [
      cookie('samesite/missing', 'ss_missing', `ss_missing=1; ${NO_SS}`, {
        browsers: stored({ sameSite: 'unspecified' }),
        findings: ['samesite-missing'],
      }),
      cookie('samesite/lax', 'ss_lax', `ss_lax=1; ${NO_SS}; SameSite=Lax`, { browsers: stored({ sameSite: 'lax' }) }),
      cookie('samesite/strict', 'ss_strict', `ss_strict=1; ${NO_SS}; SameSite=Strict`, { browsers: stored({ sameSite: 'strict' }) }),
      cookie('samesite/none-secure', 'ss_none_secure', `ss_none_secure=1; ${NO_SS}; SameSite=None`, {
        browsers: stored({ sameSite: 'none', secure: true }),
        note: 'Accepted on http too: 127.0.0.1 is a potentially trustworthy origin.',
      }),
      cookie('samesite/none-insecure', 'ss_none_insecure', 'ss_none_insecure=1; Path=/; HttpOnly; SameSite=None', {
        browsers: rejected('SameSiteNoneInsecure'),
        findings: ['samesite-none-insecure', 'missing-secure', 'rejected'],
      }),
      cookie('samesite/invalid', 'ss_bogus', `ss_bogus=1; ${NO_SS}; SameSite=Bogus`, {
        browsers: stored({ sameSite: 'unspecified' }),
        findings: ['samesite-invalid'],
        note: 'An unknown value is ignored: the cookie behaves as if SameSite were absent.',
      }),
    ],
  },
];

/** `Domain=<own host>` on a __Host- cookie: IP hosts make it host-only, so some browsers keep it. */
function hostWithDomain(ctx: RenderContext): Record<Browser, Outcome> {
  if (isIP(ctx.host)) {
    const kept = stored({ domain: ctx.host }, 'Domain equal to an IP host is treated as host-only, so the prefix check passes.');
    return { chromium: kept, firefox: kept };
  }
  if (ctx.host === 'localhost') {
    return {
      chromium: rejected('InvalidPrefix'),
      firefox: stored({ domain: 'localhost' }, 'Firefox treats Domain=localhost as host-only.'),
    };
  }
  return { chromium: rejected('InvalidPrefix'), firefox: rejected('InvalidPrefix') };
}

export const prefixRoutes: RouteSpec[] = [
  {
    path: '/prefixes',
    scenario: 'prefixes',
    title: 'Cookie name prefixes',
    group: 'Prefixes',
    summary: '__Host- and __Secure- cookies that follow and break the prefix rules.',
    notes: [
      'A __Host- cookie with a Domain attribute is refused only when the Domain is a host name; see /domain/loose for a case both browsers refuse.',
    ],
    cookies: (ctx) => {
      const badDomain = hostWithDomain(ctx);
      const refused = badDomain.chromium.result === 'rejected';
      return [
        cookie('prefixes/host-ok', '__Host-ok', '__Host-ok=1; Secure; Path=/; HttpOnly; SameSite=Lax', {
          browsers: stored({ domain: ctx.host, path: '/', secure: true }),
        }),
        cookie(
          'prefixes/host-bad-domain',
          '__Host-bad-domain',
          `__Host-bad-domain=1; Secure; Path=/; Domain=${ctx.host}; HttpOnly; SameSite=Lax`,
          {
            browsers: badDomain,
            findings: refused ? ['prefix-violation', 'rejected'] : ['prefix-violation'],
          },
        ),
        cookie('prefixes/host-bad-path', '__Host-bad-path', '__Host-bad-path=1; Secure; Path=/x; HttpOnly; SameSite=Lax', {
          browsers: rejected('InvalidPrefix'),
          findings: ['prefix-violation', 'rejected'],
        }),
        cookie('prefixes/secure-ok', '__Secure-ok', '__Secure-ok=1; Secure; Path=/; HttpOnly; SameSite=Lax', {
          browsers: stored({ secure: true }),
        }),
        cookie('prefixes/secure-bad', '__Secure-bad', '__Secure-bad=1; Path=/; HttpOnly; SameSite=Lax', {
          browsers: rejected('InvalidPrefix'),
          findings: ['prefix-violation', 'missing-secure', 'rejected'],
        }),
        cookie('prefixes/host-lower-case', '__host-lower', '__host-lower=1; Path=/; HttpOnly; SameSite=Lax', {
          browsers: rejected('InvalidPrefix'),
          findings: ['prefix-violation', 'missing-secure', 'rejected'],
          note: 'Prefixes match case-insensitively in current browsers.',
        }),
      ];
    },
  },
];

const SIZES = 'Sizes';

export const sizeRoutes: RouteSpec[] = [
  {
    path: '/size/near',
    scenario: 'size-near',
    title: 'Cookie near the 4096-byte limit',
    group: SIZES,
    summary: 'Name and value together are 4000 bytes: accepted.',
    cookies: () => [
      cookie('size/near', 'big_near', `big_near=${'a'.repeat(4000 - 8)}; ${BASE}`, {
        browsers: stored(),
        findings: ['oversize'],
        note: 'Accepted; within 96 bytes of the limit, so a reviewer flags it as nearly oversize.',
      }),
    ],
  },
  {
    path: '/size/over',
    scenario: 'size-over',
    title: 'Cookie over the 4096-byte limit',
    group: SIZES,
    summary: 'Name and value together are 4097 bytes: refused.',
    cookies: () => [
      cookie('size/over', 'big_over', `big_over=${'b'.repeat(4097 - 8)}; ${BASE}`, {
        browsers: rejected('NameValuePairExceedsMaxSize'),
        findings: ['oversize', 'rejected'],
      }),
    ],
  },
  {
    path: '/size/attribute',
    scenario: 'size-attribute',
    title: 'Attribute values over 1024 bytes',
    group: SIZES,
    summary: 'A Path and a Domain longer than 1024 bytes are ignored; the cookies are still stored.',
    cookies: (ctx) => [
      cookie('size/attribute-path', 'attr_big_path', `attr_big_path=1; Path=/${'p'.repeat(1100)}; Secure; HttpOnly; SameSite=Lax`, {
        browsers: stored({ path: '/size' }),
        findings: ['attribute-oversize'],
        note: 'Path ignored: the default path of /size/attribute is /size.',
      }),
      cookie('size/attribute-domain', 'attr_big_domain', `attr_big_domain=1; Domain=${'d'.repeat(1100)}.${ctx.host}; ${BASE}`, {
        browsers: stored({ domain: ctx.host }),
        findings: ['attribute-oversize'],
        note: 'Domain ignored: the cookie is host-only.',
      }),
    ],
  },
];
