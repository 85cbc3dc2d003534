import { expect, test } from 'vitest';
import { cookieFromSnapshot } from '../model/cookie';
import { CHROMIUM_PROFILE } from '../model/limits';
import { buildViewModel } from './view-model';
import { SECTION_SORT, sortRows } from './row-order';
import { firstRows, forWire, WIRE_FINDINGS, withSections } from './view-wire';

const cookies = Array.from({ length: 300 }, (_, i) =>
  cookieFromSnapshot({
    name: `c${i}`,
    value: 'v',
    domain: `site${i % 30}.test`,
    hostOnly: true,
    path: '/',
    secure: i % 2 === 0,
    httpOnly: i % 3 === 0,
    sameSite: 'unspecified',
    session: i % 2 === 0,
    expirationDate: 2e9,
    storeId: '0',
  }),
);

test('the wire form keeps what the popup renders and is a fraction of the full model', () => {
  const vm = buildViewModel({ cookies, topLevelSite: 'site1.test', now: 1e12, profile: CHROMIUM_PROFILE });
  const wire = JSON.parse(JSON.stringify(forWire(vm))) as typeof vm;
  expect(JSON.stringify(forWire(vm)).length).toBeLessThan(JSON.stringify(vm).length / 4);
  const back = withSections(wire);
  expect(back.session.map((r) => r.key)).toEqual(vm.session.map((r) => r.key));
  expect(back.persistent.map((r) => r.key)).toEqual(vm.persistent.map((r) => r.key));
  expect(back.bySeverity).toEqual(vm.bySeverity);
  expect(back.findings).toEqual(vm.findings.slice(0, WIRE_FINDINGS));
  const r = back.rows.find((x) => x.flags.includes('no-httponly'))!;
  expect(r.flagFindings['no-httponly']).toMatchObject({
    id: expect.any(String),
    message: expect.any(String),
    subject: { name: r.cookie.name },
  });
  expect(r.topFinding?.id).toBe(vm.rows.find((x) => x.key === r.key)!.topFinding?.id);
});

test('firstRows: the first rows of each section in the order the popup opens them, everything else whole', () => {
  const vm = forWire(buildViewModel({ cookies, topLevelSite: 'site1.test', now: 1e12, profile: CHROMIUM_PROFILE }));
  const { view, complete } = firstRows(vm, 20);
  expect(complete).toBe(false);
  const full = withSections(vm);
  const first = withSections(view);
  expect(first.session.map((r) => r.key)).toEqual(
    sortRows(full.session, SECTION_SORT.session)
      .slice(0, 20)
      .map((r) => r.key),
  );
  expect(first.persistent.map((r) => r.key)).toEqual(
    sortRows(full.persistent, SECTION_SORT.persistent)
      .slice(0, 20)
      .map((r) => r.key),
  );
  // The popup sorts what it has: sorting the first rows keeps them as they are.
  expect(sortRows(first.session, SECTION_SORT.session)).toEqual(first.session);
  expect({ ...view, rows: [] }).toEqual({ ...vm, rows: [] });
  expect(JSON.stringify(view).length).toBeLessThan(JSON.stringify(vm).length / 4);
  // Worked out once per view and count: the answer and the popup snapshot share it.
  expect(firstRows(vm, 20)).toBe(firstRows(vm, 20));
  expect(firstRows(vm, 10).view.rows).toHaveLength(20);
});

test('firstRows: a view that fits is sent whole', () => {
  const vm = forWire(buildViewModel({ cookies: cookies.slice(0, 40), now: 1e12, profile: CHROMIUM_PROFILE }));
  expect(firstRows(vm, 20)).toEqual({ view: vm, complete: true });
});
