import { expect, test } from 'vitest';
import type { CookieSnapshot } from '../model/cookie';
import { cookiesInDomains, tabDomains } from './tab-scope';

const snap = (name: string, domain: string, storeId = '0'): CookieSnapshot => ({
  name,
  value: 'v',
  domain,
  hostOnly: !domain.startsWith('.'),
  path: '/',
  secure: true,
  httpOnly: true,
  sameSite: 'lax',
  session: true,
  storeId,
});

test('a tab covers its top-level site and the sites it talked to under it', () => {
  expect(
    tabDomains('example.com', [
      { topLevelSite: 'example.com', registrableDomain: 'cdn.net' },
      { topLevelSite: 'other.org', registrableDomain: 'tracker.io' },
      { topLevelSite: undefined, registrableDomain: 'example.com' },
    ]),
  ).toEqual(['cdn.net', 'example.com']);
});

test('cookies are kept by registrable domain, subdomains included, each once', () => {
  const cookies = cookiesInDomains(
    [snap('a', 'www.example.com'), snap('b', '.example.com'), snap('c', 'elsewhere.org'), snap('a', 'www.example.com')],
    new Set(['example.com']),
  );
  expect(cookies.map((c) => c.name)).toEqual(['a', 'b']);
  expect(cookiesInDomains([snap('c', 'elsewhere.org')], null).map((c) => c.name)).toEqual(['c']);
});
