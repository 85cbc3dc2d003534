import { describe, expect, test } from 'vitest';
import { decodeBase64Url, detectJwt, jwtTiming, parseJwt } from './jwt';

const b64 = (o: unknown): string => Buffer.from(typeof o === 'string' ? o : JSON.stringify(o)).toString('base64url');
const token = (header: unknown, payload: unknown, signature = 'c2ln'): string => `${b64(header)}.${b64(payload)}.${signature}`;

const HS = token(
  { alg: 'HS256', typ: 'JWT', kid: 'k1' },
  { sub: 'u1', iss: 'https://idp', aud: ['a', 'b'], iat: 1000, nbf: 1000, exp: 4600 },
);
const NONE = token({ alg: 'none' }, { sub: 'u1' }, '');

describe('decodeBase64Url', () => {
  test.each([
    ['aGk', 'hi'],
    ['aGk=', 'hi'],
    ['_-8', null], // bytes ff ef are not valid UTF-8
    ['a', null], // length ≡ 1 (mod 4) is impossible
    ['a+b/', null], // base64, not base64url
    ['', ''],
  ])('%j → %j', (input, out) => {
    expect(decodeBase64Url(input)).toBe(out);
  });
});

describe('parseJwt', () => {
  test('decodes header and registered claims', () => {
    expect(parseJwt(HS)).toMatchObject({
      kind: 'jws',
      encoding: 'raw',
      alg: 'HS256',
      typ: 'JWT',
      kid: 'k1',
      sub: 'u1',
      iss: 'https://idp',
      aud: ['a', 'b'],
      iat: 1000,
      nbf: 1000,
      exp: 4600,
      hasSignature: true,
    });
  });

  test('alg none with empty signature', () => {
    expect(parseJwt(NONE)).toMatchObject({ alg: 'none', hasSignature: false });
  });

  test('JWE: five segments, header with enc, claims unknown', () => {
    const jwe = `${b64({ alg: 'RSA-OAEP', enc: 'A256GCM' })}.a2V5.aXY.Y2lwaGVy.dGFn`;
    expect(parseJwt(jwe)).toMatchObject({ kind: 'jwe', alg: 'RSA-OAEP', enc: 'A256GCM', payload: null, hasSignature: false });
  });

  test('ignores claims of the wrong type', () => {
    const info = parseJwt(token({ alg: 'HS256', typ: 7 }, { exp: '4600', aud: [1], sub: null }));
    expect(info).not.toBeNull();
    expect(info).not.toHaveProperty('exp');
    expect(info).not.toHaveProperty('aud');
    expect(info).not.toHaveProperty('typ');
  });

  test.each([
    ['no alg', token({ typ: 'JWT' }, {})],
    ['alg not a string', token({ alg: 1 }, {})],
    ['header is an array', token(['alg'], {})],
    ['two segments', `${b64({ alg: 'HS256' })}.${b64({})}`],
    ['four segments', `${token({ alg: 'HS256' }, {})}.x`],
    ['JWE without enc', `${b64({ alg: 'dir' })}.a.b.c.d`],
    ['payload not base64url', `${b64({ alg: 'HS256' })}.***.sig`],
    ['Flask session (no alg)', `${b64({ user: 1 })}.Zabc12.sig`],
    ['not base64', 'e$.e$.e$'],
  ])('rejects %s', (_label, input) => {
    expect(parseJwt(input)).toBeNull();
  });

  test('non-JSON payload still counts as a JWS', () => {
    expect(parseJwt(`${b64({ alg: 'HS256' })}.${b64('plain text')}.sig`)).toMatchObject({ payload: null });
  });
});

describe('detectJwt', () => {
  test.each([
    ['raw', HS, 'raw'],
    ['quoted', `"${HS}"`, 'quoted'],
    ['Bearer prefix', `Bearer ${HS}`, 'bearer'],
    ['URL-encoded', encodeURIComponent(`Bearer ${HS}`), 'url-encoded'],
    ['embedded in a signed-cookie wrapper', `s:${HS}.extra`, 'embedded'],
    ['embedded and URL-encoded', `s%3A${HS}`, 'embedded'],
  ])('%s', (_label, value, encoding) => {
    expect(detectJwt(value)).toMatchObject({ alg: 'HS256', encoding });
  });

  test.each([
    ['empty', ''],
    ['short', 'a.b.c'],
    ['plain id', '0123456789abcdef0123456789abcdef'],
    ['dotted version', '1.2.3-beta.4'],
    ['broken percent-encoding', '%E0%A4%A.eyJ.x'],
    ['header-looking garbage', 'eyJhbGciOiJIUzI1NiJ9.%%%.x'],
  ])('none in %s', (_label, value) => {
    expect(detectJwt(value)).toBeNull();
  });
});

describe('jwtTiming', () => {
  const info = parseJwt(HS);
  test.each([
    [2_000_000, false, false],
    [4_600_000, true, false],
    [999_000, false, true],
  ])('at %i: expired %s, not yet valid %s', (now, expired, notYetValid) => {
    expect(info).not.toBeNull();
    const t = jwtTiming(info!, now);
    expect(t).toMatchObject({ expired, notYetValid, expiresAt: 4_600_000, issuedAt: 1_000_000, lifetimeMs: 3_600_000 });
  });

  test('no exp: never expired, lifetime unknown', () => {
    expect(jwtTiming(parseJwt(NONE)!, 0)).toMatchObject({ expiresAt: null, expired: false, lifetimeMs: null });
  });
});
