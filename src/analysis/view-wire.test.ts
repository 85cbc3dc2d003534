import { expect, test } from 'vitest';
import { cookieFromSnapshot } from '../model/cookie';
import { CHROMIUM_PROFILE } from '../model/limits';
import { buildViewModel } from './view-model';
import { forWire, WIRE_FINDINGS, withSections } from './view-wire';

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
  expect(r.flagFindings['no-httponly']).toMatchObject({ id: expect.any(String), message: expect.any(String), subject: { name: r.cookie.name } });
  expect(r.topFinding?.id).toBe(vm.rows.find((x) => x.key === r.key)!.topFinding?.id);
});
