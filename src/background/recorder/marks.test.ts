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
