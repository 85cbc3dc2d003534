import { uiLanguage } from '../../platform/i18n';
import { mount } from '../../ui/mount';
import { PopupApp } from '../../ui/popup/PopupApp';
import '../../ui/popup/popup.css';

document.documentElement.lang = uiLanguage();
mount(<PopupApp />);
