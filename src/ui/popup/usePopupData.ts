/**
 * The popup's data: the background's view of its tab (cookies with classification, findings and
 * limits — background/tab-view.ts), asked again when any cookie changes while the popup is open
 * or another limit profile is picked. Cookie events arrive straight from the browser (debounced),
 * not via the log, which is batched for up to 250 ms.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { TabView } from '../../analysis/view-model';
import { withSections } from '../../analysis/view-wire';
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

export function usePopupData(
  target: Target | undefined,
  access: 'granted' | 'denied' = 'granted',
  profile?: LimitProfileId,
): PopupState {
  const [state, setState] = useState<PopupState>({ status: 'loading' });
  const seq = useRef(0);
  const generation = useRef(0);
  useEffect(() => {
    if (target === undefined) return undefined;
    const tabId = target.tabId;
    if (tabId === undefined) {
      setState({ status: 'no-tab' });
      return undefined;
    }
    const load = (): void => {
      // A later load may finish first; only the newest answer is shown.
      const mine = ++seq.current;
      performance.mark('popup-scope-start');
      client.send('getTabView', profile === undefined ? { tabId } : { tabId, profile }).then(
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
    load();
    return onCookiesChanged(load);
  }, [target, access, profile]);
  return state;
}
