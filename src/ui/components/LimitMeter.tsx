import type { UsageStatus } from '../../model/limits';
import { t } from '../../platform/i18n';

const STATUS_ICON: Record<UsageStatus, string> = { ok: '✓', near: '⚠', over: '✖' };

/**
 * Usage against a limit as a bar, the numbers and the status in words (ok / near / over). The
 * bar is capped at 100 %; the numbers say by how much a domain is over.
 */
export function LimitMeter(props: { label: string; used: number; limit: number; status: UsageStatus; valueText: string }) {
  const pct = props.limit > 0 ? Math.min(100, (props.used / props.limit) * 100) : 0;
  return (
    <span class="ui-meter" data-status={props.status}>
      <span
        class="ui-meter-bar"
        role="meter"
        aria-label={props.label}
        aria-valuemin={0}
        aria-valuemax={props.limit}
        aria-valuenow={Math.min(props.used, props.limit)}
        aria-valuetext={`${props.valueText} (${t(`ui_meter_${props.status}`)})`}
      >
        <span class="ui-meter-fill" style={{ width: `${pct}%` }} />
      </span>
      <span class="ui-meter-text">{props.valueText}</span>
    </span>
  );
}

export function UsageStatusLabel(props: { status: UsageStatus }) {
  return (
    <span class={`ui-status ui-status-${props.status}`} data-status={props.status}>
      <span class="ui-icon" aria-hidden="true">
        {STATUS_ICON[props.status]}
      </span>
      {t(`ui_meter_${props.status}`)}
    </span>
  );
}
