/**
 * Fixed-seed sample of the differential tester (tests/site/difftest): generated Set-Cookie lines
 * sent to real Chromium and Firefox ESR, their jars and Cookie headers compared with CookieJar.
 * Long campaigns: `npm run diff:browsers -- --cases N --seed S --browser chromium|firefox`.
 */
import { describe, expect, test } from 'vitest';
import { type DiffBrowser, runCampaign } from '../site/difftest/run';

const SEED = 20261206;
const CASES = 100;

const browsers = (process.env['E2E_BROWSERS'] ?? 'chromium,firefox').split(',').map((s) => s.trim()) as DiffBrowser[];

describe.each(browsers)(`Set-Cookie model vs %s (seed ${SEED})`, (browser) => {
  test(`${CASES} generated cases agree with the browser's jar and Cookie header`, async () => {
    const result = await runCampaign({ browser, seed: SEED, cases: CASES, shrink: false });
    // Each disagreement is printed with both sides; shrink one with `npm run diff:browsers -- --seed S --from I --cases 1 --browser B`.
    expect([...result.disagreements, ...result.errors].join('\n\n')).toBe('');
    expect(result.ran).toBe(CASES);
  }, 300_000);
});
