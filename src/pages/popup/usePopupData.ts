/**
 * The popup's data: the background's read model of its tab (cookies with classification,
 * findings and limits — background/tab-views/), pushed through one port (platform/watch.ts).
 * The background sends the view when asked (the first rows of each section first when the tab
 * is large, then the whole view) and again after every cookie change that touches the tab, so
 * the popup neither listens to cookie events nor asks again itself.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { TabView } from '../../view/view-model';
import { FIRST_ROWS, withSections } from '../../view/view-wire';
import type { LimitProfileId } from '../../model/limits';
import { openTabPort, type TabPort } from '../../platform/watch';
import type { Target } from '../../ui/target';

export type PopupState =
  | { status: 'loading' }
  | { status: 'no-tab' }
  | { status: 'error'; message: string }
  | { status: 'ready'; tab: TabView; generation: number };

/** The port opened before the first render (`openEarly`), for the hook to take up. */
let early: { tabId: number; port: TabPort; pushes: TabView[] } | undefined;

/**
 * Opens the tab's port and asks for its view as soon as the target is known, while Preact
 * renders the loading state: the first rows are often in by the time the hook runs.
 */
export function openEarly(t: Target): void {
  if (t.tabId === undefined) return;
  performance.mark('popup-prefetch');
  const port = openTabPort(t.tabId, { watch: false });
  const e = { tabId: t.tabId, port, pushes: [] as TabView[] };
  port.onPush((p) => {
    if (early === e && p.type === 'view') e.pushes.push(p.view);
  });
  port.ask({ type: 'view', firstRows: FIRST_ROWS });
  early = e;
}

export function usePopupData(target: Target | undefined, access: 'granted' | 'denied' = 'granted', profile?: LimitProfileId): PopupState {
  const [state, setState] = useState<PopupState>({ status: 'loading' });
  /** Set while first rows wait to be painted: what to do once they have been. */
  const afterPaint = useRef<(() => void) | undefined>(undefined);
  // A layout effect: views already pushed are taken up right after the commit.
  useLayoutEffect(() => {
    if (target === undefined) return undefined;
    const tabId = target.tabId;
    if (tabId === undefined) {
      setState({ status: 'no-tab' });
      return undefined;
    }
    let generation = 0;
    let alive = true;
    // First rows are painted before anything newer replaces them: the rest of a big tab waits a
    // frame, and only the newest view that arrived meanwhile is shown.
    let painting = false;
    let pending: TabView | undefined;
    const show = (tab: TabView): void => {
      if (painting) {
        pending = tab;
        return;
      }
      performance.mark(tab.complete ? 'popup-rows-done' : 'popup-scope-done');
      setState({ status: 'ready', tab: { ...tab, view: withSections(tab.view) }, generation: ++generation });
      if (tab.complete) return;
      painting = true;
      afterPaint.current = () => {
        painting = false;
        const next = pending;
        pending = undefined;
        if (next && alive) show(next);
      };
    };
    const e = early;
    early = undefined;
    const reuse = e !== undefined && e.tabId === tabId;
    if (e && !reuse) e.port.stop();
    const port = reuse ? e.port : openTabPort(tabId, { watch: false });
    // Pushes arrive in the order the background computed them: the last one shown is the newest.
    port.onPush((p) => {
      if (!alive) return;
      if (p.type === 'view') show(p.view);
      else setState({ status: 'error', message: p.message });
    });
    // What arrived before the hook ran: the first rows (painted first), then the newest.
    if (reuse) for (const tab of [e.pushes[0], e.pushes.at(-1)]) if (tab) show(tab);
    if (!reuse || profile !== undefined)
      port.ask(profile === undefined ? { type: 'view', firstRows: FIRST_ROWS } : { type: 'view', profile, firstRows: FIRST_ROWS });
    return () => {
      alive = false;
      port.stop();
    };
  }, [target, access, profile]);
  // Effects run once the commit has been painted; the rest then comes in a task of its own.
  useEffect(() => {
    const next = afterPaint.current;
    afterPaint.current = undefined;
    if (next) setTimeout(next, 0);
  }, [state]);
  return state;
}
