/** The catalogue on its own: ids, reasons and the "rejected" finding agree on every host and scheme. */
import { describe, expect, test } from 'vitest';
import { ROUTES, setCookieLines } from './catalogue';
import type { Scheme } from './types';

const SCHEMES: Scheme[] = ['http', 'https'];

describe('catalogue consistency', () => {
  const ctxs = SCHEMES.flatMap((scheme) =>
    ['127.0.0.1', 'localhost', 'app.cookie-demo.localhost'].map((host) => ({
      scheme,
      host,
      now: Date.now(),
      vars: { stage: 'signed-in' },
    })),
  );

  test('ids unique per route; rejected outcomes carry a reason; "rejected" finding iff a browser refuses', () => {
    for (const r of ROUTES) {
      for (const ctx of ctxs) {
        const cases = r.cookies(ctx);
        expect(new Set(cases.map((c) => c.id)).size, r.path).toBe(cases.length);
        for (const c of cases) {
          const outcomes = Object.values(c.browsers);
          for (const o of outcomes) if (o.result === 'rejected') expect(o.reason, c.id).toBeTruthy();
          const refused = outcomes.some((o) => o.result === 'rejected');
          expect(c.findings.includes('rejected'), `${c.id} on ${ctx.host}`).toBe(refused);
          expect(r.scenario.startsWith(c.id.split('/')[0] ?? '-'), c.id).toBe(true);
        }
      }
    }
  });

  test('setCookieLines is the header subset of the cases', () => {
    const ctx = { scheme: 'http' as const, host: '127.0.0.1', now: 0, vars: {} };
    expect(setCookieLines('/script', ctx)).toEqual([]);
    expect(setCookieLines('/samesite', ctx)).toHaveLength(6);
  });
});
