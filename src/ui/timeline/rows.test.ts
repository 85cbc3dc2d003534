import { describe, expect, test } from 'vitest';
import { buildRows, changeOutcome } from './rows';
import { change, line, observation } from './fixtures';

describe('buildRows', () => {
  test('a response line linked to its change is one row, carrying the cookie key and outcome', () => {
    const c = change({ id: 2 });
    const o = observation({ id: 1, setCookies: [line({ changeEventId: 2 })] });
    const rows = buildRows({ observations: [o], changes: [c], topLevelSite: 'a.test' });
    expect(rows.map((r) => [r.id, r.kind, r.outcome, r.cookieKey])).toEqual([['s1.0', 'set-cookie', 'stored', c.cookieKey]]);
  });

  test.each([
    ['script write', change({ id: 5, source: 'script' }), 'script'],
    ['expiry', change({ id: 5, removed: true, cause: 'expired' }), 'expired'],
    ['eviction', change({ id: 5, removed: true, cause: 'evicted' }), 'evicted'],
    ['unlinked http change', change({ id: 5 }), 'change'],
  ])('%s becomes a %s row', (_n, c, kind) => {
    expect(buildRows({ observations: [], changes: [c] }).map((r) => r.kind)).toEqual([kind]);
  });

  test('the removal half of an overwrite is not a row of its own', () => {
    const rows = buildRows({ observations: [], changes: [change({ id: 1, removed: true, cause: 'overwrite' }), change({ id: 2 })] });
    expect(rows.map((r) => r.id)).toEqual(['c2']);
  });

  test.each([
    ['request with cookies', observation({ id: 1, kind: 'request', cookieNames: ['a', 'b'] }), [['request', 'a b']]],
    ['request without cookies', observation({ id: 1, kind: 'request', cookieNames: [] }), []],
    [
      'response with two lines',
      observation({ id: 1, setCookies: [line({ name: 'a' }), line({ name: 'b' })] }),
      [
        ['set-cookie', 'a'],
        ['set-cookie', 'b'],
      ],
    ],
  ])('%s', (_n, o, want) => {
    expect(buildRows({ observations: [o], changes: [] }).map((r) => [r.kind, r.names.join(' ')])).toEqual(want);
  });

  test('oldest first, ids break ties inside one millisecond', () => {
    const rows = buildRows({
      observations: [observation({ id: 3, time: 10, kind: 'request', cookieNames: ['x'] })],
      changes: [change({ id: 4, time: 10, source: 'script' }), change({ id: 1, time: 20, source: 'script' })],
    });
    expect(rows.map((r) => r.id)).toEqual(['r3', 'c4', 'c1']);
  });

  test.each([
    ['rejected line', observation({ id: 1, setCookies: [line({ outcome: 'rejected', reason: 'SameSiteNoneInsecure' })] }), true],
    ['clean line', observation({ id: 1, setCookies: [line()] }), false],
    ['third-party line', observation({ id: 1, registrableDomain: 'b.test', setCookies: [line()] }), true],
    ['request over http', observation({ id: 1, kind: 'request', scheme: 'http', url: 'http://a.test/', cookieNames: ['x'] }), true],
    ['request over https', observation({ id: 1, kind: 'request', cookieNames: ['x'] }), false],
  ])('%s flagged: %s', (_n, o, flagged) => {
    expect(buildRows({ observations: [o], changes: [], topLevelSite: 'a.test' })[0]?.flagged).toBe(flagged);
  });

  test('line findings from the caller flag a line and are kept on the row', () => {
    const rows = buildRows({
      observations: [observation({ id: 1, setCookies: [line()] })],
      changes: [],
      lineFindings: () => ['missing-secure'],
    });
    expect([rows[0]?.flagged, rows[0]?.findings]).toEqual([true, ['missing-secure']]);
  });
});

describe('changeOutcome', () => {
  test.each([
    [change({ id: 1 }), 'stored'],
    [change({ id: 1, removed: true, cause: 'explicit' }), 'deleted'],
    [change({ id: 1, removed: true, cause: 'expired_overwrite' }), 'deleted'],
    [change({ id: 1, removed: true, cause: 'expired' }), 'expired'],
    [change({ id: 1, removed: true, cause: 'evicted' }), 'evicted'],
  ])('%#', (c, want) => expect(changeOutcome(c)).toBe(want));
});
