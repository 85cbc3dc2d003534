/** Small display helpers shared by the panel's views. */
import { uiLanguage } from '../../platform/i18n';

export function clockTime(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`;
}

export function dateTime(ms: number): string {
  try {
    return new Date(ms).toLocaleString(uiLanguage());
  } catch {
    return new Date(ms).toISOString();
  }
}
