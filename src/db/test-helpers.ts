/**
 * Fixtures for the db tests (imported by `*.test.ts` only): an isolated fake-indexeddb per database,
 * complete records with overridable fields, and a hand-driven clock for the writer.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import type { DexieOptions } from 'dexie';
import { cookieKey, type NewCookieChange, type NewHeaderObservation } from '../model/events';
import { CookieLogDB } from './schema';
import type { Scheduler } from './scheduler';

/** Every call gets its own IndexedDB universe, so tests never see each other's databases. */
export function fakeIdb(): Pick<DexieOptions, 'indexedDB' | 'IDBKeyRange'> {
  return { indexedDB: new IDBFactory(), IDBKeyRange };
}

export function openTestDb(options = fakeIdb()): CookieLogDB {
  return new CookieLogDB('cookie-monitor', options);
}

export function makeChange(overrides: Partial<NewCookieChange> = {}): NewCookieChange {
  const base = {
    time: 1_700_000_000_000,
    storeId: '0',
    incognito: false,
    cause: 'explicit' as const,
    removed: false,
    name: 'sid',
    domain: 'example.com',
    hostOnly: true,
    path: '/',
    secure: true,
    httpOnly: true,
    sameSite: 'lax' as const,
    session: true,
    registrableDomain: 'example.com',
    valueLength: 6,
    valueDigest: 'abcdef012345',
    source: 'http' as const,
    ...overrides,
  };
  return { cookieKey: cookieKey(base), ...base };
}

export function makeObservation(overrides: Partial<NewHeaderObservation> = {}): NewHeaderObservation {
  return {
    time: 1_700_000_000_000,
    kind: 'response',
    tabId: 1,
    frameId: 0,
    requestId: 'r1',
    url: 'https://example.com/',
    method: 'GET',
    resourceType: 'main_frame',
    statusCode: 200,
    scheme: 'https',
    registrableDomain: 'example.com',
    setCookies: [],
    ...overrides,
  };
}

/** A clock that moves only when told to; timers fire in due order during `advance`. */
export class ManualScheduler implements Scheduler {
  private time = 0;
  private nextHandle = 1;
  private timers = new Map<number, { due: number; fn: () => void }>();

  now(): number {
    return this.time;
  }

  setTimer(fn: () => void, ms: number): unknown {
    const handle = this.nextHandle++;
    this.timers.set(handle, { due: this.time + ms, fn });
    return handle;
  }

  clearTimer(handle: unknown): void {
    this.timers.delete(handle as number);
  }

  get pending(): number {
    return this.timers.size;
  }

  advance(ms: number): void {
    const until = this.time + ms;
    for (;;) {
      const next = [...this.timers.entries()].sort((a, b) => a[1].due - b[1].due)[0];
      if (!next || next[1].due > until) break;
      this.timers.delete(next[0]);
      this.time = Math.max(this.time, next[1].due);
      next[1].fn();
    }
    this.time = until;
  }
}

/** Lets fake-indexeddb (which schedules with setImmediate) and the writer's promises run. */
export async function idle(rounds = 20): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise((resolve) => setImmediate(resolve));
}

/** Advances the clock step by step until `p` settles (retries wait on backoff timers). */
export async function settleWith(scheduler: ManualScheduler, p: Promise<unknown>, stepMs = 1_000): Promise<void> {
  let settled = false;
  void p.then(
    () => (settled = true),
    () => (settled = true),
  );
  for (let i = 0; i < 200 && !settled; i++) {
    await idle();
    if (!settled) scheduler.advance(stepMs);
  }
  if (!settled) throw new Error('did not settle');
}
