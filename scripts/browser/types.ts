import type { Page } from 'puppeteer-core';

export type BrowserName = 'chromium' | 'firefox';

/** One real browser with the built extension installed, driven the same way for both engines. */
export interface ExtensionBrowser {
  readonly name: BrowserName;
  /** `chrome-extension://<id>` or `moz-extension://<uuid>`, no trailing slash. */
  readonly origin: string;
  /** A fresh tab; console errors and page errors are collected on it. */
  newPage(): Promise<TrackedPage>;
  /** Navigates `page` (a new tab when omitted) to an extension page such as `src/pages/popup/index.html`. */
  openExtensionPage(path: string, query?: Record<string, string | number>, page?: TrackedPage): Promise<TrackedPage>;
  /** Navigates to a web URL and waits for the load event. */
  goto(page: TrackedPage, url: string): Promise<void>;
  /** The tab id the extension sees for `page` (for `?tabId=N`). */
  tabIdOf(page: TrackedPage): Promise<number>;
  /**
   * Opens `url` in a private window: Chromium launched with allowIncognito; Firefox once a policy
   * lets the add-on into private windows (tests/e2e/harness/firefox-policy.ts).
   */
  openPrivateWindow?(url: string): Promise<TrackedPage>;
  /** Chromium only: stops the extension's service worker as the browser does when idle. */
  stopServiceWorker?(): Promise<void>;
  close(): Promise<void>;
}

export interface TrackedPage {
  readonly page: Page;
  /** console.error messages and uncaught exceptions seen on this page so far. */
  readonly errors: string[];
}
