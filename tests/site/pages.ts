/**
 * HTML for every page: UTF-8, a title, `<meta name="scenario">`, a heading naming the scenario, the
 * cookies the response set, links onward. No external resources; the stylesheet is /site.css.
 * Everything from the catalogue or the request is escaped: cookie names and values here are hostile.
 */
import type { CookieCase, Outcome } from './types';

export function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Escapes, shows control characters as \xNN and shortens very long text. */
export function shown(s: string, max = 160): string {
  // Control characters are exactly what this must find, so the class is intended.
  // eslint-disable-next-line no-control-regex
  const visible = s.replace(/[\x00-\x1f\x7f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
  const cut = visible.length > max ? `${visible.slice(0, max)}… (${Buffer.byteLength(s)} bytes)` : visible;
  return esc(cut);
}

export interface Link {
  href: string;
  text: string;
}

export interface PageInput {
  title: string;
  scenario: string;
  /** Trusted HTML after the heading. */
  body?: string;
  cases?: CookieCase[];
  links?: Link[];
  /** Same-origin script URLs, loaded with `defer`. */
  scripts?: string[];
  /** data-* attributes on <body> (names without the prefix). */
  data?: Record<string, string>;
  /** Links to this page on the other scheme / the index, shown in the header. */
  nav?: Link[];
}

function outcomeText(o: Outcome): string {
  const base = o.result === 'rejected' ? `rejected (${o.reason})` : o.result;
  return o.note ? `${base} — ${o.note}` : base;
}

export function cookieList(cases: CookieCase[]): string {
  if (cases.length === 0) return '<p class="none">This response sets no cookies.</p>';
  const items = cases.map((c) => {
    const how = c.via === 'script' ? 'document.cookie = ' : 'Set-Cookie: ';
    const findings = c.findings.length ? c.findings.map((f) => `<span class="finding">${esc(f)}</span>`).join(' ') : 'none';
    return [
      `<li data-cookie-id="${esc(c.id)}">`,
      `<code class="name">${shown(c.name || '(empty name)', 80)}</code>`,
      `<div class="line"><span class="how">${how}</span><code>${shown(c.line)}</code></div>`,
      '<dl>',
      `<dt>Chromium</dt><dd>${esc(outcomeText(c.browsers.chromium))}</dd>`,
      `<dt>Firefox</dt><dd>${esc(outcomeText(c.browsers.firefox))}</dd>`,
      `<dt>Findings</dt><dd>${findings}</dd>`,
      '</dl>',
      c.note ? `<p class="note">${esc(c.note)}</p>` : '',
      '</li>',
    ].join('');
  });
  return `<ul class="cookies">${items.join('\n')}</ul>`;
}

export function linkList(links: Link[]): string {
  if (links.length === 0) return '';
  return `<ul class="links">${links.map((l) => `<li><a href="${esc(l.href)}">${esc(l.text)}</a></li>`).join('')}</ul>`;
}

export function page(p: PageInput): string {
  const data = Object.entries(p.data ?? {})
    .map(([k, val]) => ` data-${esc(k)}="${esc(val)}"`)
    .join('');
  const scripts = (p.scripts ?? []).map((s) => `<script src="${esc(s)}" defer></script>`).join('');
  const nav = (p.nav ?? []).map((l) => `<a href="${esc(l.href)}">${esc(l.text)}</a>`).join(' · ');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="scenario" content="${esc(p.scenario)}">
<title>${esc(p.title)} — cookie demo site</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/site.css">
${scripts}
</head>
<body${data}>
<header><nav>${nav}</nav></header>
<main>
<h1>${esc(p.title)}</h1>
${p.body ?? ''}
${p.cases ? `<h2>Cookies</h2>\n${cookieList(p.cases)}` : ''}
${p.links && p.links.length ? `<h2>Next</h2>\n${linkList(p.links)}` : ''}
</main>
</body>
</html>
`;
}
