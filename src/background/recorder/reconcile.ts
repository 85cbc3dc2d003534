/**
 * What the log missed while the background was not running. A service worker can be stopped at
 * any moment (Chromium's idle timeout, a crash, an update); events dispatched to it but not yet
 * written die with it. At start the background compares the browser's cookies with the last
 * state the log holds (db `jar`) and records each difference as a `reconciled` change, so every
 * cookie a site set appears in the log even if its live event was lost. Pure.
 */
import type { JarRow } from '../../db/schema';
import type { NewCookieChange } from '../../model/events';
import { buildChange, type ChangeInput } from './changes';

export interface CurrentCookie {
  /** The change this cookie would produce if it were reported now (value digest filled in). */
  change: NewCookieChange;
}

/**
 * `rekeyed`: the digests of `current` were made with a different key than the jar's (a new browser
 * session, db/digest.ts): values cannot be compared, so a cookie still present with the same expiry
 * counts as unchanged (a value changed while stopped is then missed).
 */
export function reconcile(known: readonly JarRow[], current: readonly NewCookieChange[], now: number, rekeyed = false): NewCookieChange[] {
  const byKey = new Map(known.map((row) => [row.cookieKey, row]));
  const out: NewCookieChange[] = [];
  const seen = new Set<string>();
  for (const c of current) {
    seen.add(c.cookieKey);
    const row = byKey.get(c.cookieKey);
    if (row && (rekeyed || row.valueDigest === c.valueDigest) && row.expirationDate === c.expirationDate) continue;
    out.push({ ...c, time: now, cause: 'explicit', removed: false, source: 'unknown', reconciled: true });
  }
  for (const row of known) {
    if (seen.has(row.cookieKey)) continue;
    const expired = row.expirationDate !== undefined && row.expirationDate * 1000 <= now;
    out.push({
      ...row,
      time: now,
      cause: expired ? 'expired' : 'explicit',
      removed: true,
      source: 'unknown',
      reconciled: true,
    });
  }
  return out;
}

export interface StartReconcileInput {
  /** Pause means nothing is recorded from any path, start-up reconciliation included. */
  paused: boolean;
  /** The digest key is new since the jar was written (see `reconcile`). */
  rekeyed?: boolean;
  known: readonly JarRow[];
  cookies: readonly ChangeInput['cookie'][];
  isPrivateStore(storeId: string): boolean;
  describe(value: string): { valueLength: number; valueDigest: string };
  now: number;
}

/**
 * The changes start-up reconciliation records (none while paused; private stores never), and the
 * current cookies as change records (to re-key the jar with).
 */
export function reconcileAtStart(input: StartReconcileInput): { changes: NewCookieChange[]; current: NewCookieChange[] } {
  if (input.paused) return { changes: [], current: [] };
  const current = input.cookies
    .filter((c) => !input.isPrivateStore(c.storeId))
    .map((cookie) =>
      buildChange({ removed: false, cause: 'explicit', cookie }, { time: input.now, incognito: false, ...input.describe(cookie.value) }),
    );
  return { changes: reconcile(input.known, current, input.now, input.rekeyed), current };
}
