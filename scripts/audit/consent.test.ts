import { describe, expect, test } from 'vitest';
import { ACCEPT_TEXTS, CONSENT_PLATFORMS, knownPurpose } from './consent';

describe('the consent platforms list', () => {
  test('every platform has a selector; accept texts are normalised (lower case, single spaces) as the page side compares them', () => {
    for (const p of CONSENT_PLATFORMS) expect(p.selectors.length, p.name).toBeGreaterThan(0);
    for (const t of ACCEPT_TEXTS) expect(t).toBe(t.toLowerCase().replace(/\s+/g, ' ').trim());
  });
});

describe('knownPurpose', () => {
  test.each([
    ['_ga', 'analytics'],
    ['_ga_ABC123', 'analytics'],
    ['_gid', 'analytics'],
    ['_fbp', 'marketing'],
    ['_gcl_au', 'marketing'],
    ['sid', 'unknown'],
    ['_gallery', 'unknown'],
  ])('%s → %s', (name, purpose) => {
    expect(knownPurpose({ name, domain: 'example.com', path: '/' })).toBe(purpose);
  });
});
