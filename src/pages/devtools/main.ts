import { createPanel, inspectedTabId } from '../../platform/devtools';
import { t } from '../../platform/i18n';

// The panel page is bound to the inspected tab through the query string, like every UI page.
const tabId = inspectedTabId();
const page = `/src/pages/panel/index.html${tabId === undefined ? '' : `?tabId=${tabId}`}`;
createPanel(t('panelTitle'), '/icons/icon-32.png', page);
