/**
 * The inspected tab's current cookies (values included: the inspector needs them for JWT
 * decoding and reveal), asked of the background, which scopes them to the tab's cookie store.
 * Asked again when the log shows a new change, at most every 2 s.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { CookieLogDB } from '../../db/schema';
import { createClient } from '../../messaging/client';
import { messageRuntime } from '../../platform/runtime';
import type { ScopedCookies } from '../scope';

const client = createClient(messageRuntime());

// Each answer carries every cookie of the tab's sites: under a 500 events/s stream, once every
// 2 s keeps it off the scrolling budget.
const MIN_INTERVAL_MS = 2_000;

export function useScope(db: CookieLogDB, tabId: number, version: number): ScopedCookies | undefined {
  const [scope, setScope] = useState<ScopedCookies | undefined>(undefined);
  const last = useRef(0);
  const pending = useRef(false);
  const dirty = useRef(false);
  const [kick, setKick] = useState(0);
  const alive = useRef(true);
  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);
  useEffect(() => {
    // One read in flight or scheduled at a time: a burst of changes costs one getAll, not one each.
    if (pending.current) {
      dirty.current = true;
      return;
    }
    pending.current = true;
    dirty.current = false;
    const wait = Math.max(0, last.current + MIN_INTERVAL_MS - Date.now());
    setTimeout(() => {
      last.current = Date.now();
      void client.send('getScope', { kind: 'tab', tabId })
        .then(
          (s) => {
            if (performance.getEntriesByName('panel-scope').length === 0) performance.mark('panel-scope');
            if (alive.current) setScope(s);
          },
          (err: unknown) => console.warn('panel: cookie read failed', err),
        )
        .finally(() => {
          pending.current = false;
          // Changes arrived while reading: read once more so the view ends up current.
          if (dirty.current && alive.current) setKick((k) => k + 1);
        });
    }, wait);
  }, [db, tabId, version, kick]);
  return scope;
}
