import { describe, expect, test } from 'vitest';
import { buildRows } from '../../ui/timeline/rows';
import { line, observation } from '../../ui/timeline/fixtures';
import { rowPurposes } from './purposes';

describe('rowPurposes', () => {
  test('a row’s purposes are those of the cookies it names, on the row’s site', () => {
    const rows = buildRows({
      topLevelSite: 'shop.test',
      observations: [
        observation({
          id: 1,
          url: 'https://shop.test/',
          registrableDomain: 'shop.test',
          setCookies: [line({ name: '_ga' }), line({ name: 'PHPSESSID' })],
        }),
        observation({
          id: 2,
          kind: 'request',
          url: 'https://shop.test/cart',
          registrableDomain: 'shop.test',
          cookieNames: ['_ga', 'lang'],
        }),
      ],
      changes: [],
    });
    expect(rows.map((r) => [r.id, rowPurposes(r)])).toEqual([
      ['s1.0', ['analytics']],
      ['s1.1', ['necessary']],
      ['r2', ['analytics', 'personalization']],
    ]);
  });
});
