import { useState } from 'preact/hooks';
import { t } from '../../platform/i18n';

/**
 * A cookie value, hidden until the user asks. The choice lives in this component's state only:
 * it is never stored, so a value is shown again only after another click. The value is rendered
 * as a text node — cookie values are hostile input. `value` is undefined while it has not arrived
 * (the popup's first paint from a snapshot): a reveal then waits for it, busy.
 */
export function ValueReveal(props: { name: string; value: string | undefined }) {
  const [shown, setShown] = useState(false);
  return (
    <span class="ui-reveal">
      <button type="button" class="ui-link" aria-expanded={shown} data-action="reveal" onClick={() => setShown(!shown)}>
        {/* The visible words start the accessible name (WCAG 2.5.3 "label in name": a voice-control
            user says what they see); the cookie's name follows, for screen readers only. */}
        {t(shown ? 'ui_hide' : 'ui_reveal')}
        <span class="sr-only"> {t('ui_valueOf', props.name)}</span>
      </button>
      {shown && props.value === undefined ? (
        <span class="muted" aria-busy="true">
          …
        </span>
      ) : null}
      {shown && props.value !== undefined ? (
        <code class="ui-value" data-revealed="true">
          {props.value === '' ? t('ui_emptyValue') : props.value}
        </code>
      ) : null}
    </span>
  );
}
