import type { Page } from 'puppeteer-core';
import { waitInPage, within } from './lib';

/** The page loaded but did not show every expected name in time. */
export class NotShown extends Error {}

/**
 * A watcher that notes `performance.now()` (from navigation start) once every expected name is in
 * the page's text — whatever the markup, so ours and a floor are timed alike. Names are matched as
 * tokens of `pattern`, so one name inside another's text does not count. It checks at once and on
 * every DOM mutation; `__allNamesLate` says the names were all there when it was installed.
 */
function watcher(names: readonly string[], pattern: RegExp): string {
  // A string, not a function: tsx would wrap named helpers in a `__name` call the page lacks.
  return `(() => {
    if (window.__namesWatched || location.protocol === 'about:') return false;
    window.__namesWatched = true;
    const wanted = ${JSON.stringify(names)};
    const pattern = new RegExp(${JSON.stringify(pattern.source)}, 'g');
    const check = () => {
      if (window.__allNamesAt !== undefined || !document.body) return false;
      const seen = new Set(document.body.textContent.match(pattern) || []);
      for (const n of wanted) if (!seen.has(n)) return false;
      window.__allNamesAt = performance.now();
      observer.disconnect();
      return true;
    };
    const observer = new MutationObserver(check);
    observer.observe(document, { childList: true, subtree: true, characterData: true });
    window.__allNamesLate = check();
    return true;
  })()`;
}

export interface Shown {
  ms: number;
  /** Every name was already there when the watcher could be installed: `ms` is an upper bound. */
  late: boolean;
}

/**
 * Opens a page with `navigate` and times it with the watcher: installed before the page's scripts
 * where the driver can (Chromium, CDP), else as early as the new document answers (Firefox: WebDriver
 * BiDi preload scripts do not run in moz-extension:// pages).
 */
export async function timeShown(page: Page, early: boolean, navigate: () => Promise<unknown>, names: readonly string[], pattern: RegExp, timeoutMs: number): Promise<Shown> {
  const script = watcher(names, pattern);
  let navigation: Promise<unknown>;
  if (early) {
    const { identifier } = await within(15_000, 'install the text watcher', page.evaluateOnNewDocument(script));
    navigation = within(timeoutMs, 'navigate', navigate()).finally(() => page.removeScriptToEvaluateOnNewDocument(identifier).catch(() => undefined));
  } else {
    navigation = within(timeoutMs, 'navigate', navigate());
    const deadline = Date.now() + timeoutMs;
    while (!(await page.evaluate(script).catch(() => false))) {
      if (Date.now() > deadline) throw new Error(`could not install the text watcher within ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 5));
    }
  }
  await navigation;
  try {
    await waitInPage(page, 'window.__allNamesAt !== undefined', 'every name', timeoutMs);
  } catch {
    const missing = (await within(10_000, 'count the names shown', page.evaluate(`(() => {
      const seen = new Set(document.body ? document.body.textContent.match(new RegExp(${JSON.stringify(pattern.source)}, 'g')) || [] : []);
      return ${JSON.stringify(names)}.filter((n) => !seen.has(n)).length;
    })()`)).catch(() => '?')) as number | string;
    throw new NotShown(`showed not every name within ${timeoutMs} ms: ${missing} of ${names.length} missing`);
  }
  return (await page.evaluate('({ ms: window.__allNamesAt, late: window.__allNamesLate === true })')) as Shown;
}
