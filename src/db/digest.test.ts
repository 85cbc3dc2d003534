import { expect, test } from 'vitest';
import { DIGEST_HEX_LENGTH, describeValue, importDigestKey, loadOrCreateDigestKey, valueDigest } from './digest';
import { openTestDb } from './test-helpers';

const keyOf = (byte: number) => importDigestKey(new Uint8Array(32).fill(byte));

test('short hex, stable for a key and value, different across keys and values', async () => {
  const [k1, k2] = await Promise.all([keyOf(1), keyOf(2)]);
  const d = await valueDigest(k1, 'secret');
  expect(d).toMatch(new RegExp(`^[0-9a-f]{${DIGEST_HEX_LENGTH}}$`));
  expect(await valueDigest(k1, 'secret')).toBe(d);
  expect(await valueDigest(k2, 'secret')).not.toBe(d);
  expect(await valueDigest(k1, 'secret2')).not.toBe(d);
});

test('is HMAC-SHA-256 (RFC 4231 test case 2), truncated', async () => {
  const key = await importDigestKey(new TextEncoder().encode('Jefe'));
  expect(await valueDigest(key, 'what do ya want for nothing?')).toBe('5bdcc146bf60');
});

test('lengths are UTF-8 octets', async () => {
  expect(await describeValue(await keyOf(1), 'é€')).toMatchObject({ valueLength: 5 });
});

test('the install key is created once and reused', async () => {
  const db = openTestDb();
  const [a, b] = await Promise.all([loadOrCreateDigestKey(db), loadOrCreateDigestKey(db)]);
  expect(await valueDigest(a, 'v')).toBe(await valueDigest(b, 'v'));
  expect(await db.meta.count()).toBe(1);
});
