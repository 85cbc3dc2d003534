import { t } from '../../platform/i18n';
import { mount } from '../../ui/mount';
import { prefetchCookies } from '../../ui/popup/load-tab';
import { PopupApp } from '../../ui/popup/PopupApp';
import '../../ui/popup/popup.css';

prefetchCookies();
document.documentElement.lang = t('ui_locale');
mount(<PopupApp />);
