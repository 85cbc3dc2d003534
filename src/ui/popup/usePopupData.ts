/**
 * The popup's data: the cookies visible to its tab (as ui/scope defines them), reloaded when any cookie changes
 * while the popup is open. Cookie events arrive straight from the browser (debounced), not via
 * the log: the log is batched for up to 250 ms and the popup reads no more of it than the tab's recent
 * observations that name the sites in scope.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { CookieLogDB } from '../../db/schema';
import { loadSettings } from '../../db/settings';
import type { LimitProfileId } from '../../model/limits';
import { runningProfileId } from '../../platform/profile';
import { onCookiesChanged } from '../../platform/cookie-events';
import type { Target } from '../target';
import { dropPrefetchedCookies, loadTabScope, type TabScope } from './load-tab';

export type PopupState =
  | { status: 'loading' }
  | { status: 'no-tab' }
  | { status: 'error'; message: string }
  | { status: 'ready'; scope: TabScope; loadedAt: number; generation: number; profile: LimitProfileId };

let db: CookieLogDB | undefined;
function database(): CookieLogDB {
  return (db ??= new CookieLogDB());
}

let preferred: Promise<LimitProfileId> | undefined;

/** The profile chosen on the options page; 'auto' (and any failure) means the running browser's. */
function preferredProfile(): Promise<LimitProfileId> {
  return (preferred ??= loadSettings(database()).then(
    (s) => (s.limitProfile === 'auto' ? runningProfileId() : s.limitProfile),
    () => runningProfileId(),
  ));
}

export function usePopupData(target: Target | undefined, access: 'granted' | 'denied' = 'granted'): PopupState {
  const [state, setState] = useState<PopupState>({ status: 'loading' });
  const seq = useRef(0);
  useEffect(() => {
    if (target === undefined) return undefined;
    const tabId = target.tabId;
    if (tabId === undefined) {
      setState({ status: 'no-tab' });
      return undefined;
    }
    let generation = 0;
    const load = (): void => {
      // A later load may finish first; only the newest answer is shown.
      const mine = ++seq.current;
      Promise.all([loadTabScope(database(), tabId), preferredProfile()]).then(
        ([scope, profile]) => {
          if (mine !== seq.current) return;
          setState({ status: 'ready', scope, loadedAt: Date.now(), generation: ++generation, profile });
        },
        (err: unknown) => {
          if (mine !== seq.current) return;
          setState({ status: 'error', message: err instanceof Error ? err.message : String(err) });
        },
      );
    };
    load();
    return onCookiesChanged(() => {
      dropPrefetchedCookies();
      load();
    });
  }, [target, access]);
  return state;
}
