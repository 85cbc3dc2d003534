/**
 * The per-install digest key and the value description every record carries. The digest itself
 * is analysis/digest.ts (pure, synchronous HMAC-SHA-256).
 */
import { digester, type Digester } from '../analysis/digest';
import { utf8Length } from '../analysis/size';
import type { CookieLogDB } from './schema';
import { META } from './schema';

export { DIGEST_HEX_LENGTH, type Digester } from '../analysis/digest';

const KEY_BYTES = 32;

export function generateDigestKeyBytes(): Uint8Array {
  return crypto.getRandomValues(new Uint8Array(KEY_BYTES));
}

export interface ValueDescription {
  valueLength: number;
  valueDigest: string;
}

/** `valueLength` and `valueDigest` of a value, computed the same way everywhere. */
export function describeValue(digest: Digester, value: string): ValueDescription {
  return { valueLength: utf8Length(value), valueDigest: digest(value) };
}

/** Where the key lives: memory-only browser storage (storage.session), never the log's database. */
export interface KeyStore {
  load(): Promise<string | undefined>;
  save(hex: string): Promise<void>;
}

const KEY_HEX = new RegExp(`^[0-9a-f]{${KEY_BYTES * 2}}$`);

function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function fromHex(hex: string): Uint8Array {
  return Uint8Array.from(hex.match(/../g) ?? [], (h) => parseInt(h, 16));
}

/**
 * The digest key. It is kept out of the database that holds the digests: with both, a copy of the
 * profile recovers a short or guessable value by brute force. Held in memory-only storage, so it
 * lasts while the browser runs (across service-worker restarts) and a new one is made after a
 * browser restart: digests compare within one browser session only (`fresh` says a new one began).
 */
export class DigestKey {
  private constructor(
    private readonly store: KeyStore,
    public digest: Digester,
    public readonly fresh: boolean,
  ) {}

  static async open(db: CookieLogDB, store: KeyStore): Promise<DigestKey> {
    // Older versions kept the key in `meta`: removed, so the database alone no longer holds it.
    await db.meta.delete(META.digestKey).catch(() => undefined);
    const stored = await store.load();
    if (stored !== undefined && KEY_HEX.test(stored)) return new DigestKey(store, digester(fromHex(stored)), false);
    const fresh = generateDigestKeyBytes();
    await store.save(toHex(fresh));
    return new DigestKey(store, digester(fresh), true);
  }

  /** Forgets the key (clearing the log): digests made so far match nothing made from now on. */
  async rotate(): Promise<void> {
    const fresh = generateDigestKeyBytes();
    await this.store.save(toHex(fresh));
    this.digest = digester(fresh);
  }
}
