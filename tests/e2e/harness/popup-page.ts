/** Reading the popup page (opened as a tab) and the browser's cookie jar from an extension page. */
import type { TrackedPage } from '../../../scripts/browser/types';

export interface BrowserCookie {
  name: string;
  value: string;
  domain: string;
  path: string;
  secure: boolean;
  httpOnly: boolean;
  session: boolean;
}

export interface PopupRow {
  name: string;
  domain: string;
  path: string;
  section: string;
  flags: string;
  badges: string[];
}

/**
 * Waits for the popup's own signals that its first data render is on screen (`data-loaded`) and
 * that every row is in (`data-complete`: a big profile's first answer has the first rows of each
 * section only). Timer polling: a tab that is not in front gets no animation frames (puppeteer's
 * default polling).
 */
export async function waitForPopup(p: TrackedPage, timeout = 20_000): Promise<void> {
  await p.page.waitForFunction(
    () => document.documentElement.dataset['loaded'] === 'true' && document.documentElement.dataset['complete'] === 'true',
    { timeout, polling: 100 },
  );
}

/** Every cookie in the default store, read with the same API the extension uses. */
export async function browserCookies(p: TrackedPage): Promise<BrowserCookie[]> {
  return (await p.page.evaluate(async () => {
    const api = (globalThis as unknown as { browser: { cookies: { getAll(d: object): Promise<BrowserCookie[]> } } }).browser;
    const all = await api.cookies.getAll({});
    return all.map((c) => ({
      name: c.name,
      value: c.value,
      domain: c.domain,
      path: c.path,
      secure: c.secure,
      httpOnly: c.httpOnly,
      session: c.session,
    }));
  })) as BrowserCookie[];
}

export async function popupRows(p: TrackedPage): Promise<PopupRow[]> {
  return p.page.$$eval('tr[data-cookie-name]', (trs) =>
    trs.map((tr) => {
      const d = (tr as HTMLElement).dataset;
      return {
        name: d['cookieName'] ?? '',
        domain: d['cookieDomain'] ?? '',
        path: d['cookiePath'] ?? '',
        section: d['section'] ?? '',
        flags: d['flags'] ?? '',
        badges: [...tr.querySelectorAll('[data-badge]')].map((b) => b.getAttribute('data-badge') ?? ''),
      };
    }),
  );
}
