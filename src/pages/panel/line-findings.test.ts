import { describe, expect, test } from 'vitest';
import { CHROMIUM_PROFILE } from '../../model/limits';
import { line, observation } from '../../ui/timeline/fixtures';
import { findingIdsOfLine, lineFindingsMemo } from './line-findings';

describe('findingIdsOfLine', () => {
  test.each([
    ['a clean line', line(), []],
    [
      'a rejected SameSite=None line',
      line({ line: 'x=; Path=/; SameSite=None', name: 'x', outcome: 'rejected', reason: 'SameSiteNoneInsecure' }),
      ['rejected', 'samesite-none-insecure'],
    ],
    ['a session ID without Secure', line({ line: 'JSESSIONID=; Path=/; HttpOnly', name: 'JSESSIONID' }), ['session-id-not-secure']],
    ['a deletion is not judged as a cookie', line({ line: 'JSESSIONID=; Path=/; Max-Age=0', name: 'JSESSIONID', outcome: 'deleted' }), []],
  ])('%s', (_n, s, want) => {
    const ids = findingIdsOfLine(observation({ id: 1, url: 'https://a.test/', setCookies: [s] }), s, 0, CHROMIUM_PROFILE);
    expect(ids).toEqual(expect.arrayContaining(want));
    if (want.length === 0) expect(ids).toEqual([]);
  });
});

test('the memo answers the same array for an unchanged line', () => {
  const f = lineFindingsMemo(CHROMIUM_PROFILE);
  const o = observation({ id: 1, setCookies: [line()] });
  expect(f(o, line(), 0)).toBe(f(o, line(), 0));
});
