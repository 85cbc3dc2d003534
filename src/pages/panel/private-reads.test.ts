import { describe, expect, test } from 'vitest';
import type { CookieChangeEvent, HeaderObservation } from '../../model/events';
import { privateLifecycle, privateReader, privateSlice } from './private-reads';

const obs = (id: number, time: number, tabId: number, site: string, extra: Partial<HeaderObservation> = {}): HeaderObservation =>
  ({ id, time, tabId, registrableDomain: site, ...extra }) as HeaderObservation;
const change = (id: number, time: number, site: string): CookieChangeEvent => ({ id, time, registrableDomain: site }) as CookieChangeEvent;

describe('privateSlice', () => {
  const log = {
    observations: [
      obs(-5, 50, 7, 'a.test', { setCookies: [{ name: 'sid', changeEventId: -9 } as never] }),
      obs(-4, 40, 8, 'b.test'),
      obs(-3, 30, 7, 'a.test'),
    ],
    changes: [change(-6, 60, 'a.test'), change(-2, 20, 'b.test'), change(-9, 5, 'c.test')],
  };
  test("takes the tab's observations, the changes on their sites and the ones their lines link to", () => {
    const s = privateSlice(log, 7, {}, []);
    expect(s.observations.map((o) => o.id)).toEqual([-5, -3]);
    expect(s.changes.map((c) => c.id).sort((a, b) => a - b)).toEqual([-9, -6]);
    expect(s.sites).toEqual(['a.test']);
    expect(s.more).toBe(false);
  });
  test('keeps to the range and its limit, and says when more exist', () => {
    const s = privateSlice(log, 7, { since: 35, limit: 1 }, ['b.test']);
    expect(s.observations.map((o) => o.id)).toEqual([-5]);
    expect(s.sites).toEqual(['a.test', 'b.test']);
    expect(privateSlice(log, 7, { limit: 1 }, []).more).toBe(true);
  });
  test('a reader asks for what is newer than the range and reports a settled range changed only when it did', async () => {
    const asked: Array<{ since?: number }> = [];
    const reader = privateReader(async (q) => {
      asked.push(q);
      return log;
    });
    const first = await reader.slice(7, { since: 10 }, []);
    expect(asked).toEqual([{ since: 10 }]);
    expect(await reader.settledChanged(7, { since: 10 }, first)).toBe(false);
    expect(await reader.settledChanged(7, { since: 10 }, { ...first, observations: [] })).toBe(true);
  });
});

test("privateLifecycle keeps the site's observations that name the cookie, oldest first", () => {
  const lc = privateLifecycle(
    { changes: [change(-2, 20, 'a.test'), change(-1, 10, 'a.test')], observations: [] },
    {
      changes: [],
      observations: [
        obs(-4, 40, 1, 'a.test', { cookieNames: ['sid'] }),
        obs(-3, 30, 1, 'a.test', { cookieNames: ['other'] }),
        obs(-5, 35, 1, 'a.test', { setCookies: [{ name: 'sid' } as never] }),
      ],
    },
    'sid',
  );
  expect(lc.changes.map((c) => c.id)).toEqual([-1, -2]);
  expect(lc.observations.map((o) => o.id)).toEqual([-5, -4]);
});
