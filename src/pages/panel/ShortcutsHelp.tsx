/** The panel's keyboard shortcuts, in a disclosure next to its actions (a native <details>: Enter or Space opens it). */
import { t } from '../../platform/i18n';

const SHORTCUTS: Array<[keys: string, what: string]> = [
  ['← →', 'panel_help_views'],
  ['↑ ↓', 'panel_help_rows'],
  ['Page Up / Page Down', 'panel_help_pages'],
  ['Home / End', 'panel_help_ends'],
  ['Enter', 'panel_help_open'],
  ['Esc', 'panel_help_close'],
];

export function ShortcutsHelp() {
  return (
    <details class="shortcuts" data-testid="shortcuts">
      <summary>{t('panel_help')}</summary>
      <dl>
        {SHORTCUTS.map(([keys, what]) => (
          <div key={what}>
            <dt>
              <kbd>{keys}</kbd>
            </dt>
            <dd>{t(what)}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
