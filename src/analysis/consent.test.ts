import { describe, expect, test } from 'vitest';
import { setAfter, trackingBeforeConsent, type ConsentPurpose, type CookieRef } from './consent';

const c = (name: string, domain = 'example.com', path = '/'): CookieRef => ({ name, domain, path });
const purposes: Record<string, ConsentPurpose> = { _ga: 'analytics', _fbp: 'marketing', sid: 'necessary', theme: 'personalization' };
const lookup = (x: CookieRef): ConsentPurpose => purposes[x.name] ?? 'unknown';

describe('trackingBeforeConsent', () => {
  test('analytics and marketing cookies set before any interaction, nothing else', () => {
    const found = trackingBeforeConsent([c('_ga'), c('sid'), c('theme'), c('mystery'), c('_fbp', 'ads.test')], lookup);
    expect(found.map((f) => [f.cookie.name, f.purpose, f.severity, f.id])).toEqual([
      ['_ga', 'analytics', 'low', 'tracking-before-consent'],
      ['_fbp', 'marketing', 'low', 'tracking-before-consent'],
    ]);
    expect(found[0]!.message).toContain('_ga');
  });

  test('nothing before interaction, nothing found', () => {
    expect(trackingBeforeConsent([], lookup)).toEqual([]);
  });
});

describe('setAfter', () => {
  test('cookies that appeared after consent, by name, domain and path', () => {
    expect(setAfter([c('a'), c('b')], [c('a'), c('b', 'other.test'), c('c')])).toEqual([c('b', 'other.test'), c('c')]);
  });
});
