import { describe, expect, test } from 'vitest';
import { EMPTY_FILTER, facets, filterRows, type TimelineFilter } from './filter';
import { change, line, observation } from './fixtures';
import { buildRows } from './rows';

const rows = buildRows({
  topLevelSite: 'a.test',
  observations: [
    observation({
      id: 1,
      setCookies: [
        line({ name: 'sid' }),
        line({ name: 'bad', outcome: 'rejected', reason: 'SameSiteNoneInsecure', line: 'bad=; SameSite=None' }),
      ],
    }),
    observation({ id: 2, kind: 'request', url: 'https://a.test/account', cookieNames: ['sid'] }),
    observation({ id: 3, registrableDomain: 'ads.test', url: 'https://ads.test/p', setCookies: [line({ name: 'trk' })] }),
  ],
  changes: [change({ id: 4, name: 'lim_1', removed: true, cause: 'evicted' })],
});

const ids = (f: Partial<TimelineFilter>): string[] => filterRows(rows, { ...EMPTY_FILTER, ...f }).map((r) => r.id);

describe('filterRows', () => {
  test.each<[string, Partial<TimelineFilter>, string[]]>([
    ['no filter keeps everything', {}, ['s1.0', 's1.1', 'r2', 's3.0', 'c4']],
    ['by name (exact)', { name: 'sid' }, ['s1.0', 'r2']],
    ['by name, no partial match', { name: 'si' }, []],
    ['by domain', { domain: 'ads.test' }, ['s3.0']],
    ['by kind', { kind: 'evicted' }, ['c4']],
    ['first party', { party: 'first' }, ['s1.0', 's1.1', 'r2', 'c4']],
    ['third party', { party: 'third' }, ['s3.0']],
    ['findings only', { flaggedOnly: true }, ['s1.1', 's3.0', 'c4']],
    ['free text in the reason, any case', { search: 'samesitenone' }, ['s1.1']],
    ['free text in the URL', { search: '/account' }, ['r2']],
    ['filters combine', { name: 'sid', kind: 'request' }, ['r2']],
  ])('%s', (_n, f, want) => expect(ids(f)).toEqual(want));

  test('by purpose: rows naming a cookie of that purpose, as the caller classifies them', () => {
    const purposes = (r: { names: readonly string[] }) =>
      r.names.map((n) => (n === 'trk' ? ('marketing' as const) : ('necessary' as const)));
    const by = (purpose: TimelineFilter['purpose']) => filterRows(rows, { ...EMPTY_FILTER, purpose }, purposes).map((r) => r.id);
    expect(by('marketing')).toEqual(['s3.0']);
    expect(by('analytics')).toEqual([]);
    expect(by('necessary')).toEqual(['s1.0', 's1.1', 'r2', 'c4']);
  });

  test('the unfiltered list is returned as is (no copy of 100k rows)', () => {
    expect(filterRows(rows, EMPTY_FILTER)).toBe(rows);
  });
});

test('facets list the domains and names, sorted', () => {
  expect(facets(rows)).toEqual({ domains: ['a.test', 'ads.test'], names: ['bad', 'lim_1', 'sid', 'trk'] });
});
