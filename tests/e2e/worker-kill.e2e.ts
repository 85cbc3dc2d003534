import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startSite, type Site } from '../site/server';
import { launch, selectedBrowsers } from '../../scripts/browser/browsers';
import { ExtensionControl } from '../../scripts/browser/extension';
import { readLog } from './harness/log';
import type { ExtensionBrowser } from '../../scripts/browser/types';

/**
 * Chromium stops extension service workers whenever it likes (30 s idle, memory pressure); the
 * events it had dispatched to a dying worker are gone. This stops the worker in the middle of a
 * burst of cookie traffic and checks that every cookie the site set is in the log afterwards —
 * live, or reconciled when the next worker started. (Firefox's event page gets onSuspend and is
 * not killed mid-event, so there is nothing equivalent to drive there.)
 */
const run = selectedBrowsers().includes('chromium') ? describe : describe.skip;

run('chromium: a service worker stopped mid-burst loses nothing', () => {
  let b: ExtensionBrowser;
  let control: ExtensionControl;
  let site: Site;
  const N = 150;

  beforeAll(async () => {
    site = await startSite();
    b = await launch('chromium');
    control = await ExtensionControl.open(b);
    // What these tests check includes headers of tabs DevTools is not open on.
    await control.recordAllHeaders();
  });
  afterAll(async () => {
    await b?.close();
    await site?.close();
  });

  test('every burst cookie is in the log after the worker was stopped during the burst', async () => {
    const first = await control.send<{ startedAt: number }>('ping');
    const tab = await b.newPage();
    const apiCalls = (): number => site.log.filter((e) => e.url.startsWith('/api/set')).length;
    await b.goto(tab, `${site.http}/fetch-burst?n=${N}`);
    // Stop the worker once part of the burst has been answered, while the rest is in flight.
    await control.waitFor(async () => apiCalls() >= N / 4, 'a quarter of the burst answered', 30_000);
    await b.stopServiceWorker!();
    await tab.page.waitForFunction(() => (window as unknown as { __siteDone?: boolean }).__siteDone === true, {
      timeout: 60_000,
    });
    expect(apiCalls()).toBe(N);

    // The next message starts a new worker; it reconciles before it says it is ready.
    await control.waitForReady(30_000);
    const second = await control.send<{ startedAt: number }>('ping');
    expect(second.startedAt).toBeGreaterThan(first.startedAt);

    const expected = Array.from({ length: N }, (_, i) => `burst_${i}`);
    let missing: string[] = [];
    await control
      .waitFor(
        async () => {
          const { changes } = await readLog(control);
          const logged = new Set(changes.filter((c) => !c.removed).map((c) => c.name));
          missing = expected.filter((n) => !logged.has(n));
          return missing.length === 0;
        },
        'every burst cookie in the log',
        20_000,
      )
      .catch((err: unknown) => {
        throw new Error(`${String(err)}; missing: ${missing.join(', ')}`);
      });
  });
});
