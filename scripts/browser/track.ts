import type { Page } from 'puppeteer-core';
import type { TrackedPage } from './types';

export function track(page: Page): TrackedPage {
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console.error: ${msg.text()}`);
  });
  page.on('pageerror', (err) => errors.push(`pageerror: ${err instanceof Error ? err.message : String(err)}`));
  return { page, errors };
}

export function extensionUrl(origin: string, path: string, query: Record<string, string | number> = {}): string {
  const url = new URL(`${origin}/${path.replace(/^\//, '')}`);
  for (const [k, v] of Object.entries(query)) url.searchParams.set(k, String(v));
  return url.href;
}
