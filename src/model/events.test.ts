import { expect, test } from 'vitest';
import { cookieKey, parseCookieKey, partitionKeyString } from './events';

const base = { name: 'sid', domain: '.example.com', path: '/', storeId: '0' };

test.each([
  [base, 'sid|.example.com|/||0'],
  [{ ...base, partitionKey: 'https://top.test' }, 'sid|.example.com|/|https://top.test|0'],
  [{ ...base, firstPartyDomain: 'top.test', storeId: 'firefox-container-1' }, 'sid|.example.com|/|fpd=top.test|firefox-container-1'],
  [{ ...base, name: 'a|b%7C', path: '/x|y' }, 'a%7Cb%257C|.example.com|/x%7Cy||0'],
])('cookieKey(%o) = %s and parses back', (identity, key) => {
  expect(cookieKey(identity)).toBe(key);
  expect(parseCookieKey(key)).toMatchObject({
    name: identity.name,
    domain: identity.domain,
    path: identity.path,
    storeId: identity.storeId,
  });
});

test('identity separates what the browser keeps apart', () => {
  const keys = new Set([
    cookieKey(base),
    cookieKey({ ...base, domain: 'example.com' }), // host-only vs domain cookie
    cookieKey({ ...base, path: '/a' }),
    cookieKey({ ...base, storeId: '1' }),
    cookieKey({ ...base, partitionKey: 'https://a.test' }),
    cookieKey({ ...base, name: 'sid|.example.com' }),
  ]);
  expect(keys.size).toBe(6);
});

test('malformed keys do not parse', () => {
  expect(parseCookieKey('a|b')).toBeUndefined();
});

test.each([
  [undefined, undefined],
  [{}, undefined],
  [{ topLevelSite: 'https://a.test' }, 'https://a.test'],
  [{ topLevelSite: 'https://a.test', hasCrossSiteAncestor: false }, 'https://a.test'],
  [{ topLevelSite: 'https://a.test', hasCrossSiteAncestor: true }, 'https://a.test cross-site'],
])('partitionKeyString(%o) = %s', (pk, expected) => {
  expect(partitionKeyString(pk)).toBe(expected);
});
