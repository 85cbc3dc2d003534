/**
 * Real-looking JSON Web Tokens for the /jwt scenario, made with node:crypto. Deterministic for a
 * given clock: same `now`, same tokens. The key is a demo constant and protects nothing.
 */
import { createHmac } from 'node:crypto';

export const DEMO_JWT_KEY = 'cookie-demo-site-not-a-secret';

function b64url(data: string | Buffer): string {
  return Buffer.from(data).toString('base64url');
}

export function signHs256(payload: Record<string, unknown>, key = DEMO_JWT_KEY): string {
  const head = b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const body = b64url(JSON.stringify(payload));
  const sig = createHmac('sha256', key).update(`${head}.${body}`).digest('base64url');
  return `${head}.${body}.${sig}`;
}

/** An unsigned token (`alg: none`): header.payload. with an empty signature. */
export function unsigned(payload: Record<string, unknown>): string {
  return `${b64url(JSON.stringify({ alg: 'none', typ: 'JWT' }))}.${b64url(JSON.stringify(payload))}.`;
}

export interface DemoTokens {
  valid: string;
  none: string;
  expired: string;
  longLived: string;
}

const HOUR = 3600;
const DAY = 86_400;

/** Claims are relative to `now` (ms): valid for 1 h, expired 1 h ago, long-lived 2 years. */
export function demoTokens(now: number): DemoTokens {
  const iat = Math.floor(now / 1000);
  const claims = (exp: number, sub: string) => ({ iss: 'cookie-demo-site', sub, iat, exp });
  return {
    valid: signHs256(claims(iat + HOUR, 'alice')),
    none: unsigned(claims(iat + HOUR, 'admin')),
    expired: signHs256({ ...claims(iat - HOUR, 'alice'), iat: iat - 2 * HOUR }),
    longLived: signHs256(claims(iat + 730 * DAY, 'alice')),
  };
}
