/**
 * The inspected tab's current cookies (values included: the inspector needs them for JWT
 * decoding and reveal), pushed by the background's read model over the panel's port: scoped to
 * the tab's cookie store, and pushed again after every change that touches the tab.
 */
import { useEffect, useState } from 'preact/hooks';
import type { TabView } from '../../view/view-model';
import type { ScopedCookies } from '../../ui/scope';
import { panelPort } from './tab-port';

/** The tab's cookies, and its sessions and login/logout moments from the same push. */
export type PanelScope = ScopedCookies & Pick<TabView, 'sessions' | 'authMoments'>;

function scopedOf(tabId: number, v: TabView): PanelScope {
  return {
    sessions: v.sessions,
    authMoments: v.authMoments,
    scope: { kind: 'tab', tabId },
    topLevelUrl: v.topLevelUrl,
    topLevelSite: v.topLevelSite,
    domains: v.domains,
    cookies: v.view.rows.map((r) => r.cookie),
    inspectable: v.inspectable,
    stores: { kind: 'store', storeId: v.storeId ?? '' },
  };
}

export function useScope(tabId: number): PanelScope | undefined {
  const [scope, setScope] = useState<PanelScope | undefined>(undefined);
  useEffect(() => {
    const port = panelPort(tabId);
    const stop = port.onPush((p) => {
      if (p.type === 'error') {
        console.warn('panel: cookie read failed', p.message);
        return;
      }
      if (performance.getEntriesByName('panel-scope').length === 0) performance.mark('panel-scope');
      setScope(scopedOf(tabId, p.view));
    });
    port.ask({ type: 'view' });
    return stop;
  }, [tabId]);
  return scope;
}
