import { createPanel, inspectedTabId } from '../../platform/devtools';
import { t } from '../../platform/i18n';

// The panel page is bound to the inspected tab through the query string, like every UI page.
const tabId = inspectedTabId();
const page = `/src/pages/panel/index.html${tabId === undefined ? '' : `?tabId=${tabId}`}`;
void createPanel(t('panelTitle'), '/icons/icon-32.png', page).then(() => {
  // Signal for the DevTools smoke test: the browser accepted the panel.
  document.documentElement.dataset['panelCreated'] = 'true';
});
