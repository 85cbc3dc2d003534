import { expect, test } from 'vitest';
import { addMark, clearMarks, marksFor } from './marks';
import { CookieLogDB, DB_NAME } from './schema';
import { fakeIdb } from './test-helpers';

test('marks are stored, read per site with every browser start, and cleared', async () => {
  const db = new CookieLogDB(DB_NAME, fakeIdb());
  await addMark(db, { time: 3, kind: 'logout', site: 'a.test', tabId: 1 });
  await addMark(db, { time: 1, kind: 'login', site: 'a.test', tabId: 1 });
  await addMark(db, { time: 2, kind: 'startup' });
  await addMark(db, { time: 4, kind: 'login', site: 'b.test', tabId: 2 });
  expect((await marksFor(db, 'a.test')).map((m) => [m.time, m.kind])).toEqual([
    [1, 'login'],
    [2, 'startup'],
    [3, 'logout'],
  ]);
  expect(await clearMarks(db, 'a.test')).toBe(2);
  expect((await marksFor(db)).map((m) => m.time)).toEqual([2, 4]);
  expect(await clearMarks(db)).toBe(2);
  expect(await marksFor(db)).toEqual([]);
});
