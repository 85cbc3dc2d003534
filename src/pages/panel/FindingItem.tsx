/** One finding: severity as icon + text (never colour alone), message and its reference. */
import type { Finding } from '../../model/finding';
import { t } from '../../platform/i18n';
import { findingText } from '../../ui/components/finding-text';

const SEVERITY_ICON: Record<Finding['severity'], string> = { high: '▲', medium: '◆', low: '▼', info: 'ℹ' };

export function FindingItem({ finding }: { finding: Finding }) {
  return (
    <li class={`finding sev-${finding.severity}`} data-finding={finding.id} data-severity={finding.severity}>
      <span class="sev">
        <span aria-hidden="true">{SEVERITY_ICON[finding.severity]} </span>
        {t(`panel_severity_${finding.severity}`)}
      </span>{' '}
      <span class="wrap">{findingText(finding, (key) => t(key))}</span>{' '}
      <a href={finding.reference.url} target="_blank" rel="noreferrer noopener">
        {finding.reference.label}
      </a>
    </li>
  );
}
