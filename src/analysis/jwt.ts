/**
 * Finds a JSON Web Token in a cookie value and decodes its header and claims (RFC 7515 / 7516 /
 * 7519). Never verifies a signature — we hold no keys and must not pretend to — and never throws:
 * cookie values are attacker- and server-controlled garbage as often as not.
 */

export type JwtEncoding = 'raw' | 'quoted' | 'bearer' | 'url-encoded' | 'embedded';

export interface JwtInfo {
  /** JWS (three segments, signed or `alg: none`) or JWE (five segments, claims encrypted). */
  kind: 'jws' | 'jwe';
  /** How it sat in the cookie value. */
  encoding: JwtEncoding;
  header: Record<string, unknown>;
  /** Decoded claims; null for a JWE or a payload that is not a JSON object. */
  payload: Record<string, unknown> | null;
  alg: string;
  typ?: string;
  kid?: string;
  enc?: string;
  /** NumericDate claims, seconds since the epoch (RFC 7519 §2). */
  exp?: number;
  iat?: number;
  nbf?: number;
  iss?: string;
  sub?: string;
  aud?: string | string[];
  /** A JWS whose signature segment is non-empty. Says nothing about validity. */
  hasSignature: boolean;
}

const B64URL = /^[A-Za-z0-9_-]*={0,2}$/;
const BEARER = /^bearer\s+/i;

/** base64url → UTF-8 text; null when the segment is not valid base64url or not valid UTF-8. */
export function decodeBase64Url(segment: string): string | null {
  if (!B64URL.test(segment)) return null;
  const bare = segment.replace(/=+$/, '');
  if (bare.length % 4 === 1) return null;
  try {
    const b64 = bare.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (bare.length % 4)) % 4);
    const binary = atob(b64);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

function decodeJsonObject(segment: string): Record<string, unknown> | null {
  const text = decodeBase64Url(segment);
  if (text === null) return null;
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

function numericDate(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

function audience(v: unknown): string | string[] | undefined {
  if (typeof v === 'string') return v;
  if (Array.isArray(v) && v.every((a) => typeof a === 'string')) return v as string[];
  return undefined;
}

/** Decodes a compact-serialised token that is exactly `token`; null when it is not one. */
export function parseJwt(token: string, encoding: JwtEncoding = 'raw'): JwtInfo | null {
  // A JOSE header is a JSON object, so its base64url always starts with `e` ({ = 0x7B).
  if (token.length < 5 || token[0] !== 'e') return null;
  const parts = token.split('.');
  if (parts.length !== 3 && parts.length !== 5) return null;
  const header = decodeJsonObject(parts[0] ?? '');
  if (!header || typeof header.alg !== 'string') return null;
  const kind = parts.length === 5 ? 'jwe' : 'jws';
  if (kind === 'jwe' && typeof header.enc !== 'string') return null;
  const payload = kind === 'jws' ? decodeJsonObject(parts[1] ?? '') : null;
  if (kind === 'jws' && payload === null && decodeBase64Url(parts[1] ?? '') === null) return null;
  const info: JwtInfo = {
    kind,
    encoding,
    header,
    payload,
    alg: header.alg,
    hasSignature: kind === 'jws' && (parts[2] ?? '') !== '',
  };
  const optional: Partial<JwtInfo> = {
    typ: str(header.typ),
    kid: str(header.kid),
    enc: str(header.enc),
    exp: numericDate(payload?.exp),
    iat: numericDate(payload?.iat),
    nbf: numericDate(payload?.nbf),
    iss: str(payload?.iss),
    sub: str(payload?.sub),
    aud: audience(payload?.aud),
  };
  for (const [k, v] of Object.entries(optional)) {
    if (v !== undefined) (info as unknown as Record<string, unknown>)[k] = v;
  }
  return info;
}

function unwrap(value: string): { token: string; encoding: JwtEncoding } {
  let token = value.trim();
  let encoding: JwtEncoding = 'raw';
  if (token.length >= 2 && token.startsWith('"') && token.endsWith('"')) {
    token = token.slice(1, -1);
    encoding = 'quoted';
  }
  if (BEARER.test(token)) {
    token = token.replace(BEARER, '');
    encoding = 'bearer';
  }
  return { token, encoding };
}

/**
 * The JWT carried by a cookie value: raw, quoted, `Bearer `-prefixed, URL-encoded, or embedded in
 * a longer value (e.g. a signed-cookie wrapper). Null when there is none.
 */
export function detectJwt(value: string): JwtInfo | null {
  try {
    if (typeof value !== 'string' || value.length < 10 || (!value.includes('.') && !value.includes('%2'))) {
      return null;
    }
    const direct = unwrap(value);
    const found = parseJwt(direct.token, direct.encoding);
    if (found) return found;
    let decoded = value;
    if (value.includes('%')) {
      try {
        decoded = decodeURIComponent(value);
      } catch {
        decoded = value;
      }
      if (decoded !== value) {
        const inner = unwrap(decoded);
        const viaUrl = parseJwt(inner.token, 'url-encoded');
        if (viaUrl) return viaUrl;
      }
    }
    return embeddedJwt(decoded);
  } catch {
    return null;
  }
}

/** Parse attempts on embedded candidates: each costs up to the value's length. */
const MAX_EMBEDDED_TRIES = 4;

function isB64UrlCode(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 45 || c === 95;
}

/**
 * A JWT inside a longer value: `eyJ` then three base64url segments joined by dots. One pass that
 * records where each base64url run ends, so every candidate start is checked in constant time (a
 * backtracking regex rescans the rest of the value from each `eyJ`: quadratic on hostile values).
 */
function embeddedJwt(value: string): JwtInfo | null {
  const n = value.length;
  const runEnd = new Uint32Array(n + 1);
  runEnd[n] = n;
  for (let i = n - 1; i >= 0; i--) runEnd[i] = isB64UrlCode(value.charCodeAt(i)) ? runEnd[i + 1]! : i;
  let tries = 0;
  for (let i = value.indexOf('eyJ'); i !== -1 && tries < MAX_EMBEDDED_TRIES; i = value.indexOf('eyJ', i + 1)) {
    const e1 = runEnd[i]!;
    if (value[e1] !== '.') continue;
    const e2 = runEnd[e1 + 1]!;
    if (value[e2] !== '.') continue;
    tries++;
    const found = parseJwt(value.slice(i, runEnd[e2 + 1]), 'embedded');
    if (found) return found;
  }
  return null;
}

export interface JwtTiming {
  /** ms since the epoch, null when the claim is absent (or the token is a JWE). */
  expiresAt: number | null;
  issuedAt: number | null;
  notBefore: number | null;
  expired: boolean;
  notYetValid: boolean;
  /** exp − (iat, else nbf); null when either end is unknown. */
  lifetimeMs: number | null;
}

export function jwtTiming(jwt: JwtInfo, now: number): JwtTiming {
  const ms = (s: number | undefined): number | null => (s === undefined ? null : s * 1000);
  const expiresAt = ms(jwt.exp);
  const issuedAt = ms(jwt.iat);
  const notBefore = ms(jwt.nbf);
  const start = issuedAt ?? notBefore;
  return {
    expiresAt,
    issuedAt,
    notBefore,
    expired: expiresAt !== null && expiresAt <= now,
    notYetValid: notBefore !== null && notBefore > now,
    lifetimeMs: expiresAt !== null && start !== null ? expiresAt - start : null,
  };
}
