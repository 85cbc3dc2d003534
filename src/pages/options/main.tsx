import { t } from '../../platform/i18n';
import { mount } from '../../ui/mount';
import { Shell } from '../../ui/Shell';

function Options() {
  return (
    <Shell title={t('optionsTitle')}>
      <p>{t('optionsIntro')}</p>
    </Shell>
  );
}

mount(<Options />);
