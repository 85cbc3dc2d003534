import { expect, test } from 'vitest';
import { cookieFromSnapshot } from '../model/cookie';
import { CHROMIUM_PROFILE } from '../model/limits';
import {
  encodePopupSnapshot,
  encodeSnapshotIndex,
  parsePopupSnapshot,
  parseSnapshotIndex,
  popupSnapshot,
  snapshotKey,
  snapshotUsable,
} from './popup-snapshot';
import { buildViewModel, type TabView } from './view-model';
import { forWire } from './view-wire';

const NOW = 1e12;
const cookies = Array.from({ length: 60 }, (_, i) =>
  cookieFromSnapshot({
    name: `c${i}`,
    value: `secret-value-${i}`,
    domain: 'www.a.test',
    hostOnly: true,
    path: '/',
    secure: true,
    httpOnly: true,
    sameSite: 'lax',
    session: i % 2 === 0,
    ...(i % 2 === 1 ? { expirationDate: NOW / 1000 + 60 * (i + 1) } : {}),
    storeId: '0',
  }),
);
const tab: TabView = {
  tabExists: true,
  inspectable: true,
  topLevelUrl: 'https://www.a.test/',
  topLevelSite: 'a.test',
  domains: ['a.test'],
  profileId: 'chromium',
  now: NOW,
  view: forWire(buildViewModel({ cookies, topLevelSite: 'a.test', now: NOW, profile: CHROMIUM_PROFILE })),
  complete: true,
};

test('a snapshot carries the first rows of each section, no values, and the first expiry of all', () => {
  const s = popupSnapshot({ tabId: 7, askedAt: 5, tab, rows: 10 });
  expect(s).toMatchObject({ tabId: 7, url: 'https://www.a.test/', askedAt: 5, validUntil: NOW + 120_000 });
  expect(s.tab.view.rows).toHaveLength(20);
  expect(s.tab.complete).toBe(false);
  expect(s.tab.valuesWithheld).toBe(true);
  expect(s.tab.view.counts).toEqual(tab.view.counts);
  expect(encodePopupSnapshot(s)).not.toContain('secret-value');
});

test('stored as one string and read back; anything else reads as none', () => {
  const s = popupSnapshot({ tabId: 7, askedAt: 5, tab, rows: 10 });
  expect(parsePopupSnapshot(encodePopupSnapshot(s))).toEqual(JSON.parse(JSON.stringify(s)));
  for (const bad of [undefined, null, 42, {}, s, '', '{', 'null', '[]', JSON.stringify({ ...s, tabId: 'x' }), JSON.stringify({ ...s, tab: { ...s.tab, valuesWithheld: undefined } }), JSON.stringify({ ...s, tab: { ...s.tab, view: { rows: [] } } })]) {
    expect(parsePopupSnapshot(bad)).toBeUndefined();
  }
});

test('usable for the same tab on the same host until its first expiry', () => {
  const s = popupSnapshot({ tabId: 7, askedAt: 5, tab, rows: 10 });
  expect(snapshotUsable(s, 7, 'https://www.a.test/', NOW + 1000)).toBe(true);
  expect(snapshotUsable(s, 8, 'https://www.a.test/', NOW + 1000)).toBe(false);
  // Another page of the same host shows the same cookies; another host, or no page, does not.
  expect(snapshotUsable(s, 7, 'https://www.a.test/other?q=1', NOW + 1000)).toBe(true);
  expect(snapshotUsable(s, 7, 'https://a.test/', NOW + 1000)).toBe(false);
  expect(snapshotUsable(s, 7, 'chrome://settings/', NOW + 1000)).toBe(false);
  expect(snapshotUsable(s, 7, undefined, NOW + 1000)).toBe(false);
  expect(snapshotUsable(s, 7, 'not a url', NOW + 1000)).toBe(false);
  expect(snapshotUsable(s, 7, 'https://www.a.test/', NOW + 120_000)).toBe(false);
  const sessionOnly = popupSnapshot({ tabId: 7, askedAt: 5, tab: { ...tab, view: { ...tab.view, rows: tab.view.rows.filter((r) => r.expires === null) } }, rows: 10 });
  expect(sessionOnly.validUntil).toBeNull();
  expect(snapshotUsable(sessionOnly, 7, 'https://www.a.test/', NOW * 2)).toBe(true);
});

test('one key per tab; the index is one string, entries of the wrong shape left out', () => {
  expect(snapshotKey(7)).toBe('popupSnapshot:7');
  const index = [{ tabId: 7, domains: ['a.test', 'b.test'], askedAt: 5 }];
  expect(parseSnapshotIndex(encodeSnapshotIndex(index))).toEqual(index);
  const mixed = JSON.stringify([...index, null, { tabId: 'x', domains: [], askedAt: 0 }, { tabId: 8, domains: [1], askedAt: 0 }, { tabId: 9, askedAt: 0 }]);
  expect(parseSnapshotIndex(mixed)).toEqual(index);
  for (const bad of [undefined, 42, index, '', '{', '{}', 'null']) expect(parseSnapshotIndex(bad)).toEqual([]);
});
