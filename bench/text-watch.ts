import type { Page } from 'puppeteer-core';
import { waitInPage, within } from './lib';

/** The page loaded but did not show every expected name in time. */
export class NotShown extends Error {}

/**
 * A watcher that notes `performance.now()` (from navigation start) once `condition` (a JS
 * expression) holds, checked at once and after every DOM mutation; `__watchLate` says it already
 * held when the watcher was installed.
 */
function watcher(setup: string, condition: string): string {
  // A string, not a function: tsx would wrap named helpers in a `__name` call the page lacks.
  return `(() => {
    if (window.__watching || location.protocol === 'about:') return false;
    window.__watching = true;
    ${setup}
    const check = () => {
      if (window.__watchAt !== undefined || !(${condition})) return false;
      window.__watchAt = performance.now();
      observer.disconnect();
      return true;
    };
    const observer = new MutationObserver(check);
    observer.observe(document, { childList: true, subtree: true, characterData: true, attributes: true });
    window.__watchLate = check();
    return true;
  })()`;
}

/** Every expected name in the page's text, matched as tokens of `pattern` (one name inside another's text does not count). */
export function namesShown(names: readonly string[], pattern: RegExp): { setup: string; condition: string } {
  return {
    setup: `const wanted = ${JSON.stringify(names)}; const pattern = new RegExp(${JSON.stringify(pattern.source)}, 'g');`,
    condition: `document.body && ((seen) => wanted.every((n) => seen.has(n)))(new Set(document.body.textContent.match(pattern) || []))`,
  };
}

export interface Shown {
  ms: number;
  /** The condition already held when the watcher could be installed: `ms` is an upper bound. */
  late: boolean;
}

/**
 * Opens a page with `navigate` and times it until `watch` holds: the watcher is installed before the page's scripts
 * where the driver can (Chromium, CDP), else as early as the new document answers (Firefox: WebDriver
 * BiDi preload scripts do not run in moz-extension:// pages).
 */
export async function timeUntil(
  page: Page,
  early: boolean,
  navigate: () => Promise<unknown>,
  watch: { setup: string; condition: string; what: string; missing?: string },
  timeoutMs: number,
): Promise<Shown> {
  const script = watcher(watch.setup, watch.condition);
  let navigation: Promise<unknown>;
  if (early) {
    const { identifier } = await within(15_000, 'install the text watcher', page.evaluateOnNewDocument(script));
    navigation = within(timeoutMs, 'navigate', navigate()).finally(() =>
      page.removeScriptToEvaluateOnNewDocument(identifier).catch(() => undefined),
    );
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
    await waitInPage(page, 'window.__watchAt !== undefined', watch.what, timeoutMs);
  } catch (err) {
    if (!watch.missing) throw err;
    const missing = await within(10_000, 'what is missing', page.evaluate(watch.missing)).catch(() => '?');
    throw new NotShown(`showed not ${watch.what} within ${timeoutMs} ms: ${String(missing)}`);
  }
  return (await page.evaluate('({ ms: window.__watchAt, late: window.__watchLate === true })')) as Shown;
}

/** An expression: how many of `names` the page's text lacks, as "N of M missing". */
export function namesMissing(names: readonly string[], pattern: RegExp): string {
  return `(() => {
    const seen = new Set(document.body ? document.body.textContent.match(new RegExp(${JSON.stringify(pattern.source)}, 'g')) || [] : []);
    return ${JSON.stringify(names)}.filter((n) => !seen.has(n)).length + ' of ${names.length} missing';
  })()`;
}
