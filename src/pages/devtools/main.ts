import { createPanel, inspectedTabId } from '../../platform/devtools';
import { t } from '../../platform/i18n';
import { keepWatching } from '../../platform/watch';

// The panel page is bound to the inspected tab through the query string, like every UI page.
const tabId = inspectedTabId();
// DevTools is open on the tab: record its headers from now on, before the Cookies panel is even
// shown (the page lives as long as DevTools does), like the Network panel records while open.
if (tabId !== undefined) keepWatching(tabId);
const page = `/src/pages/panel/index.html${tabId === undefined ? '' : `?tabId=${tabId}`}`;
void createPanel(t('panelTitle'), '/icons/icon-32.png', page).then(() => {
  // Signal for the DevTools smoke test: the browser accepted the panel.
  document.documentElement.dataset['panelCreated'] = 'true';
});
