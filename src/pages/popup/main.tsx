import { t } from '../../platform/i18n';
import { mount } from '../../ui/mount';
import { PopupApp } from '../../ui/popup/PopupApp';
import { readSnapshot } from '../../ui/popup/snapshot';
import { prefetchTabView } from '../../ui/popup/usePopupData';
import { resolveTarget, type Target } from '../../ui/target';
import '../../ui/popup/popup.css';

// Every module has loaded and run by now: the bench reads this mark to split script cost from data.
performance.mark('popup-main');
document.documentElement.lang = t('ui_locale');
// The tab (one tabs.get or tabs.query) and its view are asked for before the first render, not
// after it has painted. The first render shows whichever comes first: the background's answer,
// or its snapshot of the tab when it has a current one (storage.session: no wait for a stopped
// service worker).
const none: Target = { tabId: undefined, url: undefined, source: 'none' };
void resolveTarget()
  .catch(() => none)
  .then(async (target) => {
    const first = await readSnapshot(target).catch(() => undefined);
    if (first === undefined) prefetchTabView(target);
    performance.mark('popup-mount');
    mount(<PopupApp target={target} snapshot={first} />);
    performance.mark('popup-mounted');
  });
