import { describe, expect, test } from 'vitest';
import type { HeaderObservation } from '../../model/events';
import { findingObservations } from './observations';

const base = {
  id: 1,
  time: 5,
  tabId: 1,
  frameId: 0,
  requestId: '1',
  method: 'GET',
  resourceType: 'main_frame',
  scheme: 'http',
  registrableDomain: 'a.test',
  topLevelSite: 'a.test',
};

describe('findingObservations', () => {
  test.each<[string, HeaderObservation, unknown[]]>([
    [
      'request with cookies',
      { ...base, kind: 'request', url: 'http://a.test/', cookieNames: ['sid'] },
      [{ kind: 'cookie-sent', url: 'http://a.test/', time: 5, cookieNames: ['sid'], topLevelSite: 'a.test' }],
    ],
    ['request without cookies', { ...base, kind: 'request', url: 'http://a.test/', cookieNames: [] }, []],
    [
      'rejected line keeps its reason and the pre-redaction size',
      {
        ...base,
        kind: 'response',
        url: 'http://a.test/',
        setCookies: [
          { line: 'x=; SameSite=None', name: 'x', valueLength: 3, valueDigest: 'd', outcome: 'rejected', reason: 'SameSiteNoneInsecure' },
        ],
      },
      [
        {
          kind: 'set-cookie',
          url: 'http://a.test/',
          time: 5,
          line: 'x=; SameSite=None',
          lineIndex: 0,
          nameValueBytes: 4,
          topLevelSite: 'a.test',
          outcome: { accepted: false, reason: 'SameSiteNoneInsecure' },
        },
      ],
    ],
  ])('%s', (_name, obs, want) => {
    expect(findingObservations([obs])).toEqual(want);
  });
});
