/** A browser and log in memory for the read model's tests. */
import type { CookieSnapshot } from '../../model/cookie';
import { cookieSnapshot } from '../../model/cookie.test-helpers';
import { TabReadModel, type ReadModelSources, type ScopeObservation } from './read-model';

export const NOW = 1_800_000_000_000;

export function cookie(name: string, domain: string, overrides: Partial<CookieSnapshot> = {}): CookieSnapshot {
  return cookieSnapshot({ name, value: 'v', domain, ...overrides });
}

/** Tab 1 on www.a.test (normal store '0') talking to b.test; tab 2 in the private store '1'. */
export function world() {
  const w = {
    clock: NOW,
    tabs: new Map<number, { url: string; storeId: string }>([
      [1, { url: 'https://www.a.test/', storeId: '0' }],
      [2, { url: 'https://www.a.test/', storeId: '1' }],
    ]),
    jar: [
      cookie('sid', 'www.a.test'),
      cookie('t', 'cdn.b.test'),
      cookie('other', 'c.test'),
      cookie('secret', 'www.a.test', { storeId: '1' }),
    ],
    observations: new Map<number, ScopeObservation[]>([[1, [{ topLevelSite: 'a.test', registrableDomain: 'b.test' }]]]),
    reads: { jar: 0 },
    timers: [] as Array<() => void>,
  };
  const sources: ReadModelSources = {
    tab: async (id) => w.tabs.get(id),
    readJar: async () => {
      w.reads.jar++;
      return [...w.jar];
    },
    observations: async (id) => [...(w.observations.get(id) ?? [])],
    isPrivateStore: (s) => s === '1',
    now: () => w.clock,
  };
  const model = new TabReadModel(sources, (f) => {
    w.timers.push(f);
    return 0 as unknown as ReturnType<typeof setTimeout>;
  });
  /** Runs the refreshes scheduled so far and lets their reads settle. */
  const fire = async (): Promise<void> => {
    for (const f of w.timers.splice(0)) f();
    await settle();
  };
  return { w, model, fire };
}

export async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await Promise.resolve();
  await new Promise((r) => setTimeout(r, 0));
}
