import { expect, test } from 'vitest';
import { digester } from '../analysis/digest';
import { DIGEST_HEX_LENGTH, DigestKey, describeValue } from './digest';
import { META } from './schema';
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

function memoryStore(initial?: string) {
  let held = initial;
  return { load: async () => held, save: async (hex: string) => void (held = hex), held: () => held };
}

test('the key is kept in the key store, never in the database that holds the digests', async () => {
  const db = openTestDb();
  await db.meta.put({ key: META.digestKey, value: new Uint8Array(32).fill(9) });
  const store = memoryStore();
  const a = await DigestKey.open(db, store);
  expect(a.fresh).toBe(true);
  expect(await db.meta.get(META.digestKey)).toBeUndefined();
  expect(store.held()).toMatch(/^[0-9a-f]{64}$/);
  const b = await DigestKey.open(db, store);
  expect(b.fresh).toBe(false);
  expect(b.digest('v')).toBe(a.digest('v'));
});

test('rotating forgets the key: the same value digests differently from then on', async () => {
  const store = memoryStore();
  const key = await DigestKey.open(openTestDb(), store);
  const before = key.digest('1234');
  const held = store.held();
  await key.rotate();
  expect(key.digest('1234')).not.toBe(before);
  expect(store.held()).not.toBe(held);
});
