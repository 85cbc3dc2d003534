/**
 * Hostile input for evaluateSetCookie and the jar: binary, lone surrogates, control characters,
 * thousands of ";", repeated and oversize attributes, broken URLs. The properties are "never
 * throws" and "the result is well-formed". A fixed seed keeps CI reproducible; on failure
 * fast-check prints the seed and the shrunk counterexample to replay.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { KNOWN_COOKIE_ATTRIBUTES, SET_COOKIE_REJECT_REASONS, SET_COOKIE_WARNINGS } from '../model/set-cookie';
import { CookieJar } from './cookie-jar';
import { MAX_COOKIE_AGE_MS, evaluateSetCookie, type SetCookieEvaluation } from './set-cookie';
import { utf8Length } from './size';

const SEED = 0x5e7c00c1;
const RUNS = 100_000;

const REASONS = new Set<string>(SET_COOKIE_REJECT_REASONS);
const WARNINGS = new Set<string>([
  ...SET_COOKIE_WARNINGS,
  ...KNOWN_COOKIE_ATTRIBUTES.flatMap((a) => [`AttributeValueExceedsMaxSize:${a}`, `AttributeDuplicated:${a}`]),
]);
const SAME_SITE = new Set(['strict', 'lax', 'none', 'unspecified']);
const COOKIE_KEYS = ['domain', 'expires', 'hostOnly', 'httpOnly', 'name', 'partitioned', 'path', 'sameSite', 'secure', 'value'];

/** Throws with a precise message when the result is not what the contract promises. */
function assertWellFormed(r: SetCookieEvaluation, nowMs: number): void {
  if (r.accepted === true) {
    const c = r.cookie;
    if (Object.keys(c).sort().join() !== COOKIE_KEYS.join()) throw new Error(`cookie keys ${Object.keys(c)}`);
    for (const k of ['name', 'value', 'domain', 'path'] as const) {
      if (typeof c[k] !== 'string') throw new Error(`${k} is not a string`);
    }
    for (const k of ['hostOnly', 'secure', 'httpOnly', 'partitioned'] as const) {
      if (typeof c[k] !== 'boolean') throw new Error(`${k} is not a boolean`);
    }
    if (!SAME_SITE.has(c.sameSite)) throw new Error(`sameSite ${c.sameSite}`);
    if (c.expires !== null && !Number.isFinite(c.expires)) throw new Error(`expires ${c.expires}`);
    if (c.expires !== null && c.expires > nowMs + MAX_COOKIE_AGE_MS) throw new Error('expiry not clamped');
    const req = r.detail.requestedExpires;
    if (req !== null && !Number.isFinite(req)) throw new Error(`requestedExpires ${req}`);
    if (c.domain === '' || c.path[0] !== '/') throw new Error(`scope ${c.domain} ${c.path}`);
    if (c.name === '' && c.value === '') throw new Error('empty cookie accepted');
    if (utf8Length(c.name) + utf8Length(c.value) > 4096) throw new Error('oversize cookie accepted');
    // eslint-disable-next-line no-control-regex -- asserting that no control character got through
    if (/[\x00-\x1f\x7f]/.test(c.name + c.value)) throw new Error('control character accepted');
    if (!Array.isArray(r.warnings)) throw new Error('warnings not an array');
    for (const w of r.warnings) if (!WARNINGS.has(w)) throw new Error(`unknown warning ${w}`);
  } else if (r.accepted === false) {
    if (!REASONS.has(r.reason)) throw new Error(`unknown reason ${String(r.reason)}`);
    if (r.detail !== undefined && typeof r.detail !== 'string') throw new Error('detail not a string');
  } else {
    throw new Error('accepted is not a boolean');
  }
}

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));
const control = fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c));
const attrName = fc.constantFrom(
  'Expires',
  'expires',
  'MAX-AGE',
  'Max-Age',
  'Domain',
  'domain',
  'Path',
  'path',
  'Secure',
  'secure',
  'HttpOnly',
  'SameSite',
  'samesite',
  'Partitioned',
  'Priority',
  'Version',
  'Comment',
  'x',
  '',
);
const attrValue = fc.oneof(
  fc.constantFrom(
    'Sun, 06 Nov 1994 08:49:37 GMT',
    'Fri, 07 Aug 9999 08:04:19 GMT',
    '31 Feb 2020 00:00:00',
    '0',
    '-1',
    '60',
    '99999999999999999999999999',
    '-99999999999999999999',
    '1.5',
    '.example.com',
    'example.com',
    'com',
    '',
    '.',
    '/',
    '/a/b',
    'relative',
    'Lax',
    'None',
    'Strict',
    'bogus',
    'b\u00fccher.de',
    '127.0.0.1',
    '[::1]',
    'localhost',
  ),
  fc.string({ maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 10 }),
);
const fragment = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(';', '=', ' ', '\t', ';;', '; ', '"', ',', '__Secure-', '__Host-', '__host-') },
  { weight: 6, arbitrary: fc.tuple(attrName, attrValue).map(([n, v]) => `; ${n}=${v}`) },
  { weight: 3, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
  { weight: 1, arbitrary: loneSurrogate },
  { weight: 1, arbitrary: control },
  { weight: 1, arbitrary: fc.constantFrom('\u0000', '\r', '\n', '\u007f', '\ufeff', '\u2028') },
);
const cookieName = fc.oneof(
  fc.constantFrom('sid', 'SID', '__Secure-id', '__Host-id', '__host-ID', '', ' a ', 'a b', '$Version'),
  fc.string({ maxLength: 8 }),
);
const attribute = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(attrName, attrValue).map(([n, v]) => `; ${n}=${v}`) },
  { weight: 2, arbitrary: attrName.map((n) => `;${n}`) },
  { weight: 1, arbitrary: fragment },
);
const header = fc.oneof(
  {
    weight: 10,
    // Mostly well-shaped lines with hostile attribute lists, so the storage-model checks run.
    arbitrary: fc
      .tuple(cookieName, fc.constantFrom('=', '=', '=', ''), fc.string({ maxLength: 16 }), fc.array(attribute, { maxLength: 8 }))
      .map(([n, eq, v, attrs]) => n + eq + v + attrs.join('')),
  },
  { weight: 6, arbitrary: fc.array(fragment, { maxLength: 12 }).map((parts) => parts.join('')) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 60 }) },
  {
    weight: 1,
    // Large inputs: a piece repeated up to a few thousand times (x, ";", attributes, emoji…).
    arbitrary: fc
      .tuple(fc.constantFrom('x', ';', '; Path=/', '; Domain=a', '\ud83c\udf6a', '\ud800', '=', ' '), fc.integer({ min: 1, max: 6000 }))
      .map(([piece, n]) => `k=v${piece.repeat(n)}`),
  },
);
const url = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.constantFrom(
      'https://www.example.com/a/b',
      'http://www.example.com/',
      'http://localhost:3000/x',
      'http://127.0.0.1/',
      'http://[::1]/',
      'https://[2001:db8::1]:8443/p',
      'https://github.io/',
      'https://user.github.io/x',
      'wss://example.com/s',
      'ws://example.com/s',
      'http://xn--bcher-kva.de/',
      'https://example.co.uk/',
      'file:///etc/passwd',
      'data:,x',
      'about:blank',
      'javascript:alert(1)',
      'http://',
      '',
      'not a url',
      'http://exa mple.com/',
      'http://0x7f.1/',
      'http://a.localhost/',
      'https://example.com./',
    ),
  },
  { weight: 3, arbitrary: fc.webUrl() },
  { weight: 1, arbitrary: fc.string({ maxLength: 30 }) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom('http://', 'https://'), fc.string({ unit: 'binary', maxLength: 15 }))
      .map(([scheme, host]) => scheme + host),
  },
);
const now = fc.oneof(
  { weight: 10, arbitrary: fc.integer({ min: 0, max: 4_102_444_800_000 }).map((ms) => new Date(ms)) },
  { weight: 1, arbitrary: fc.date() },
  { weight: 1, arbitrary: fc.constant(new Date(NaN)) },
);

const context = fc.tuple(fc.constantFrom(undefined, 'same-site', 'cross-site', 'cross-site-navigation' as const), fc.boolean());

describe('evaluateSetCookie under fuzzing', () => {
  test(`${RUNS.toLocaleString('en')} hostile headers: never throws, always well-formed (seed ${SEED})`, () => {
    fc.assert(
      fc.property(header, url, now, context, (h, u, d, [sameSiteContext, nonHttp]) => {
        const r = evaluateSetCookie(h, u, sameSiteContext ? { now: d, nonHttp, sameSiteContext } : { now: d, nonHttp });
        const nowMs = Number.isFinite(d.getTime()) ? d.getTime() : Date.now();
        assertWellFormed(r, nowMs);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  test('the jar survives the same input (seed in the test name)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(header, url), { maxLength: 8 }), url, (lines, getUrl) => {
        const jar = new CookieJar();
        const t = Date.UTC(2026, 0, 1);
        for (const [h, u] of lines) jar.apply(h, u, t);
        expect(typeof jar.cookieHeader(getUrl, t)).toBe('string');
      }),
      { seed: SEED, numRuns: 5_000 },
    );
  });
});
