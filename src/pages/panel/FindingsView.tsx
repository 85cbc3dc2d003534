/** Every finding for the inspected page, grouped by severity, each with its reference. */
import { SEVERITIES, type Finding } from '../../model/finding';
import { t } from '../../platform/i18n';
import { FindingItem } from './FindingItem';

export function FindingsView({ findings }: { findings: readonly Finding[] }) {
  if (findings.length === 0) return <p class="muted">{t('panel_no_findings')}</p>;
  return (
    <section aria-label={t('panel_view_findings')} data-testid="findings">
      {SEVERITIES.map((sev) => {
        const list = findings.filter((f) => f.severity === sev);
        if (list.length === 0) return null;
        return (
          <section key={sev} data-severity-group={sev}>
            <h2>{t('panel_severity_group', [t(`panel_severity_${sev}`), String(list.length)])}</h2>
            <ul class="findings">
              {list.map((f, i) => (
                <FindingItem key={`${f.id}${i}`} finding={f} />
              ))}
            </ul>
          </section>
        );
      })}
    </section>
  );
}
