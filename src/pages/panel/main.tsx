import { t } from '../../platform/i18n';
import { mount } from '../../ui/mount';
import { Shell } from '../../ui/Shell';
import { useTarget } from '../../ui/useTarget';

function Panel() {
  const target = useTarget();
  return (
    <Shell title={t('panelTitle')} subtitle={target?.url}>
      <p data-testid="target" data-tab-id={target?.tabId ?? ''}>
        {target ? (target.tabId === undefined ? t('noTab') : t('targetTab', String(target.tabId))) : '…'}
      </p>
    </Shell>
  );
}

mount(<Panel />);
