import { expect, test } from 'vitest';
import { DIGEST_HEX_LENGTH, digester } from './digest';

test.each([
  // RFC 4231 test case 2: key "Jefe".
  ['Jefe', 'what do ya want for nothing?', '5bdcc146bf60754e6a042426089575c7'],
])('is HMAC-SHA-256 (RFC 4231), truncated: %s', (key, data, full) => {
  const d = digester(new TextEncoder().encode(key), 32);
  expect(d(data)).toBe(full);
  expect(digester(new TextEncoder().encode(key))(data)).toBe(full.slice(0, DIGEST_HEX_LENGTH));
});

test('matches SubtleCrypto HMAC-SHA-256 for unicode values', async () => {
  const raw = new Uint8Array(32).fill(7);
  const key = await crypto.subtle.importKey('raw', raw, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  for (const v of ['', 'é€😀', 'x'.repeat(5000)]) {
    const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(v)));
    const hex = [...mac.subarray(0, 6)].map((b) => b.toString(16).padStart(2, '0')).join('');
    expect(digester(raw)(v)).toBe(hex);
  }
});

test('reusing the keyed state does not leak between values', () => {
  const d = digester(new Uint8Array(32).fill(1));
  const a = d('a');
  d('something else');
  expect(d('a')).toBe(a);
  expect(digester(new Uint8Array(32).fill(2))('a')).not.toBe(a);
});
