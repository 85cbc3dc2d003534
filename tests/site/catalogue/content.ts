/** Cookie contents: JWTs, hostile payloads, malformed lines. */
import type { RouteSpec } from '../types';
import { demoTokens } from '../jwt';
import { BASE, cookie, deleted, rejected, secureOnHttps, stored, whenHttp } from './helpers';

export const jwtRoutes: RouteSpec[] = [
  {
    path: '/jwt',
    scenario: 'jwt',
    title: 'JSON Web Tokens in cookies',
    group: 'Contents',
    summary: 'A valid HS256 token, an unsigned (alg none) one, an expired one and one valid for two years.',
    notes: ['Claims are relative to the response time: iat = now, exp = now + 1 h / now − 1 h / now + 730 days.'],
    cookies: (ctx) => {
      const t = demoTokens(ctx.now);
      return [
        cookie('jwt/valid', 'token', `token=${t.valid}; Path=/; HttpOnly; SameSite=Lax${secureOnHttps(ctx)}`, {
          browsers: stored({ value: t.valid }),
          findings: whenHttp(ctx, 'missing-secure', 'session-id-not-secure'),
          note: 'Session-ish name; Secure only on https.',
        }),
        cookie('jwt/alg-none', 'jwt_none', `jwt_none=${t.none}; ${BASE}`, { browsers: stored(), findings: ['jwt-alg-none'] }),
        cookie('jwt/expired', 'jwt_expired', `jwt_expired=${t.expired}; ${BASE}`, { browsers: stored(), findings: ['jwt-expired'] }),
        cookie('jwt/long-lived', 'jwt_long', `jwt_long=${t.longLived}; ${BASE}`, { browsers: stored(), findings: ['jwt-long-lived'] }),
      ];
    },
  },
];

const HOSTILE_NOTE = 'Stored verbatim by Chromium and Firefox: a UI that renders it as HTML runs the payload.';

/** Payloads both browsers store (verified with browser-check.ts); the page escapes them. */
export const hostileRoutes: RouteSpec[] = [
  {
    path: '/hostile',
    scenario: 'hostile',
    title: 'Hostile cookie names and values',
    group: 'Contents',
    summary: 'HTML/script payloads in values and names, CSV formulas, a javascript: URL and non-ASCII text.',
    notes: [
      'The raw HTML payloads contain no ";" and so survive the cookie parser; spaces, "," and quotes inside a value are kept by both browsers.',
      'The non-ASCII value is sent as UTF-8 bytes.',
    ],
    cookies: () => {
      const h = (id: string, name: string, value: string) =>
        cookie(`hostile/${id}`, name, `${name}=${value}; ${BASE}`, { browsers: stored({ name, value }), note: HOSTILE_NOTE });
      return [
        h('script-encoded', 'xss_enc', '%3Cscript%3Ealert(1)%3C%2Fscript%3E'),
        h('svg', 'xss_svg', '<svg/onload=alert(1)>'),
        h('img', 'xss_img', '<img src=x onerror=alert(1)>'),
        h('quote-break', 'xss_quote', '"><script>alert(1)</script>'),
        h('javascript-url', 'xss_url', 'javascript:alert(1)'),
        h('name-bold', '<b>name</b>', '1'),
        h('name-script', '<script>alert(2)</script>', '1'),
        h('csv-dde', 'csv_cmd', "=cmd|'/C calc'!A0"),
        h('csv-hyperlink', 'csv_link', '=HYPERLINK("http://x","y")'),
        h('csv-sum', 'csv_sum', '@SUM(1+1)'),
        h('unicode', 'utf8_value', 'café ☕'),
      ];
    },
  },
];

