/** fast-check arbitraries of what the browser may report: any string, JWT-like values, odd domains. */
import fc from 'fast-check';
import type { CookieSnapshot } from '../model/cookie';

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));
export const anyString = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.string({ unit: fc.oneof(fc.constantFrom('.', '%', '=', ';', '"', '-', '_', '{', '}'), loneSurrogate, fc.base64String()) }),
);
const b64json = fc.jsonValue().map((v) => Buffer.from(JSON.stringify(v) ?? 'null').toString('base64url'));
const jwtLike = fc
  .tuple(fc.oneof(b64json, fc.constant('eyJhbGciOiJub25lIn0')), b64json, fc.base64String(), fc.constantFrom('', 'Bearer ', '"', 's:'))
  .map(([h, p, s, wrap]) => `${wrap}${h}.${p}.${s.replace(/=/g, '')}`);
export const value = fc.oneof(anyString, jwtLike, fc.constantFrom('q8Zk2Lr0VbX4nT7yHc1mWp9s', ''));
const domain = fc.oneof(
  fc.domain(),
  fc.constantFrom('localhost', '.localhost', '127.0.0.1', '[::1]', '::1', '', '.', '..', 'co.uk', '.github.io', 'EXAMPLE.COM'),
  anyString,
);
export const name = fc.oneof(
  anyString,
  fc.constantFrom('PHPSESSID', 'JSESSIONID', '__Host-id', '__Secure-x', 'auth_token', 'AWSALB', 'sid', 'session'),
);
const expirationDate = fc.option(fc.oneof(fc.double(), fc.integer({ min: 0, max: 4_000_000_000 })), { nil: undefined });

export const snapshot: fc.Arbitrary<CookieSnapshot> = fc.record({
  name,
  value,
  domain,
  hostOnly: fc.boolean(),
  path: fc.oneof(fc.constant('/'), anyString),
  secure: fc.boolean(),
  httpOnly: fc.boolean(),
  sameSite: fc.constantFrom('no_restriction', 'lax', 'strict', 'unspecified'),
  session: fc.boolean(),
  expirationDate,
  storeId: fc.constantFrom('0', '1', 'firefox-container-1'),
  partitionKey: fc.option(fc.record({ topLevelSite: fc.oneof(fc.webUrl(), anyString), hasCrossSiteAncestor: fc.boolean() }), {
    nil: undefined,
  }),
  firstPartyDomain: fc.option(fc.oneof(fc.domain(), fc.constant('')), { nil: undefined }),
});
