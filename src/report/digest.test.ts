import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { sha256Hex, valueDigest } from './digest';

describe('sha256Hex matches Node crypto', () => {
  test.each(['', 'abc', 'a'.repeat(55), 'a'.repeat(56), 'a'.repeat(64), 'a'.repeat(1000), 'café ☕ 😀', '\u0000\uffff'])('%j', (s) => {
    expect(sha256Hex(s)).toBe(createHash('sha256').update(s, 'utf8').digest('hex'));
  });
});

describe('valueDigest', () => {
  test('16 hex digits, keyed', () => {
    expect(valueDigest('secret', 'k1')).toMatch(/^[0-9a-f]{16}$/);
    expect(valueDigest('secret', 'k1')).toBe(valueDigest('secret', 'k1'));
    expect(valueDigest('secret', 'k1')).not.toBe(valueDigest('secret', 'k2'));
    expect(valueDigest('secret', 'k1')).not.toBe(valueDigest('secreT', 'k1'));
  });
});
