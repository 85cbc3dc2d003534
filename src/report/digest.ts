/**
 * Value digests in reports: the shared keyed digest (HMAC-SHA-256, analysis/digest.ts) with the
 * report's own random key, 16 hex digits. Digests compare within one report, never across reports
 * or with the log's. Synchronous, so report building stays a pure function in the page, the CLI
 * and tests.
 */
import { digester, type Digester } from '../analysis/digest';

const REPORT_DIGEST_HEX = 16;
const encoder = new TextEncoder();
let last: { key: string; digest: Digester } | undefined;

/** 16 hex digits (64 bits) of HMAC-SHA-256(key, value): enough to tell values apart, not to recover one. */
export function valueDigest(value: string, key: string): string {
  if (last?.key !== key) last = { key, digest: digester(encoder.encode(key), REPORT_DIGEST_HEX) };
  return last.digest(value);
}

/** A fresh report key (128 bits, hex). */
export function randomDigestKey(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}
