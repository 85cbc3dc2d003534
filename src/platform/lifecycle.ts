import { browser } from './browser';

/**
 * Called when the background is about to go away, where the browser tells us:
 * Firefox fires runtime.onSuspend for its event page; Chromium fires it for service workers
 * too, but a worker can also be killed without it (idle timeout under load, crash), so callers
 * must not rely on it alone — the writer's bounded flush latency is the real guarantee.
 */
export function onSuspend(listener: () => void): void {
  browser.runtime.onSuspend?.addListener(listener);
}

export function extensionId(): string {
  return browser.runtime.id;
}

export function extensionOrigin(): string {
  return new URL(browser.runtime.getURL('/')).origin;
}

/**
 * The browser started with this extension installed (not a worker restart, not an install): the
 * moment after which a session cookie that is still there was kept by session restore.
 */
export function onBrowserStartup(listener: () => void): void {
  browser.runtime.onStartup.addListener(listener);
}
