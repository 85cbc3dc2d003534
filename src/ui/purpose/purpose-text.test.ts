import { expect, test } from 'vitest';
import { countsLine, sourceLabel } from './purpose-text';

const en: Record<string, string> = {
  ui_purposeCount_necessary: 'necessary',
  ui_purposeCount_analytics: 'analytics',
  ui_purposeCount_marketing: 'marketing',
  ui_purposeSource_rule: 'Rule: $1',
  ui_purposeSource_database: 'Open Cookie Database: $1',
  ui_purposeSource_unknown: 'Not in the cookie database',
};
const translate = (key: string, sub?: string | string[]): string => (en[key] ?? key).replace('$1', String(sub ?? ''));

test('counts line: non-zero categories in their fixed order', () => {
  expect(countsLine({ marketing: 5, necessary: 12, analytics: 3, personalization: 0, unknown: 0 }, translate)).toBe(
    '12 necessary · 3 analytics · 5 marketing',
  );
  expect(countsLine({ marketing: 0, necessary: 0, analytics: 0, personalization: 0, unknown: 0 }, translate)).toBe('');
});

test('source label names the platform or the rule', () => {
  expect(sourceLabel({ category: 'analytics', source: 'open-cookie-database', platform: 'Google Analytics' }, translate)).toBe(
    'Open Cookie Database: Google Analytics',
  );
  expect(sourceLabel({ category: 'necessary', source: 'rule', rule: 'consent' }, translate)).toBe('Rule: consent');
  expect(sourceLabel({ category: 'unknown', source: 'unknown' }, translate)).toBe('Not in the cookie database');
});
