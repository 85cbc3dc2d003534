/**
 * Fixed-seed sample of the differential tester (tests/site/difftest): generated Set-Cookie lines
 * sent to real Chromium and Firefox ESR, their jars and Cookie headers compared with CookieJar.
 * Long campaigns: `npm run diff:browsers -- --cases N --seed S --browser chromium|firefox`.
 */
import { describe, expect, test } from 'vitest';
import { type DiffBrowser, runCampaign } from '../site/difftest/run';

const SEED = 20261206;
const CASES = 100;

/**
 * Disagreements of this sample not yet fixed in the model, by case index; each is described in
 * docs/SET-COOKIE.md. The test fails on a new one and on a listed one that no longer disagrees.
 */
const KNOWN: Record<DiffBrowser, number[]> = {
  chromium: [],
  firefox: [],
};

const browsers = (process.env['E2E_BROWSERS'] ?? 'chromium,firefox').split(',').map((s) => s.trim()) as DiffBrowser[];

describe.each(browsers)('Set-Cookie model vs %s (seed %s)', (browser) => {
  test(`${CASES} generated cases agree with the browser's jar and Cookie header`, async () => {
    const result = await runCampaign({ browser, seed: SEED, cases: CASES, shrink: false });
    const found = [...result.disagreements, ...result.errors];
    const indices = found.map((t) => Number(/case (\d+)/.exec(t)?.[1]));
    const unexpected = found.filter((_, i) => !KNOWN[browser].includes(indices[i] ?? -1));
    expect(unexpected.join('\n\n')).toBe('');
    expect(indices.sort((a, b) => a - b)).toEqual(KNOWN[browser]);
    expect(result.ran).toBe(CASES);
  }, 300_000);
});
