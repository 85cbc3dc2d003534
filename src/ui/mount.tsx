import { render, type ComponentChild } from 'preact';
import { t } from '../platform/i18n';
import './base.css';

/**
 * Renders a page's root, in the messages' language, and raises `data-ready` on <html> once the first render has committed:
 * the signal end-to-end tests wait on instead of sleeping. Pages that load data set
 * `data-loaded` themselves when their first query has answered.
 */
export function mount(app: ComponentChild, rootId = 'app'): void {
  // The language the messages are in (not the HTML's static "en"): screen readers pronounce by it.
  document.documentElement.lang = t('ui_locale') || 'en';
  const root = document.getElementById(rootId);
  if (!root) throw new Error(`#${rootId} missing`);
  render(app, root);
  requestAnimationFrame(() => {
    document.documentElement.dataset['ready'] = 'true';
  });
}

export function markLoaded(): void {
  document.documentElement.dataset['loaded'] = 'true';
}
