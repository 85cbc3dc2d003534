import { CookieLogDB } from '../../db/schema';
import { devtoolsTheme } from '../../platform/devtools';
import { t } from '../../platform/i18n';
import { mount } from '../../ui/mount';
import { Panel } from './Panel';
import { panelPort } from './tab-port';
import { FIRST_PAGE, type LogSlice, readLogSlice } from './useLog';
import { type PanelSource, sourceFor } from './source';
import { inPrivateContext } from '../../platform/tabs';
import { useEffect, useState } from 'preact/hooks';
import './panel.css';
import { scopeFromQuery } from '../../ui/scope';
import { Shell } from '../../ui/Shell';
import { resolveTarget } from '../../ui/target';
import { useTarget } from '../../ui/useTarget';

performance.mark('panel-script');
// DevTools has its own theme setting; follow it when DevTools tells us, else prefers-color-scheme.
if (devtoolsTheme() === 'dark') document.documentElement.dataset['theme'] = 'dark';

const db = new CookieLogDB();
const sources = new Map<number, Promise<PanelSource>>();
const sourceOf = (tabId: number): Promise<PanelSource> => {
  let s = sources.get(tabId);
  if (!s) sources.set(tabId, (s = sourceFor(tabId, () => db)));
  return s;
};

// `?tabId=N` needs no browser round trip: start reading the log at once (the panel's open time is a benchmark: bench:panel).
const queryTab = scopeFromQuery(location.search);
const fromQuery = queryTab?.kind === 'tab' ? queryTab.tabId : undefined;
// A page in a private window has no IndexedDB (Firefox): its tabs' logs come from the background.
const first = fromQuery === undefined || inPrivateContext() ? undefined : readLogSlice(db, fromQuery, FIRST_PAGE);
if (fromQuery !== undefined) void sourceOf(fromQuery);

// While the panel is open, the background records the tab's request and response headers (the
// same port then carries the tab's cookies: ./useScope.ts).
if (fromQuery !== undefined) panelPort(fromQuery);
else void resolveTarget().then((target) => target.tabId !== undefined && panelPort(target.tabId));

/** The panel once it knows where the tab's log is read from (./source.ts). */
function PanelFor({ tabId, first }: { tabId: number; first?: Promise<LogSlice> | undefined }) {
  const [source, setSource] = useState<PanelSource | undefined>(undefined);
  useEffect(() => {
    let live = true;
    void sourceOf(tabId).then((s) => live && setSource(s));
    return () => {
      live = false;
    };
  }, [tabId]);
  if (!source) return <p class="muted">{t('panel_loading')}</p>;
  return <Panel source={source} tabId={tabId} first={source.private ? undefined : first} />;
}

function App() {
  const target = useTarget();
  return (
    <Shell title={t('panelTitle')} subtitle={target?.url}>
      {fromQuery !== undefined ? (
        <PanelFor tabId={fromQuery} first={first} />
      ) : target === undefined ? (
        <p class="muted">{t('panel_loading')}</p>
      ) : target.tabId === undefined ? (
        <p data-testid="target">{t('noTab')}</p>
      ) : (
        <PanelFor tabId={target.tabId} />
      )}
    </Shell>
  );
}

mount(<App />);
