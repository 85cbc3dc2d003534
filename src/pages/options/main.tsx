import { t } from '../../platform/i18n';
import { mount } from '../../ui/mount';
import { Shell } from '../../ui/Shell';
import { Options } from './Options';
import './options.css';

mount(
  <Shell title={t('optionsTitle')}>
    <Options />
  </Shell>,
);
