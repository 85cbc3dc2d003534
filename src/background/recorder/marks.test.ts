import { expect, test } from 'vitest';
import { CookieLogDB, DB_NAME } from '../../db/schema';
import { fakeIdb } from '../../db/test-helpers';
import { SessionMarks } from './marks';

function setup() {
  const db = new CookieLogDB(DB_NAME, fakeIdb());
  const tabs: Record<number, { url?: string; incognito?: boolean }> = {
    1: { url: 'https://app.shop.test/account', incognito: false },
    2: { url: 'https://private.test/', incognito: true },
    3: { url: 'about:blank' },
  };
  let now = 100;
  const marks = new SessionMarks({ db, diskUsable: () => true, tab: async (id) => tabs[id] ?? {}, now: () => now++ });
  return { db, marks };
}

test("a mark names the tab's site; private-window marks never reach disk", async () => {
  const { db, marks } = setup();
  expect(await marks.mark(1, 'login')).toMatchObject({ kind: 'login', site: 'shop.test', tabId: 1, time: 100 });
  await marks.mark(2, 'logout');
  await marks.startup();
  expect((await db.marks.toArray()).map((m) => m.kind)).toEqual(['login', 'startup']);
  expect((await marks.list()).map((m) => [m.kind, m.site])).toEqual([
    ['login', 'shop.test'],
    ['logout', 'private.test'],
    ['startup', undefined],
  ]);
  expect((await marks.list('private.test')).map((m) => m.kind)).toEqual(['logout', 'startup']);
  expect(await marks.clear('private.test')).toBe(1);
  expect(await marks.clear()).toBe(2);
});

test('a tab without a web site cannot be marked: a clear error', async () => {
  const { marks } = setup();
  await expect(marks.mark(3, 'login')).rejects.toThrow('no web site');
});

test('a mark with a span keeps its start and end; a hand mark is "now" with no end', async () => {
  const { marks } = setup();
  expect(await marks.mark(1, 'login', { start: 20, end: 60 })).toMatchObject({ kind: 'login', time: 20, until: 60 });
  const hand = await marks.mark(1, 'logout');
  expect(hand.until).toBeUndefined();
  expect(hand.time).toBeGreaterThanOrEqual(100);
});

test.each([
  [{ start: 60, end: 20 }, 'cannot end before it starts'],
  [{ start: 20, end: 10_000 }, 'cannot end in the future'],
  [{ start: '20', end: 60 }, 'needs a start and an end'],
  [{ start: Number.NaN, end: 60 }, 'needs a start and an end'],
  [{ start: -5, end: 60 }, 'needs a start and an end'],
  [null, 'needs a start and an end'],
])('a bad span %j is refused with a clear error, and nothing is marked', async (span, message) => {
  const { marks } = setup();
  await expect(marks.mark(1, 'login', span)).rejects.toThrow(message);
  expect(await marks.list()).toEqual([]);
});
