import fc from 'fast-check';
import { expect, test } from 'vitest';
import { firstSortedRows, sortRows, type SortColumn, type SortState } from './row-order';
import type { CookieRow } from './view-model';

/** Only what the order reads; few distinct values, so ties (and ties of keys) are common. */
const row: fc.Arbitrary<CookieRow> = fc
  .record({
    name: fc.constantFrom('a', 'B', 'b', 'sid', ''),
    domain: fc.constantFrom('x.test', 'y.test'),
    path: fc.constantFrom('/', '/a'),
    size: fc.nat(4),
    expires: fc.option(fc.constantFrom(0, 1, 2e12, Number.NaN), { nil: null }),
    key: fc.constantFrom('k1', 'k2', 'k3', 'k4'),
  })
  .map(
    (r) =>
      ({ key: r.key, cookie: { name: r.name, domain: r.domain, path: r.path }, size: r.size, expires: r.expires }) as unknown as CookieRow,
  );

const sort: fc.Arbitrary<SortState> = fc.record({
  column: fc.constantFrom<SortColumn>('name', 'domain', 'path', 'size', 'expires'),
  direction: fc.constantFrom('ascending' as const, 'descending' as const),
});

test('firstSortedRows: the first n rows of sortRows, the same objects in the same order', () => {
  fc.assert(
    fc.property(fc.array(row, { maxLength: 60 }), sort, fc.nat(25), (rows, s, n) => {
      expect(firstSortedRows(rows, s, n)).toEqual(sortRows(rows, s).slice(0, n));
      const got = firstSortedRows(rows, s, n);
      sortRows(rows, s)
        .slice(0, n)
        .forEach((r, i) => expect(got[i]).toBe(r));
    }),
    { numRuns: 500 },
  );
});
