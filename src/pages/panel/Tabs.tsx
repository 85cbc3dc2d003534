/** WAI-ARIA tabs for the panel's views: arrow keys, Home and End move between tabs (automatic activation). */
import { t } from '../../platform/i18n';

export const VIEWS = ['timeline', 'cookies', 'sessions', 'limits', 'findings'] as const;
export type View = (typeof VIEWS)[number];

export function Tabs(props: { view: View; onView: (v: View) => void; counts: Partial<Record<View, number>> }) {
  const onKeyDown = (e: KeyboardEvent): void => {
    const i = VIEWS.indexOf(props.view);
    const next: Record<string, number> = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: VIEWS.length - 1 };
    const target = next[e.key];
    if (target === undefined) return;
    e.preventDefault();
    const v = VIEWS[(target + VIEWS.length) % VIEWS.length] as View;
    props.onView(v);
    document.getElementById(`tab-${v}`)?.focus();
  };
  return (
    <div role="tablist" aria-label={t('panel_views')} class="tabs" onKeyDown={onKeyDown}>
      {VIEWS.map((v) => (
        <button
          key={v}
          type="button"
          role="tab"
          id={`tab-${v}`}
          aria-selected={props.view === v}
          aria-controls={`view-${v}`}
          tabIndex={props.view === v ? 0 : -1}
          onClick={() => props.onView(v)}
          data-testid={`tab-${v}`}
        >
          {t(`panel_view_${v}`)}
          {props.counts[v] !== undefined ? <span class="count"> {props.counts[v]}</span> : null}
        </button>
      ))}
    </div>
  );
}
