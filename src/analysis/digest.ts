/**
 * Short keyed digests of cookie values: enough to see that a value changed or rotated, or that
 * two cookies carry the same value, without keeping the value. HMAC-SHA-256 (RFC 2104) with a
 * per-install random key, truncated, so a digest in an export cannot be matched against guessed
 * values offline. Synchronous (@noble/hashes, audited) rather than SubtleCrypto: the recorder
 * digests every cookie change, and an async round trip per event cost a third of its throughput
 * (bench/recorder.bench.ts). Same algorithm, so digests made either way are equal.
 */
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';

/** 12 hex chars = 48 bits: collisions within one cookie's history are negligible, and it stays short. */
export const DIGEST_HEX_LENGTH = 12;

const encoder = new TextEncoder();
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

export type Digester = (value: string) => string;

/** Prepares the key once (the inner and outer pads) and returns a fast digest function. */
export function digester(key: Uint8Array, hexLength = DIGEST_HEX_LENGTH): Digester {
  const keyed = hmac.create(sha256, key);
  return (value) => {
    const mac = keyed.clone().update(encoder.encode(value)).digest();
    let hex = '';
    for (let i = 0; i < hexLength / 2; i++) hex += HEX[mac[i]!];
    return hex;
  };
}
