import { expect, test } from 'vitest';
import type { CookiePurpose } from '../model/purpose';
import { summarisePurposes, trackingPlatforms } from './purpose-summary';

const db = (category: CookiePurpose['category'], platform: string): CookiePurpose => ({
  category,
  source: 'open-cookie-database',
  platform,
});

test('counts by category, platforms by cookies, third parties by domain', () => {
  const s = summarisePurposes([
    { purpose: db('analytics', 'Google Analytics'), thirdParty: false, registrableDomain: 'example.com' },
    { purpose: db('analytics', 'Google Analytics'), thirdParty: false, registrableDomain: 'example.com' },
    { purpose: db('marketing', 'Facebook'), thirdParty: true, registrableDomain: 'facebook.com' },
    { purpose: db('necessary', 'Cloudflare'), thirdParty: true, registrableDomain: 'cdn.example.net' },
    { purpose: { category: 'necessary', source: 'rule', rule: 'session identifier' }, thirdParty: false, registrableDomain: 'example.com' },
    { purpose: { category: 'unknown', source: 'unknown' }, thirdParty: null, registrableDomain: 'example.org' },
  ]);
  expect(s.counts).toEqual({ necessary: 2, personalization: 0, analytics: 2, marketing: 1, unknown: 1 });
  expect(s.platforms.map((p) => [p.name, p.cookies, p.thirdParty])).toEqual([
    ['Google Analytics', 2, false],
    ['Cloudflare', 1, true],
    ['Facebook', 1, true],
  ]);
  expect(s.thirdParties).toEqual([
    { domain: 'cdn.example.net', cookies: 1, categories: ['necessary'], platforms: ['Cloudflare'] },
    { domain: 'facebook.com', cookies: 1, categories: ['marketing'], platforms: ['Facebook'] },
  ]);
  expect(trackingPlatforms(s)).toEqual(['Google Analytics', 'Facebook']);
  expect(trackingPlatforms(s, true)).toEqual(['Facebook']);
});

test('no cookies, nothing counted', () => {
  expect(summarisePurposes([])).toEqual({
    counts: { necessary: 0, personalization: 0, analytics: 0, marketing: 0, unknown: 0 },
    platforms: [],
    thirdParties: [],
  });
});
