import { describe, expect, test } from 'vitest';
import { cookieKey, type CookieInfo } from '../../model/cookie';
import { CHROMIUM_PROFILE } from '../../model/limits';
import { buildViewModel } from '../../view/view-model';
import { filterRows, nextSort, sortRows, type SortState } from './table-sort';

const NOW = Date.UTC(2026, 10, 21);

function c(name: string, domain: string, path: string, value: string, expires: number | null, secret = 'qqsecret'): CookieInfo {
  const base = { name, domain, hostOnly: true, path, storeId: '0', partition: null, firstPartyDomain: '' };
  return { key: cookieKey(base), ...base, value: value + secret, secure: true, httpOnly: false, sameSite: 'lax', expires, source: 'api' };
}

const rows = buildViewModel({
  cookies: [
    c('beta', 'b.example', '/', 'xx', NOW + 5000),
    c('Alpha', 'c.example', '/a', 'x', null),
    c('gamma', 'a.example', '/b', 'xxxx', NOW + 1000),
  ],
  now: NOW,
  profile: CHROMIUM_PROFILE,
}).rows;

const names = (list: { cookie: CookieInfo }[]): string[] => list.map((r) => r.cookie.name);

describe('sortRows', () => {
  test.each<[SortState, string[]]>([
    [{ column: 'name', direction: 'ascending' }, ['Alpha', 'beta', 'gamma']],
    [{ column: 'name', direction: 'descending' }, ['gamma', 'beta', 'Alpha']],
    [{ column: 'domain', direction: 'ascending' }, ['gamma', 'beta', 'Alpha']],
    [{ column: 'path', direction: 'descending' }, ['gamma', 'Alpha', 'beta']],
    [{ column: 'size', direction: 'ascending' }, ['Alpha', 'beta', 'gamma']],
    [{ column: 'expires', direction: 'ascending' }, ['gamma', 'beta', 'Alpha']],
  ])('%o', (sort, want) => {
    expect(names(sortRows(rows, sort))).toEqual(want);
    expect(names(sortRows([...rows].reverse(), sort))).toEqual(want);
  });

  test('nextSort flips the same column and starts a new one ascending', () => {
    expect(nextSort({ column: 'name', direction: 'ascending' }, 'name')).toEqual({ column: 'name', direction: 'descending' });
    expect(nextSort({ column: 'name', direction: 'descending' }, 'size')).toEqual({ column: 'size', direction: 'ascending' });
  });
});

describe('filterRows', () => {
  test.each([
    ['', ['beta', 'Alpha', 'gamma']],
    ['ALP', ['Alpha']],
    ['a.example', ['gamma']],
    ['/b', ['gamma']],
    ['missing-httponly', ['beta', 'Alpha', 'gamma']],
    // Values are never searched: they are secrets until revealed.
    ['qqsecret', []],
  ])('%s', (q, want) => {
    expect(names(filterRows(rows, q))).toEqual(want);
  });
});
