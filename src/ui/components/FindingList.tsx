import type { Finding } from '../../model/finding';
import { t } from '../../platform/i18n';
import { SeverityBadge } from './Badge';
import { findingText } from './finding-text';

/** Findings in the order given (callers pass them sorted, highest severity first). */
export function FindingList(props: { findings: readonly Finding[]; label: string }) {
  return (
    <ul class="ui-findings" aria-label={props.label}>
      {props.findings.map((f, i) => (
        <li key={`${f.id}:${i}`} data-finding-id={f.id} data-severity={f.severity}>
          <SeverityBadge severity={f.severity} />
          <span class="ui-finding-text">{findingText(f, (k) => t(k))}</span>
          <a class="ui-ref" href={f.reference.url} target="_blank" rel="noreferrer noopener">
            {f.reference.label}
          </a>
        </li>
      ))}
    </ul>
  );
}
