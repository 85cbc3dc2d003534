import { describe, expect, test } from 'vitest';
import { cookieFromSnapshot } from '../../model/cookie';
import { change, observation } from '../../ui/timeline/fixtures';
import { infoFromChange, knownCookies, sessionFacts } from './cookies';

const jar = cookieFromSnapshot({
  name: 'JSESSIONID',
  value: 'AB12CD34EF56AB12CD34EF56AB12CD34',
  domain: 'a.test',
  hostOnly: true,
  path: '/',
  secure: false,
  httpOnly: true,
  sameSite: 'unspecified',
  session: true,
  storeId: '0',
});

describe('knownCookies', () => {
  test('jar cookies first, then cookies only the log remembers, once each', () => {
    const gone = change({ id: 3, name: 'old', removed: true });
    const known = knownCookies([jar], [change({ id: 1, name: 'old' }), gone, change({ id: 2, name: 'JSESSIONID' })]);
    expect(known.map((k) => [k.info.name, k.present])).toEqual([
      ['JSESSIONID', true],
      ['old', false],
    ]);
  });

  test('a logged cookie keeps its identity and has no value', () => {
    const c = change({ id: 1, domain: '.a.test', hostOnly: false, expirationDate: 2_000_000_000, session: false });
    const info = infoFromChange(c);
    expect([info.key, info.domain, info.value, info.expires]).toEqual([c.cookieKey, 'a.test', '', 2_000_000_000_000]);
  });
});

describe('sessionFacts', () => {
  const key = jar.key;
  test.each([
    [
      'rotated across a login',
      [change({ id: 1, name: 'JSESSIONID', valueDigest: 'a' }), change({ id: 2, name: 'JSESSIONID', valueDigest: 'b' })],
      [],
      { rotated: true, sentOverHttp: false, sentToThirdParty: false },
    ],
    [
      'one value, sent over http',
      [change({ id: 1, name: 'JSESSIONID' })],
      [observation({ id: 5, kind: 'request', scheme: 'http', url: 'http://a.test/', cookieNames: ['JSESSIONID'] })],
      { rotated: false, sentOverHttp: true, sentToThirdParty: false },
    ],
    [
      'sent in a third-party context',
      [],
      [observation({ id: 5, kind: 'request', registrableDomain: 'a.test', topLevelSite: 'b.test', cookieNames: ['JSESSIONID'] })],
      { rotated: false, sentOverHttp: false, sentToThirdParty: true },
    ],
  ])('%s', (_n, changes, observations, want) => {
    const fixed = changes.map((c) => ({ ...c, cookieKey: key }));
    const [facts] = sessionFacts(knownCookies([jar], []), fixed, observations, 'a.test');
    expect({ rotated: facts?.rotated, sentOverHttp: facts?.sentOverHttp, sentToThirdParty: facts?.sentToThirdParty }).toEqual(want);
  });

  test('cookies that are not session identifiers are left out', () => {
    expect(sessionFacts(knownCookies([{ ...jar, name: 'theme', value: 'dark' }], []), [], [], 'a.test')).toEqual([]);
  });
});
