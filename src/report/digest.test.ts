import { createHmac } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { valueDigest } from './digest';

describe('valueDigest', () => {
  test('16 hex digits, keyed', () => {
    expect(valueDigest('secret', 'k1')).toMatch(/^[0-9a-f]{16}$/);
    expect(valueDigest('secret', 'k1')).toBe(valueDigest('secret', 'k1'));
    expect(valueDigest('secret', 'k1')).not.toBe(valueDigest('secret', 'k2'));
    expect(valueDigest('secret', 'k1')).not.toBe(valueDigest('secreT', 'k1'));
  });

  test.each(['', 'abc', 'café ☕ 😀', 'x'.repeat(5000)])('is HMAC-SHA-256 truncated (Node crypto agrees): %j', (v) => {
    expect(valueDigest(v, 'report-key')).toBe(createHmac('sha256', 'report-key').update(v, 'utf8').digest('hex').slice(0, 16));
  });
});