export const malformedRoutes: RouteSpec[] = [
  {
    path: '/malformed',
    scenario: 'malformed',
    title: 'Malformed but survivable Set-Cookie lines',
    group: 'Contents',
    summary: 'Odd attributes, duplicates, spacing, nameless and value-less cookies, a tab and empty lines.',
    cookies: () => [
      cookie('malformed/flag-with-value', 'mal_flag', 'mal_flag=1; Path=/; Secure; HttpOnly=yes; SameSite=Lax', {
        browsers: stored({ httpOnly: true }),
        note: 'A value on a flag attribute is ignored; the flag counts.',
      }),
      cookie('malformed/attributes-without-value', 'mal_novalue', 'mal_novalue=1; Path; Max-Age; Secure; HttpOnly; SameSite=Lax', {
        browsers: stored({ path: '/', expires: 'session' }),
        note: 'Path and Max-Age without values are ignored.',
      }),
      cookie(
        'malformed/duplicates',
        'mal_dup',
        'mal_dup=1; Path=/nowhere; Path=/; Max-Age=60; Max-Age=120; Secure; HttpOnly; SameSite=Lax',
        {
          browsers: stored({ path: '/', expires: 120 }),
          note: 'The last of each duplicated attribute wins.',
        },
      ),
      cookie('malformed/spacing', 'mal_space', 'mal_space  =  spaced value  ;  Path = /  ;  Secure ;  HttpOnly ;SameSite=Lax', {
        browsers: stored({ name: 'mal_space', value: 'spaced value', path: '/' }),
        note: 'Whitespace around names, values and attributes is trimmed; inner spaces stay.',
      }),
      cookie('malformed/secure-false', 'mal_secure_false', 'mal_secure_false=1; Path=/; Secure=false; HttpOnly; SameSite=Lax', {
        browsers: stored({ secure: true }),
        note: '"Secure=false" still sets Secure.',
      }),
      cookie('malformed/case', 'mal_case', 'mal_case=1; path=/; SECURE; httponly; samesite=lax; max-age=60', {
        browsers: stored({ secure: true, httpOnly: true, sameSite: 'lax', expires: 60 }),
        note: 'Attribute names are case-insensitive.',
      }),
      cookie('malformed/bad-expires', 'mal_expires_bad', `mal_expires_bad=1; Expires=not a date; ${BASE}`, {
        browsers: stored({ expires: 'session' }),
      }),
      cookie('malformed/bad-max-age', 'mal_maxage_bad', `mal_maxage_bad=1; Max-Age=soon; ${BASE}`, {
        browsers: stored({ expires: 'session' }),
      }),
      cookie('malformed/negative-max-age', 'mal_maxage_neg', `mal_maxage_neg=1; Max-Age=-1; ${BASE}`, {
        browsers: deleted('Already expired: nothing is stored.'),
      }),
      cookie('malformed/empty-value', 'mal_empty', `mal_empty=; ${BASE}`, { browsers: stored({ value: '' }) }),
      cookie('malformed/nameless', '', '=nameless; Path=/malformed/nameless; Secure; HttpOnly; SameSite=Lax', {
        browsers: {
          chromium: stored({ name: '', value: 'nameless', path: '/malformed/nameless' }),
          firefox: rejected('NoCookieContent', 'Firefox refuses "=value" with an empty name.'),
        },
        findings: ['rejected'],
      }),
      cookie('malformed/no-equals', '', 'bare_token; Path=/malformed/bare; Secure; HttpOnly; SameSite=Lax', {
        browsers: {
          chromium: stored({ name: '', value: 'bare_token', path: '/malformed/bare' }),
          firefox: stored({ name: 'bare_token', value: '', path: '/malformed/bare' }),
        },
        note: 'No "=": Chromium reads it as a value with an empty name, Firefox as a name with an empty value.',
      }),
      cookie('malformed/equals-only', '', '=; Path=/', { browsers: rejected('NoCookieContent'), findings: ['rejected'] }),
      cookie('malformed/blank', '', '', { browsers: rejected('NoCookieContent'), findings: ['rejected'] }),
      cookie('malformed/tab-in-value', 'mal_tab', `mal_tab=a\tb; ${BASE}`, {
        browsers: { chromium: rejected('DisallowedCharacter'), firefox: stored({ value: 'a\tb' }) },
        findings: ['rejected'],
        note: 'Chromium refuses a horizontal tab inside the value; Firefox keeps it.',
      }),
    ],
  },
  {
    path: '/malformed/raw',
    scenario: 'malformed-raw',
    title: 'Control characters (raw response)',
    group: 'Contents',
    summary: 'Set-Cookie lines with control characters, written byte for byte because Node refuses them.',
    raw: true,
    notes: ['A NUL byte is left out: Chromium then fails the whole response (ERR_INVALID_HTTP_RESPONSE).'],
    cookies: () => [
      cookie('malformed-raw/ctl-in-value', 'ctl_value', `ctl_value=a\x01b; ${BASE}`, {
        browsers: rejected('DisallowedCharacter'),
        findings: ['rejected'],
      }),
      cookie('malformed-raw/del-in-value', 'ctl_del', `ctl_del=a\x7fb; ${BASE}`, {
        browsers: rejected('DisallowedCharacter'),
        findings: ['rejected'],
      }),
      cookie('malformed-raw/ctl-in-name', 'ctl_name\x02', `ctl_name\x02=1; ${BASE}`, {
        browsers: rejected('DisallowedCharacter'),
        findings: ['rejected'],
      }),
      cookie('malformed-raw/ok', 'raw_ok', `raw_ok=1; ${BASE}`, { browsers: stored() }),
    ],
  },
];
