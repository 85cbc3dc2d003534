import { t } from '../../platform/i18n';
import { mount } from '../../ui/mount';
import { Shell } from '../../ui/Shell';
import { useTarget } from '../../ui/useTarget';

function Report() {
  const target = useTarget();
  return (
    <Shell title={t('reportTitle')} subtitle={target?.url}>
      <p data-testid="target" data-tab-id={target?.tabId ?? ''}>
        {target ? (target.tabId === undefined ? t('noTab') : t('targetTab', String(target.tabId))) : '…'}
      </p>
    </Shell>
  );
}

mount(<Report />);
