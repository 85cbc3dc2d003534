import { CookieLogDB } from '../../db/schema';
import { devtoolsTheme } from '../../platform/devtools';
import { t } from '../../platform/i18n';
import { mount } from '../../ui/mount';
import { Panel } from '../../ui/panel/Panel';
import '../../ui/panel/panel.css';
import { Shell } from '../../ui/Shell';
import { useTarget } from '../../ui/useTarget';

// DevTools has its own theme setting; follow it when DevTools tells us, else prefers-color-scheme.
if (devtoolsTheme() === 'dark') document.documentElement.dataset['theme'] = 'dark';

const db = new CookieLogDB();

function App() {
  const target = useTarget();
  return (
    <Shell title={t('panelTitle')} subtitle={target?.url}>
      {target === undefined ? (
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
