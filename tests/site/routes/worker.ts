/**
 * A page whose service worker makes a request no tab made (webRequest tabId -1): /sw.html registers
 * /sw-fetch.js, which fetches /api/set?i=777 (Set-Cookie burst_777) and tells the page when done.
 */
import type { Handler } from './kit';

const JS = 'text/javascript; charset=utf-8';

const PAGE = `<!doctype html><meta charset="utf-8"><title>Service worker fetch</title>
<p id="status" role="status">Registering…</p><script src="/sw-page.js"></script>`;

const PAGE_JS = `navigator.serviceWorker.addEventListener('message', (e) => {
  document.getElementById('status').textContent = String(e.data);
  document.documentElement.dataset.swDone = 'true';
});
navigator.serviceWorker.register('/sw-fetch.js').catch((err) => {
  document.getElementById('status').textContent = 'failed: ' + err;
});`;

const WORKER_JS = `self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => {
  event.waitUntil(
    fetch('/api/set?i=777&from=worker', { credentials: 'include' })
      .then((r) => r.json())
      .then((j) => self.clients.matchAll({ includeUncontrolled: true }))
      .then((clients) => clients.forEach((c) => c.postMessage('done'))),
  );
});`;

export const workerRoutes: Record<string, Handler> = {
  '/sw.html': () => ({ body: PAGE }),
  '/sw-page.js': () => ({ type: JS, body: PAGE_JS }),
  '/sw-fetch.js': () => ({ type: JS, body: WORKER_JS }),
};
