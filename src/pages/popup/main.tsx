import { t } from '../../platform/i18n';
import { mount } from '../../ui/mount';
import { PopupApp } from './PopupApp';
import { openEarly } from './usePopupData';
import { resolveTarget, type Target } from '../../ui/target';
import './popup.css';

// Every module has loaded and run by now: the bench reads this mark to split script cost from data.
performance.mark('popup-main');
document.documentElement.lang = t('ui_locale');
// The tab (one tabs.get or tabs.query) is resolved and its view asked for over the tab's port
// before the first render, not after it has painted.
const none: Target = { tabId: undefined, url: undefined, source: 'none' };
void resolveTarget()
  .catch(() => none)
  .then((target) => {
    openEarly(target);
    performance.mark('popup-mount');
    mount(<PopupApp target={target} />);
    performance.mark('popup-mounted');
  });
