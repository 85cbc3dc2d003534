import { useId } from 'preact/hooks';
import type { Severity } from '../../model/finding';
import { t } from '../../platform/i18n';

export type Tone = 'neutral' | 'good' | 'warn' | 'high' | 'medium' | 'low' | 'info';

/** A small label: an icon (hidden from screen readers) plus text, so meaning never rests on colour. */
export function Badge(props: { label: string; icon?: string; tone?: Tone; title?: string; code?: string }) {
  return (
    <span class={`ui-badge ui-tone-${props.tone ?? 'neutral'}`} title={props.title} data-badge={props.code}>
      {props.icon ? (
        <span class="ui-icon" aria-hidden="true">
          {props.icon}
        </span>
      ) : null}
      {props.label}
    </span>
  );
}

/**
 * A problem marker whose one-line reason shows on hover and on keyboard focus (a native `title`
 * never appears on focus), and is read out as the marker's description.
 */
export function Flag(props: { code: string; label: string; reason?: string | undefined; tone?: Tone }) {
  const id = useId();
  return (
    <span
      class={`ui-flag ui-tone-${props.tone ?? 'warn'}`}
      tabIndex={0}
      data-flag={props.code}
      aria-describedby={props.reason ? id : undefined}
    >
      <span class="ui-icon" aria-hidden="true">
        ⚠
      </span>
      {props.label}
      {props.reason ? (
        <span class="ui-tip" role="tooltip" id={id}>
          {props.reason}
        </span>
      ) : null}
    </span>
  );
}

const SEVERITY_ICON: Record<Severity, string> = { high: '▲', medium: '◆', low: '●', info: 'ℹ' };

export function SeverityBadge(props: { severity: Severity; count?: number }) {
  const label = t(`ui_severity_${props.severity}`);
  return (
    <Badge
      tone={props.severity}
      icon={SEVERITY_ICON[props.severity]}
      code={`severity-${props.severity}`}
      label={props.count === undefined ? label : `${props.count} ${label}`}
    />
  );
}
