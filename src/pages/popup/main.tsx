import { t } from '../../platform/i18n';
import { mount } from '../../ui/mount';
import { PopupApp } from '../../ui/popup/PopupApp';
import '../../ui/popup/popup.css';

// Every module has loaded and run by now: the bench reads this mark to split script cost from data.
performance.mark('popup-main');
document.documentElement.lang = t('ui_locale');
mount(<PopupApp />);
