/** Small display helpers shared by the panel's views. */
import { t } from '../../platform/i18n';

export function clockTime(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`;
}

export function dateTime(ms: number): string {
  try {
    // The messages' locale: getUILanguage() can differ from it (headless Chromium started with --lang).
    return new Date(ms).toLocaleString(t('ui_locale'));
  } catch {
    return new Date(ms).toISOString();
  }
}
