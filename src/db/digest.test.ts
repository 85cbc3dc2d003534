import { expect, test } from 'vitest';
import { digester } from '../analysis/digest';
import { DIGEST_HEX_LENGTH, describeValue, loadOrCreateDigester } from './digest';
import { openTestDb } from './test-helpers';

test('short hex, stable for a key and value, different across keys and values', () => {
  const d1 = digester(new Uint8Array(32).fill(1));
  const d2 = digester(new Uint8Array(32).fill(2));
  const d = describeValue(d1, 'secret').valueDigest;
  expect(d).toMatch(new RegExp(`^[0-9a-f]{${DIGEST_HEX_LENGTH}}$`));
  expect(describeValue(d1, 'secret').valueDigest).toBe(d);
  expect(describeValue(d2, 'secret').valueDigest).not.toBe(d);
  expect(describeValue(d1, 'secret2').valueDigest).not.toBe(d);
});

test('lengths are UTF-8 octets', () => {
  expect(describeValue(digester(new Uint8Array(32)), 'é€')).toMatchObject({ valueLength: 5 });
});

test('the install key is created once and reused', async () => {
  const db = openTestDb();
  const [a, b] = await Promise.all([loadOrCreateDigester(db), loadOrCreateDigester(db)]);
  expect(a('v')).toBe(b('v'));
  expect(await db.meta.count()).toBe(1);
});
