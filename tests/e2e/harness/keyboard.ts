/** Moving focus the way a keyboard user does: Tab (or Shift+Tab) until the wanted element has it. */
import type { Page } from 'puppeteer-core';

/** The focused element matches `selector` (a role, id or data-testid selector). */
export async function focusMatches(page: Page, selector: string): Promise<boolean> {
  return page.evaluate((sel: string) => document.activeElement?.matches(sel) === true, selector);
}

/** Presses Tab (Shift+Tab with `back`) until `selector` has focus; fails after `max` presses. */
export async function tabTo(page: Page, selector: string, opts: { back?: boolean; max?: number } = {}): Promise<void> {
  const max = opts.max ?? 60;
  for (let i = 0; i < max; i++) {
    if (await focusMatches(page, selector)) return;
    if (opts.back) await page.keyboard.down('Shift');
    await page.keyboard.press('Tab');
    if (opts.back) await page.keyboard.up('Shift');
  }
  if (await focusMatches(page, selector)) return;
  const at = await page.evaluate(() => {
    const e = document.activeElement;
    return e ? `${e.tagName} id=${e.id} testid=${e.getAttribute('data-testid') ?? ''}` : 'nothing';
  });
  throw new Error(`${max} Tab presses never reached ${selector} (focus is on ${at})`);
}
