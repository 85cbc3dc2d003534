/**
 * Reading what the report page downloads. The page saves files with a Blob URL on an
 * `<a download>`; the driver (a test, or the audit command) wraps URL.createObjectURL and HTMLAnchorElement.click in the page (no
 * test-only path in the product) to keep each Blob and its file name, then reads the Blob's text.
 * With `native` the click still runs, so the browser performs the real download too (tests) — into a
 * temporary directory the test points the browser at (Chromium over CDP, Firefox by preferences),
 * never the user's Downloads folder.
 */
import type { Page } from 'puppeteer-core';

export interface Captured {
  name: string;
  text: string;
  type: string;
}

interface CaptureWindow {
  __reportCapture?: { blobs: Map<string, Blob>; files: Array<{ url: string; name: string }> };
}

export async function installDownloadCapture(page: Page, native: boolean): Promise<void> {
  await page.evaluate((nativeClick: boolean) => {
    const w = window as unknown as CaptureWindow;
    if (w.__reportCapture) return;
    const state = { blobs: new Map<string, Blob>(), files: [] as Array<{ url: string; name: string }> };
    w.__reportCapture = state;
    const create = URL.createObjectURL.bind(URL);
    URL.createObjectURL = (obj: Blob | MediaSource): string => {
      const url = create(obj);
      if (obj instanceof Blob) state.blobs.set(url, obj);
      return url;
    };
    const click = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      const blob = this.href.startsWith('blob:');
      if (blob) state.files.push({ url: this.href, name: this.download });
      if (nativeClick || !blob) click.call(this);
    };
  }, native);
}

/**
 * Clicks a download button and returns the file the page produced. `input`: a real mouse click
 * (CDP input events) instead of a scripted one — Chromium lets a page start several downloads only
 * after real user input, and may otherwise hold a later one back.
 */
export async function clickDownload(page: Page, testId: string, opts: { input?: boolean } = {}): Promise<Captured> {
  const before = await capturedCount(page);
  if (opts.input) {
    await page.bringToFront();
    await page.click(`[data-testid="${testId}"]`);
  } else {
    await page.evaluate((id: string) => {
      const b = document.querySelector<HTMLButtonElement>(`[data-testid="${id}"]`);
      if (!b) throw new Error(`no button ${id}`);
      if (b.disabled) throw new Error(`button ${id} is disabled`);
      b.click();
    }, testId);
  }
  return capturedAfter(page, before);
}

/** How many files the page has saved so far (for capturedAfter). */
export async function capturedCount(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as CaptureWindow).__reportCapture?.files.length ?? 0);
}

/** The first file the page saves after `before` files (from capturedCount). */
export async function capturedAfter(page: Page, before: number): Promise<Captured> {
  await page.waitForFunction((n: number) => ((window as unknown as CaptureWindow).__reportCapture?.files.length ?? 0) > n, {}, before);
  return page.evaluate(async () => {
    const state = (window as unknown as CaptureWindow).__reportCapture!;
    const file = state.files[state.files.length - 1]!;
    const blob = state.blobs.get(file.url);
    if (!blob) throw new Error(`no Blob captured for ${file.name}`);
    return { name: file.name, text: await blob.text(), type: blob.type };
  });
}
