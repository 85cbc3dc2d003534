/**
 * Short keyed digests of cookie values: enough to see that a value changed or rotated, or that two
 * cookies carry the same value, without storing the value. Keyed (HMAC-SHA-256 with a per-install
 * random key) so a digest in an exported report cannot be matched against guessed values offline.
 * Uses SubtleCrypto, present in service workers, extension pages and Node ≥ 20 (globalThis.crypto).
 */
import type { CookieLogDB } from './schema';
import { META } from './schema';

/** 12 hex chars = 48 bits: collisions within one cookie's history are negligible, and it stays short. */
export const DIGEST_HEX_LENGTH = 12;
const KEY_BYTES = 32;

const encoder = new TextEncoder();

export function generateDigestKeyBytes(): Uint8Array {
  return crypto.getRandomValues(new Uint8Array(KEY_BYTES));
}

export function importDigestKey(raw: Uint8Array): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', raw as Uint8Array<ArrayBuffer>, { name: 'HMAC', hash: 'SHA-256' }, false, [
    'sign',
  ]);
}

export async function valueDigest(key: CryptoKey, value: string): Promise<string> {
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, encoder.encode(value)));
  let hex = '';
  for (const byte of mac.subarray(0, DIGEST_HEX_LENGTH / 2)) hex += byte.toString(16).padStart(2, '0');
  return hex;
}

/** UTF-8 length in octets, the unit of cookie size limits. */
export function utf8Length(value: string): number {
  return encoder.encode(value).length;
}

/** `valueLength` and `valueDigest` of a value, computed the same way everywhere. */
export async function describeValue(
  key: CryptoKey,
  value: string,
): Promise<{ valueLength: number; valueDigest: string }> {
  return { valueLength: utf8Length(value), valueDigest: await valueDigest(key, value) };
}

/**
 * The install's digest key, created on first use. Stored as raw bytes in `meta` (a CryptoKey is not
 * structured-cloneable everywhere we run); exports must never include `meta`.
 */
export async function loadOrCreateDigestKey(db: CookieLogDB): Promise<CryptoKey> {
  const raw = await db.transaction('rw', db.meta, async () => {
    const row = await db.meta.get(META.digestKey);
    const stored = row?.value;
    if (stored instanceof Uint8Array && stored.length === KEY_BYTES) return stored;
    const fresh = generateDigestKeyBytes();
    await db.meta.put({ key: META.digestKey, value: fresh });
    return fresh;
  });
  return importDigestKey(raw);
}
