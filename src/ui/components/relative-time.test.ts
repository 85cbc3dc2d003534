import { describe, expect, test } from 'vitest';
import { formatAbsolute, formatRelative, relativeParts } from './relative-time';

const NOW = Date.UTC(2026, 10, 21, 12);
const S = 1000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;

describe('relativeParts', () => {
  test.each([
    { d: 13 * D, want: { value: 13, unit: 'day' } },
    { d: 45 * D, want: { value: 45, unit: 'day' } },
    { d: 90 * D, want: { value: 3, unit: 'month' } },
    { d: 400 * D, want: { value: 1, unit: 'year' } },
    { d: 3 * H, want: { value: 3, unit: 'hour' } },
    { d: -3 * H, want: { value: -3, unit: 'hour' } },
    { d: 90 * S, want: { value: 2, unit: 'minute' } },
    { d: 10 * S, want: { value: 10, unit: 'second' } },
    { d: 0, want: { value: 0, unit: 'second' } },
  ])('$d ms → $want.value $want.unit', ({ d, want }) => {
    expect(relativeParts(NOW + d, NOW)).toEqual(want);
  });
});

describe('formatRelative', () => {
  test.each([
    { d: 13 * D, locale: 'en', want: 'in 13 days' },
    { d: -2 * H, locale: 'en', want: '2 hours ago' },
    { d: 13 * D, locale: 'ko', want: '13일 후' },
    { d: 13 * D, locale: 'not a locale!', want: 'in 13 days' },
  ])('$locale $d → $want', ({ d, locale, want }) => {
    expect(formatRelative(NOW + d, NOW, locale)).toBe(want);
  });

  test('absolute time names the year', () => {
    expect(formatAbsolute(NOW, 'en')).toContain('2026');
    expect(formatAbsolute(Number.NaN, 'en')).toBe('NaN');
  });
});
