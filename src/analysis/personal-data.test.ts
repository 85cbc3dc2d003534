import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { detectPersonalData, personalDataText, type PersonalDataMatch } from './personal-data';

const b64url = (s: string): string => Buffer.from(s).toString('base64url');
const b64 = (s: string): string => Buffer.from(s).toString('base64');
const jwt = (claims: object): string => `${b64url('{"alg":"HS256","typ":"JWT"}')}.${b64url(JSON.stringify(claims))}.c2lnbmF0dXJl`;

describe('detectPersonalData finds', () => {
  test.each<[string, string, PersonalDataMatch]>([
    ['an e-mail address as the value', 'jane.doe@example.com', { kind: 'email', location: 'value' }],
    ['a URL-encoded e-mail address', 'jane.doe%40example.co.uk', { kind: 'email', location: 'value' }],
    ['an e-mail address in a query-string value', 'uid=42&email=jane%40example.com&v=2', { kind: 'email', location: 'value' }],
    ['a quoted e-mail address', '"jane+news@example.org"', { kind: 'email', location: 'value' }],
    ['an international phone number', '+82-10-1234-5678', { kind: 'phone', location: 'value' }],
    ['a phone number with spaces and brackets', 'tel=+1 (415) 555-2671', { kind: 'phone', location: 'value' }],
    [
      'a JWT with an email claim',
      jwt({ sub: '42', email: 'jane@example.com', exp: 2e9 }),
      { kind: 'email', location: 'jwt-claim', field: 'email' },
    ],
    ['a JWT with only a name', jwt({ sub: '42', name: 'Jane Doe' }), { kind: 'name', location: 'jwt-claim', field: 'name' }],
    [
      'a JWT with an OIDC address object',
      jwt({ sub: '42', address: { country: 'KR' } }),
      { kind: 'address', location: 'jwt-claim', field: 'address' },
    ],
    [
      'a JWT with a phone_number claim',
      jwt({ phone_number: '+14155552671' }),
      { kind: 'phone', location: 'jwt-claim', field: 'phone_number' },
    ],
    [
      'a JSON object with a nested e-mail',
      encodeURIComponent(JSON.stringify({ user: { id: 1, mail: 'a@b.io' } })),
      { kind: 'email', location: 'json-field', field: 'mail' },
    ],
    ['a JSON object with a birth date', JSON.stringify({ dob: '1990-01-01' }), { kind: 'birthdate', location: 'json-field', field: 'dob' }],
    [
      'base64 JSON with a phone number',
      b64(JSON.stringify({ phone_number: '+14155552671', plan: 'pro' })),
      { kind: 'phone', location: 'base64-json-field', field: 'phone_number' },
    ],
    ['base64 of an e-mail address', b64('jane.doe@example.com'), { kind: 'email', location: 'base64-value' }],
    [
      'an e-mail address under a key that is itself data',
      JSON.stringify({ 'jane@example.com': 'jane@example.com' }),
      { kind: 'email', location: 'json-field', field: '(unnamed)' },
    ],
  ])('%s', (_what, value, expected) => {
    expect(detectPersonalData(value)).toEqual(expected);
  });
});

describe('detectPersonalData leaves alone', () => {
  test.each([
    ['a Google Analytics client ID', 'GA1.1.1234567890.1700000000'],
    ['a GA4 session cookie', 'GS1.1.1700000000.1.1.1700000100.0.0.0'],
    ['a UUID', 'f47ac10b-58cc-4372-a567-0e02b2c3d479'],
    ['a SHA-256 hash', '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08'],
    ['a random base64 session ID', 'q1Zk+9sX/3Lw0f2p+12345678/Qa=='],
    ['a timestamp', '1700000000000'],
    ['a Meta Pixel browser ID', 'fb.1.1700000000000.1234567890'],
    ['a JWT with only technical claims', jwt({ sub: '42', iat: 1700000000, exp: 1700003600, scope: 'read' })],
    ['JSON naming a thing, not a person', JSON.stringify({ name: 'cart', items: 3 })],
    ['JSON preferences', JSON.stringify({ theme: 'dark', lang: 'en' })],
    ['an at-sign without a domain', 'user@localhost'],
    ['form-encoded words', 'hello+world+2024'],
    ['an empty value', ''],
  ])('%s', (_what, value) => {
    expect(detectPersonalData(value)).toBeNull();
  });

  test('hostile input stays linear', () => {
    const inputs = [
      'a@'.repeat(2000),
      'A'.repeat(4000) + '!',
      '{"name":"' + ' x'.repeat(2000) + '"}',
      'a'.repeat(4000) + '@',
      '+1' + ' 1'.repeat(2000) + 'x',
      'a.'.repeat(2000) + '@' + 'b.'.repeat(1000),
      '{'.repeat(4000),
      '%'.repeat(4000),
    ];
    const start = performance.now();
    for (const v of inputs) detectPersonalData(v);
    // Generous: a super-linear pattern on these inputs takes seconds, not milliseconds.
    expect(performance.now() - start).toBeLessThan(500);
  });
});

test('the finding text names the kind and the place, never the value', () => {
  const m = detectPersonalData(jwt({ email: 'jane@example.com' })) as PersonalDataMatch;
  const text = personalDataText(m);
  expect(text).toEqual({ what: 'an e-mail address', where: 'the JWT claim "email"' });
  expect(JSON.stringify(text)).not.toContain('jane');
});

test('never throws, and a reported field never carries an address or digits of a number', () => {
  fc.assert(
    fc.property(fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.json(), fc.emailAddress()), (value) => {
      const m = detectPersonalData(value);
      if (m?.field !== undefined) expect(m.field).not.toMatch(/@|\d{4}/);
    }),
    { numRuns: 500 },
  );
});
