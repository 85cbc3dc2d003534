/**
 * The per-install digest key and the value description every record carries. The digest itself
 * is analysis/digest.ts (pure, synchronous HMAC-SHA-256).
 */
import { digester, type Digester } from '../analysis/digest';
import type { CookieLogDB } from './schema';
import { META } from './schema';

export { DIGEST_HEX_LENGTH, type Digester } from '../analysis/digest';

const KEY_BYTES = 32;
const encoder = new TextEncoder();

export function generateDigestKeyBytes(): Uint8Array {
  return crypto.getRandomValues(new Uint8Array(KEY_BYTES));
}

/** UTF-8 length in octets, the unit of cookie size limits. */
export function utf8Length(value: string): number {
  return encoder.encode(value).length;
}

export interface ValueDescription {
  valueLength: number;
  valueDigest: string;
}

/** `valueLength` and `valueDigest` of a value, computed the same way everywhere. */
export function describeValue(digest: Digester, value: string): ValueDescription {
  return { valueLength: utf8Length(value), valueDigest: digest(value) };
}

/**
 * The install's digester, its key created on first use and stored as raw bytes in `meta`;
 * exports must never include `meta`.
 */
export async function loadOrCreateDigester(db: CookieLogDB): Promise<Digester> {
  const raw = await db.transaction('rw', db.meta, async () => {
    const row = await db.meta.get(META.digestKey);
    const stored = row?.value;
    if (stored instanceof Uint8Array && stored.length === KEY_BYTES) return stored;
    const fresh = generateDigestKeyBytes();
    await db.meta.put({ key: META.digestKey, value: fresh });
    return fresh;
  });
  return digester(raw);
}
