import { uiLanguage } from '../../platform/i18n';
import { mount } from '../../ui/mount';
import { ReportPage } from './ReportPage';
import './report.css';

document.documentElement.lang = uiLanguage();
mount(<ReportPage />);
