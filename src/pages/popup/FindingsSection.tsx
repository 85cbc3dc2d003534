import { t } from '../../platform/i18n';
import { FindingList } from '../../ui/components';
import { AuditButton } from './AuditButton';
import type { ViewModel } from '../../view/view-model';

/** Enough to act on at a glance; the report has the rest. */
export const TOP_FINDINGS = 5;

export function FindingsSection(props: { vm: ViewModel; tabId: number }) {
  const { findings } = props.vm;
  const top = findings.slice(0, TOP_FINDINGS);
  return (
    <section class="popup-section" aria-labelledby="findings-h" data-testid="top-findings">
      <div class="popup-section-head">
        <h2 id="findings-h">{t('popup_topFindings')}</h2>
        <AuditButton tabId={props.tabId} />
      </div>
      {top.length === 0 ? <p class="muted">{t('popup_noFindings')}</p> : <FindingList findings={top} label={t('popup_topFindings')} />}
      {findings.length > top.length ? <p class="muted">{t('popup_moreFindings', String(findings.length - top.length))}</p> : null}
      <p class="muted popup-hint">{t('popup_devtoolsHint')}</p>
    </section>
  );
}
