/**
 * The only import of the WebExtension API object. Everything else in src/ reaches the browser
 * through platform/ so that each Chrome/Firefox difference has one named home.
 *
 * webextension-polyfill returns the native `browser` namespace where one exists (Firefox, and
 * Chromium ≥ 156 which defines `globalThis.browser` too), and a promise-based wrapper of `chrome`
 * elsewhere — so `browser` existing does NOT mean Firefox; use `BROWSER` below for that.
 */
import browser from 'webextension-polyfill';

export type { Browser, Cookies, Runtime, Tabs, WebRequest } from 'webextension-polyfill';
export { browser };

declare const __BROWSER__: 'chrome' | 'firefox';
declare const __VERSION__: string;

/** Which build this is (fixed at build time by vite.config.ts), not a user-agent sniff. */
export const BROWSER: 'chrome' | 'firefox' = typeof __BROWSER__ === 'string' ? __BROWSER__ : 'chrome';
export const EXTENSION_VERSION: string = typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0';
