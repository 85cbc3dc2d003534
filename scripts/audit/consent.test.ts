import { describe, expect, test } from 'vitest';
import { ACCEPT_TEXTS, CONSENT_PLATFORMS, consentPurpose } from './consent';

describe('the consent platforms list', () => {
  test('every platform has a selector; accept texts are normalised (lower case, single spaces) as the page side compares them', () => {
    for (const p of CONSENT_PLATFORMS) expect(p.selectors.length, p.name).toBeGreaterThan(0);
    for (const t of ACCEPT_TEXTS) expect(t).toBe(t.toLowerCase().replace(/\s+/g, ' ').trim());
  });
});

describe("consentPurpose: the extension's classification", () => {
  const purpose = consentPurpose(new Set(['example.com']));
  test.each([
    ['_ga', 'example.com', 'analytics'],
    ['_ga_ABC123', '.example.com', 'analytics'],
    ['_gid', 'example.com', 'analytics'],
    ['_fbp', 'facebook.com', 'marketing'],
    ['_gcl_au', 'example.com', 'marketing'],
    ['euconsent-v2', 'example.com', 'necessary'],
    ['PHPSESSID', 'example.com', 'necessary'],
    ['zz-unheard-of', 'example.com', 'unknown'],
  ])('%s on %s → %s', (name, domain, want) => {
    expect(purpose({ name, domain, path: '/' })).toBe(want);
  });
});
