import { describe, expect, test } from 'vitest';
import type { HeaderObservation, SetCookieRecord } from '../../model/events';
import { setCookieLines } from './lines';

function obs(kind: HeaderObservation['kind'], setCookies: SetCookieRecord[]): HeaderObservation {
  return {
    id: 1,
    time: 1000,
    kind,
    tabId: 3,
    frameId: 0,
    requestId: 'r1',
    url: 'http://127.0.0.1/samesite',
    method: 'GET',
    resourceType: 'main_frame',
    scheme: 'http',
    registrableDomain: '127.0.0.1',
    topLevelSite: '127.0.0.1',
    setCookies,
  };
}

const rec = (name: string, outcome: SetCookieRecord['outcome'], reason?: string): SetCookieRecord => ({
  line: `${name}=; Path=/`,
  name,
  valueLength: 5,
  valueDigest: 'x',
  outcome,
  ...(reason ? { reason } : {}),
});

describe('setCookieLines', () => {
  test.each([
    ['stored', true],
    ['updated', true],
    ['unchanged', true],
    ['rejected', false],
  ] as const)('%s → accepted %s', (outcome, accepted) => {
    const [line] = setCookieLines([obs('response', [rec('a', outcome, outcome === 'rejected' ? 'SecureOnly' : undefined)])]);
    expect(line).toMatchObject({ name: 'a', accepted, nameValueBytes: 6, lineIndex: 0, topLevelSite: '127.0.0.1' });
    expect(line?.reason).toBe(accepted ? undefined : 'SecureOnly');
  });

  test('pending and deleted lines and request observations are left out; indices stay those of the response', () => {
    const lines = setCookieLines([
      obs('response', [rec('p', 'pending'), rec('d', 'deleted'), rec('r', 'rejected')]),
      obs('request', [rec('q', 'stored')]),
    ]);
    expect(lines.map((l) => [l.name, l.lineIndex, l.reason])).toEqual([['r', 2, 'unknown']]);
  });
});
