import { expect, test } from 'vitest';
import { authorizationScheme } from './headers';

// RFC 9110 §11.4: credentials = auth-scheme [ 1*SP ( token68 / #auth-param ) ]. A header that is one
// bare token is an API key sent without a scheme (common): keeping its "scheme" would store the key.
test.each([
  ['Bearer abc.def.ghi', 'Bearer'],
  ['Basic dXNlcjpwYXNz', 'Basic'],
  ['  Digest username="a", realm="b"', 'Digest'],
  ['AWS4-HMAC-SHA256 Credential=x/y, Signature=z', 'AWS4-HMAC-SHA256'],
  ['sk_live_51HqLyjWDarjtT1zdp7dcXYZ', ''],
  ['sk_live_51HqLyjWDarjtT1zdp7dcXYZ   ', ''],
  ['Bearer', ''],
  ['', ''],
  ['ghp_0123456789abcdefghijklmnopqrstuvwxyzAB token', ''],
  ['"quoted" credentials', ''],
  ['Bearer\tabc', ''],
])('authorizationScheme(%j) = %j', (header, scheme) => {
  expect(authorizationScheme(header)).toBe(scheme);
});
