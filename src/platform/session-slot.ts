import { browser } from './browser';

/**
 * One value in `storage.session`: memory only (never written to disk, cleared when the browser
 * quits), shared by the background and the extension's pages, and still there after the service
 * worker stops. Reads are validated (`parse`), since anything may have been left there by an older
 * version. Failures (storage.session missing or refusing) read as "nothing stored" and writes as
 * no-ops: whatever uses a slot must work without it.
 */
export interface SessionSlot<T> {
  load(): Promise<T | undefined>;
  save(value: T): Promise<void>;
  clear(): Promise<void>;
}

export function sessionSlot<T>(key: string, parse: (raw: unknown) => T | undefined): SessionSlot<T> {
  return {
    async load() {
      const got = await sessionRead([key]);
      return got[key] === undefined ? undefined : parse(got[key]);
    },
    async save(value) {
      try {
        await browser.storage.session.set({ [key]: value });
      } catch {
        /* not kept: the next load finds nothing */
      }
    },
    async clear() {
      try {
        await browser.storage.session.remove(key);
      } catch {
        /* nothing to clear, or no storage.session */
      }
    },
  };
}

/** Several storage.session values in one call; a failure reads as nothing stored. */
export async function sessionRead(keys: string[]): Promise<Record<string, unknown>> {
  try {
    return (await browser.storage.session.get(keys)) as Record<string, unknown>;
  } catch {
    return {};
  }
}
