/**
 * The inspected tab's current cookies (values included: the inspector needs them for JWT
 * decoding and reveal), pushed by the background's read model over the panel's port: scoped to
 * the tab's cookie store, and pushed again after every change that touches the tab.
 */
import { useEffect, useState } from 'preact/hooks';
import type { TabView } from '../../view/view-model';
import type { ScopedCookies } from '../../ui/scope';
import { panelPort } from './tab-port';

function scopedOf(tabId: number, v: TabView): ScopedCookies {
  return {
    scope: { kind: 'tab', tabId },
    topLevelUrl: v.topLevelUrl,
    topLevelSite: v.topLevelSite,
    domains: v.domains,
    cookies: v.view.rows.map((r) => r.cookie),
    inspectable: v.inspectable,
    stores: { kind: 'store', storeId: v.storeId ?? '' },
  };
}

export function useScope(tabId: number): ScopedCookies | undefined {
  const [scope, setScope] = useState<ScopedCookies | undefined>(undefined);
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
