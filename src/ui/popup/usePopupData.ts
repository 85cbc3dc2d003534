/**
 * The popup's data: the background's view of its tab (cookies with classification, findings and
 * limits — background/tab-view.ts), asked again when any cookie changes while the popup is open
 * or another limit profile is picked. Cookie events arrive straight from the browser (debounced),
 * not via the log, which is batched for up to 250 ms.
 *
 * The first answer carries the first rows of each section only (`FIRST_ROWS`, in the order the
 * tables open): everything the first paint shows, without waiting for every row of a big profile
 * (3,000 cookies are ~3 MB on the wire). Once that is on screen, the rest is asked for; search and
 * sort then work over every cookie. Live updates ask for the whole view, read afresh.
 *
 * With a `snapshot` (snapshot.ts) the state starts ready with it, and the first answer replaces it.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { TabView } from '../../analysis/view-model';
import { FIRST_ROWS, withSections } from '../../analysis/view-wire';
import { createClient } from '../../messaging/client';
import type { LimitProfileId } from '../../model/limits';
import { onCookiesChanged } from '../../platform/cookie-events';
import { messageRuntime } from '../../platform/runtime';
import type { Target } from '../target';

export type PopupState =
  | { status: 'loading' }
  | { status: 'no-tab' }
  | { status: 'error'; message: string }
  | { status: 'ready'; tab: TabView; generation: number };

const client = createClient(messageRuntime());

/** The first request, sent before the first render (`prefetchTabView`), for the hook to pick up. */
let early: { tabId: number; answer: Promise<TabView> } | undefined;

/**
 * Sends the first request as soon as the target is known, while Preact renders the loading state:
 * the answer is often in by the time the hook's effect would have asked.
 */
export function prefetchTabView(t: Target): Promise<TabView> | undefined {
  if (t.tabId === undefined) return undefined;
  performance.mark('popup-prefetch');
  const answer = client.send('getTabView', { tabId: t.tabId, firstRows: FIRST_ROWS });
  // Handled where it is used; a prefetch nobody uses must not report an unhandled rejection.
  answer.catch(() => undefined);
  early = { tabId: t.tabId, answer };
  return answer;
}

/** The prefetched answer for this request, once. */
function takeEarly(tabId: number, profile: LimitProfileId | undefined): Promise<TabView> | undefined {
  const e = early;
  early = undefined;
  return e !== undefined && profile === undefined && e.tabId === tabId ? e.answer : undefined;
}

export function usePopupData(
  target: Target | undefined,
  access: 'granted' | 'denied' = 'granted',
  profile?: LimitProfileId,
  snapshot?: TabView,
): PopupState {
  const [state, setState] = useState<PopupState>(() =>
    snapshot ? { status: 'ready', tab: { ...snapshot, view: withSections(snapshot.view) }, generation: 0 } : { status: 'loading' },
  );
  const seq = useRef(0);
  const generation = useRef(0);
  const request = useRef<{ tabId: number; profile?: LimitProfileId } | undefined>(undefined);
  // A snapshot on screen: the first request waits until it has painted.
  const afterPaint = useRef(snapshot !== undefined);
  // A layout effect: the request (or the prefetched answer) is taken up right after the commit,
  // not after the loading state has been painted.
  useLayoutEffect(() => {
    if (target === undefined) return undefined;
    const tabId = target.tabId;
    if (tabId === undefined) {
      setState({ status: 'no-tab' });
      return undefined;
    }
    const base = profile === undefined ? { tabId } : { tabId, profile };
    request.current = base;
    const load = (live: boolean): void => {
      // A later load may finish first; only the newest answer is shown.
      const mine = ++seq.current;
      performance.mark('popup-scope-start');
      const ask = (): Promise<TabView> => client.send('getTabView', live ? { ...base, fresh: true } : { ...base, firstRows: FIRST_ROWS });
      ((live ? undefined : takeEarly(tabId, profile)) ?? ask()).then(
        (tab) => {
          performance.mark('popup-scope-done');
          if (mine !== seq.current) return;
          setState({ status: 'ready', tab: { ...tab, view: withSections(tab.view) }, generation: ++generation.current });
        },
        (err: unknown) => {
          if (mine !== seq.current) return;
          setState({ status: 'error', message: err instanceof Error ? err.message : String(err) });
        },
      );
    };
    let cancelled = false;
    if (afterPaint.current) {
      afterPaint.current = false;
      requestAnimationFrame(() => setTimeout(() => cancelled || load(false), 0));
    } else load(false);
    const stop = onCookiesChanged(() => load(true));
    return () => {
      cancelled = true;
      stop();
    };
  }, [target, access, profile]);
  // The first rows are committed (effects run after the render): now the rest, from the
  // background's memory. A newer load in between makes this answer moot.
  const partial = state.status === 'ready' && !state.tab.complete && state.tab.valuesWithheld !== true;
  useEffect(() => {
    const base = request.current;
    if (!partial || base === undefined) return;
    const mine = seq.current;
    client.send('getTabView', base).then(
      (tab) => {
        if (mine !== seq.current) return;
        performance.mark('popup-rows-done');
        setState({ status: 'ready', tab: { ...tab, view: withSections(tab.view) }, generation: ++generation.current });
      },
      (err: unknown) => {
        if (mine !== seq.current) return;
        setState({ status: 'error', message: err instanceof Error ? err.message : String(err) });
      },
    );
  }, [state]);
  return state;
}
