/**
 * Hostile input must cost work proportional to its size. Each family below is a shape a page can
 * send (thousands of ';', '=', quotes, repeated attributes, 'eyJ' runs, long whitespace); the time
 * for an input 8× larger is compared with the smaller one's, measured in the same run (linear: ≈8,
 * quadratic: ≈64). Random inputs built from the same fragments must never throw. Fixed seed.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { authorizationScheme, cookieNamesOf } from './headers';
import { detectJwt } from '../../analysis/jwt';
import { evaluateSetCookieAt } from '../../analysis/set-cookie';

const SEED = 0x2200c0de;
const NOW = Date.UTC(2026, 0, 1);
const URL_ = 'https://shop.example/a/b';
const MAX_RATIO = 24;

function fastest(run: () => void, times = 5): number {
  let best = Infinity;
  for (let i = 0; i < times; i++) {
    const t = performance.now();
    run();
    best = Math.min(best, performance.now() - t);
  }
  return Math.max(best, 0.02);
}

/** Time ratio of `work` on size 8n against size n. */
function growth(make: (n: number) => string, work: (input: string) => unknown, n = 4_000): number {
  const small = make(n);
  const large = make(n * 8);
  // Warm the JIT on this shape first: a cold first call would count compile time against one size.
  for (let i = 0; i < 3; i++) {
    work(small);
    work(large);
  }
  // A pause (GC, another process) inflates one measurement; a quadratic cost inflates every one.
  let ratio = Infinity;
  for (let attempt = 0; attempt < 3 && ratio >= MAX_RATIO; attempt++) {
    ratio = Math.min(ratio, fastest(() => work(large)) / fastest(() => work(small)));
  }
  return ratio;
}

const setCookieFamilies: Array<[string, (n: number) => string]> = [
  ['many semicolons', (n) => `a=b${';'.repeat(n)}`],
  ['many equals in the value', (n) => `a=${'='.repeat(n)}`],
  ['many quotes', (n) => `a="${'"'.repeat(n)}`],
  ['repeated attributes', (n) => `a=b${'; Path=/x'.repeat(n / 8)}`],
  ['repeated Expires', (n) => `a=b${'; Expires=Wed, 21 Oct 2099 07:28:00 GMT'.repeat(n / 32)}`],
  ['long date tokens', (n) => `a=b; Expires=${'1 '.repeat(n)}`],
  ['whitespace runs', (n) => `a${' '.repeat(n)}=${' '.repeat(n)}b${' '.repeat(n)}`],
  ['nameless with controls', (n) => `${'\u0001x'.repeat(n)}`],
];

describe('Set-Cookie lines: time grows linearly with the line', () => {
  test.each(setCookieFamilies)('%s', (_name, make) => {
    expect(growth(make, (line) => evaluateSetCookieAt(line, URL_, NOW, { engine: 'chromium' }))).toBeLessThan(MAX_RATIO);
    expect(growth(make, (line) => evaluateSetCookieAt(line, URL_, NOW, { engine: 'firefox' }))).toBeLessThan(MAX_RATIO);
  });
});

describe('cookie values: JWT detection grows linearly with the value', () => {
  test.each<[string, (n: number) => string]>([
    ['eyJ runs', (n) => 'eyJ'.repeat(n)],
    ['eyJ and dots', (n) => `.${'eyJ.'.repeat(n)}`],
    ['almost a token', (n) => `${'eyJhbGciOiJIUzI1NiJ9.'.repeat(n / 8)}x`],
    ['percent-encoded', (n) => `${'%2EeyJ'.repeat(n)}%`],
    ['quoted bearer', (n) => `"Bearer ${'eyJ.a'.repeat(n)}"`],
  ])('%s', (_name, make) => {
    expect(growth(make, detectJwt)).toBeLessThan(MAX_RATIO);
  });
});

describe('request headers: time grows linearly with the header', () => {
  test.each<[string, (n: number) => string, (h: string) => unknown]>([
    ['Cookie: many pairs', (n) => 'a=1; '.repeat(n), cookieNamesOf],
    ['Cookie: many semicolons', (n) => ';'.repeat(n), cookieNamesOf],
    ['Authorization: long token then spaces', (n) => `${'A'.repeat(n)}${' '.repeat(n)}`, authorizationScheme],
    ['Authorization: spaces only', (n) => ' '.repeat(n), authorizationScheme],
  ])('%s', (_name, make, work) => {
    expect(growth(make, work)).toBeLessThan(MAX_RATIO);
  });
});

const FRAGMENTS = ['eyJ', '.', '%2E', '%', 'a', '=', ';', '"', ' ', '\t', 'Bearer ', 'Path=/', '\u0000', '\ud800', 'é', 'Expires=', ','];
const hostile = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 400 }).map((parts) => parts.join(''));
const anything = fc.oneof(hostile, fc.string({ unit: 'binary', maxLength: 400 }));

describe('random hostile input never throws and keeps the contracts', () => {
  test('Set-Cookie evaluation', () => {
    fc.assert(
      fc.property(anything, (line) => {
        const r = evaluateSetCookieAt(line, URL_, NOW, { engine: 'chromium' });
        return typeof r.accepted === 'boolean';
      }),
      { seed: SEED, numRuns: 5_000 },
    );
  });

  test('JWT detection', () => {
    fc.assert(
      fc.property(anything, (value) => {
        const jwt = detectJwt(value);
        return jwt === null || typeof jwt.header === 'object';
      }),
      { seed: SEED, numRuns: 5_000 },
    );
  });

  test('Authorization keeps only a short scheme that credentials follow, never a bare token', () => {
    fc.assert(
      fc.property(anything, fc.string({ maxLength: 60 }), (credentials, first) => {
        for (const header of [credentials, first, `${first} ${credentials}`]) {
          const scheme = authorizationScheme(header);
          if (scheme === '') continue;
          if (scheme.length > 24 || !/^[A-Za-z][A-Za-z0-9!#$%&'*+.^_`|~-]*$/.test(scheme)) return false;
          if (!header.trim().startsWith(`${scheme} `)) return false;
        }
        return authorizationScheme(first.trim().split(/\s/)[0] ?? '') === '';
      }),
      { seed: SEED, numRuns: 5_000 },
    );
  });

  test('Cookie names: one per non-empty pair, each a substring of the header', () => {
    fc.assert(
      fc.property(anything, (header) => cookieNamesOf(header).every((n) => header.includes(n))),
      { seed: SEED, numRuns: 5_000 },
    );
  });
});
