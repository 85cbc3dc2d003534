import { CookieLogDB } from '../../db/schema';
import { devtoolsTheme } from '../../platform/devtools';
import { t } from '../../platform/i18n';
import { mount } from '../../ui/mount';
import { Panel } from './Panel';
import { panelPort } from './tab-port';
import { FIRST_PAGE, readLogSlice } from './useLog';
import './panel.css';
import { scopeFromQuery } from '../../ui/scope';
import { Shell } from '../../ui/Shell';
import { resolveTarget } from '../../ui/target';
import { useTarget } from '../../ui/useTarget';

performance.mark('panel-script');
// DevTools has its own theme setting; follow it when DevTools tells us, else prefers-color-scheme.
if (devtoolsTheme() === 'dark') document.documentElement.dataset['theme'] = 'dark';

const db = new CookieLogDB();

// `?tabId=N` needs no browser round trip: start reading the log at once (the panel's open time is a benchmark: bench:panel).
const queryTab = scopeFromQuery(location.search);
const fromQuery = queryTab?.kind === 'tab' ? queryTab.tabId : undefined;
const first = fromQuery === undefined ? undefined : readLogSlice(db, fromQuery, FIRST_PAGE);

// While the panel is open, the background records the tab's request and response headers (the
// same port then carries the tab's cookies: ./useScope.ts).
if (fromQuery !== undefined) panelPort(fromQuery);
else void resolveTarget().then((target) => target.tabId !== undefined && panelPort(target.tabId));

function App() {
  const target = useTarget();
  return (
    <Shell title={t('panelTitle')} subtitle={target?.url}>
      {fromQuery !== undefined ? (
        <Panel db={db} tabId={fromQuery} first={first} />
      ) : target === undefined ? (
        <p class="muted">{t('panel_loading')}</p>
      ) : target.tabId === undefined ? (
        <p data-testid="target">{t('noTab')}</p>
      ) : (
        <Panel db={db} tabId={target.tabId} />
      )}
    </Shell>
  );
}

mount(<App />);
