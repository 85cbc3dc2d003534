/**
 * Cookie changes for open UI pages. A site that sets ten cookies in one response fires ten
 * `cookies.onChanged` events (and an overwrite fires two); pages want one "something changed"
 * after the burst, so the callback is debounced. Returns the unsubscribe function.
 */
import { browser, type Cookies } from './browser';

export const COOKIE_EVENTS_DEBOUNCE_MS = 100;

export function onCookiesChanged(callback: () => void, debounceMs = COOKIE_EVENTS_DEBOUNCE_MS): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const listener = (_change: Cookies.OnChangedChangeInfoType): void => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      callback();
    }, debounceMs);
  };
  browser.cookies.onChanged.addListener(listener);
  return () => {
    if (timer !== undefined) clearTimeout(timer);
    browser.cookies.onChanged.removeListener(listener);
  };
}
