/**
 * Static files: the stylesheet, the page scripts (external files so a strict CSP page works) and a
 * 1×1 GIF. The cookie strings script.js writes come from the catalogue.
 */
import { renderCookies } from './catalogue';

export const CSS = `body{font:16px/1.5 system-ui,sans-serif;margin:0;color:#1b1b1b;background:#fafafa}
header{background:#23395d;color:#fff;padding:.5rem 1rem}header a{color:#fff}
main{max-width:60rem;margin:0 auto;padding:1rem}
code{font:14px ui-monospace,monospace;overflow-wrap:anywhere}
ul.cookies{list-style:none;padding:0}ul.cookies>li{background:#fff;border:1px solid #ddd;border-radius:6px;padding:.5rem 1rem;margin:.5rem 0}
.name{font-weight:bold}.how{color:#666}
dl{display:grid;grid-template-columns:max-content 1fr;gap:0 1rem;margin:.5rem 0}dt{color:#666}dd{margin:0}
.finding{display:inline-block;background:#fde8e8;color:#8a1c1c;border-radius:4px;padding:0 .4rem;margin:0 .2rem .2rem 0;font-size:14px}
.note{color:#555;font-size:14px;margin:.25rem 0}
.group{margin-top:1.5rem}iframe{border:1px solid #ccc;width:100%;height:12rem}
`;

/** 1×1 transparent GIF. */
export const PIXEL = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

/** The /script page's script: the four automatic writes, then one on click. */
export function scriptJs(): string {
  const cases = renderCookies('/script', { scheme: 'http', host: '127.0.0.1', now: 0, vars: {} });
  const auto = cases.filter((c) => c.id !== 'script/clicked').map((c) => c.line);
  const click = cases.find((c) => c.id === 'script/clicked')?.line ?? '';
  return `(function () {
  'use strict';
  var steps = document.getElementById('steps');
  function log(text) { var li = document.createElement('li'); li.textContent = text; steps.appendChild(li); }
  function write(line) { document.cookie = line; log('document.cookie = ' + JSON.stringify(line)); }
  ${JSON.stringify(auto)}.forEach(write);
  document.getElementById('set-on-click').addEventListener('click', function () {
    write(${JSON.stringify(click)});
    window.__siteClicked = true;
  });
  var names = document.cookie ? document.cookie.split('; ').map(function (c) { return c.split('=')[0]; }) : [];
  log('Script-visible cookie names now: ' + names.join(', '));
  window.__siteDone = true;
})();
`;
}

export const FETCH_BURST_JS = `(function () {
  'use strict';
  var n = Number(document.body.dataset.n);
  var names = document.body.dataset.names || '';
  var status = document.getElementById('status');
  var settled = 0, failed = 0, started = performance.now();
  function one(i) {
    var url = '/api/set?i=' + i + (names ? '&names=' + names : '');
    return fetch(url, { credentials: 'same-origin' })
      .then(function (r) { if (!r.ok) failed++; return r.text(); })
      .catch(function () { failed++; })
      .then(function () { settled++; status.textContent = settled + ' of ' + n + ' requests settled'; });
  }
  var all = [];
  for (var i = 0; i < n; i++) all.push(one(i));
  Promise.all(all).then(function () {
    var ms = Math.round(performance.now() - started);
    window.__siteResult = { n: n, failed: failed, ms: ms };
    status.textContent = n + ' requests settled in ' + ms + ' ms, ' + failed + ' failed';
    window.__siteDone = true;
  });
})();
`;

export const HTTP_SEND_JS = `(function () {
  'use strict';
  var out = document.getElementById('received');
  var sent = fetch('/api/echo', { credentials: 'same-origin' })
    .then(function (r) { return r.json(); })
    .then(function (j) { out.textContent = 'The server received cookies: ' + (j.cookieNames.join(', ') || '(none)'); })
    .catch(function (e) { out.textContent = 'fetch failed: ' + e; });
  var pixel = new Promise(function (resolve) {
    var img = new Image();
    img.onload = img.onerror = function () { resolve(); };
    img.src = '/api/pixel';
    img.alt = '';
    document.getElementById('pixel').appendChild(img);
  });
  Promise.all([sent, pixel]).then(function () { window.__siteDone = true; });
})();
`;
