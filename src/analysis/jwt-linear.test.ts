import { expect, test } from 'vitest';
import { detectJwt } from './jwt';

/**
 * Hostile cookie values must cost time linear in their length: the time for an input 8× longer
 * is compared with the shorter one's in the same run (a quadratic scan is 64× slower).
 */
function fastest(run: () => void, times = 5): number {
  let best = Infinity;
  for (let i = 0; i < times; i++) {
    const t = performance.now();
    run();
    best = Math.min(best, performance.now() - t);
  }
  return Math.max(best, 0.01);
}

test.each([
  ['eyJ repeated, no dot', (n: number) => `x.${'eyJ'.repeat(n)}`],
  ['eyJ then one dot, repeated', (n: number) => `x${'eyJa.'.repeat(n)}`],
  ['eyJ.. repeated', (n: number) => `x${'eyJ..'.repeat(n)}`],
  ['url-encoded eyJ', (n: number) => `%2E${'eyJ%2E'.repeat(n)}`],
])('%s: linear in the value length', (_name, make) => {
  const small = make(2_000);
  const large = make(16_000);
  for (let i = 0; i < 3; i++) {
    detectJwt(small);
    detectJwt(large);
  }
  // A pause (GC, another process) inflates one measurement; a quadratic cost inflates every one.
  let ratio = Infinity;
  for (let attempt = 0; attempt < 3 && ratio >= 24; attempt++) {
    ratio = Math.min(ratio, fastest(() => detectJwt(large)) / fastest(() => detectJwt(small)));
  }
  expect(ratio).toBeLessThan(24);
});

test('embedded tokens are still found after a false start', () => {
  const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJib2IifQ.c2ln';
  expect(detectJwt(`s:eyJnope.${jwt}`)?.encoding).toBe('embedded');
  expect(detectJwt(`eyJ.x ${jwt}`)?.header['alg']).toBe('HS256');
});
