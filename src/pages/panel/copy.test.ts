import { describe, expect, test } from 'vitest';
import type { CookieInfo } from '../../model/cookie';
import { toJson, toSetCookieLine } from './copy';

const cookie: CookieInfo = {
  key: 'k',
  name: 'sid',
  value: 's3cret',
  domain: 'a.test',
  hostOnly: false,
  path: '/',
  secure: true,
  httpOnly: true,
  sameSite: 'lax',
  expires: Date.UTC(2030, 0, 1),
  storeId: '0',
  partition: null,
  firstPartyDomain: '',
  source: 'api',
};

describe('toSetCookieLine', () => {
  test.each([
    [
      'value only when revealed',
      cookie,
      true,
      'sid=s3cret; Domain=a.test; Path=/; Expires=Tue, 01 Jan 2030 00:00:00 GMT; Secure; HttpOnly; SameSite=Lax',
    ],
    [
      'hidden value left empty',
      cookie,
      false,
      'sid=; Domain=a.test; Path=/; Expires=Tue, 01 Jan 2030 00:00:00 GMT; Secure; HttpOnly; SameSite=Lax',
    ],
    [
      'host-only session cookie without SameSite',
      { ...cookie, hostOnly: true, expires: null, sameSite: 'unspecified' as const, secure: false, httpOnly: false },
      false,
      'sid=; Path=/',
    ],
    [
      'partitioned',
      { ...cookie, partition: { topLevelSite: 'https://b.test', hasCrossSiteAncestor: false } },
      false,
      'sid=; Domain=a.test; Path=/; Expires=Tue, 01 Jan 2030 00:00:00 GMT; Secure; HttpOnly; SameSite=Lax; Partitioned',
    ],
  ])('%s', (_n, c, reveal, want) => expect(toSetCookieLine(c, reveal)).toBe(want));
});

describe('toJson', () => {
  test.each([
    [true, true],
    [false, false],
  ])('revealed %s → value present %s', (reveal, present) => {
    const parsed = JSON.parse(toJson(cookie, reveal)) as Record<string, unknown>;
    expect('value' in parsed).toBe(present);
    expect(parsed['expires']).toBe('2030-01-01T00:00:00.000Z');
  });
});
