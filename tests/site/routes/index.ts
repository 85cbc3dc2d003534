/** `/`: every scenario, grouped, on the current scheme; the demo opens this page. */
import { ROUTES } from '../catalogue';
import { esc, page } from '../pages';
import type { Scheme } from '../types';
import { type Handler, navLinks } from './kit';

export const index: Handler = (ctx) => {
  ctx.render('/');
  const groups = new Map<string, string[]>();
  for (const r of ROUTES) {
    if (r.hidden) continue;
    const href = `${ctx.origins[r.party ?? 'first-party'][ctx.scheme]}${r.example ?? r.path}`;
    const item = `<li><a href="${esc(href)}">${esc(r.title)}</a> — ${esc(r.summary)}</li>`;
    groups.set(r.group, [...(groups.get(r.group) ?? []), item]);
  }
  const sections = [...groups].map(([g, items]) => `<section class="group"><h2>${esc(g)}</h2><ul>${items.join('')}</ul></section>`);
  const origin = (s: Scheme) => `<code>${esc(ctx.origins['first-party'][s])}</code>`;
  const body = `<p>Each page sets cookies the way a real site might, right or wrong, and lists what it set, what
Chromium and Firefox do with each line and what a reviewer would flag. Same routes on ${origin('http')} and ${origin('https')}
(self-signed certificate); <code>${esc(ctx.origins['third-party'][ctx.scheme])}</code> plays the third party.</p>
${sections.join('\n')}
<section class="group"><h2>Reset</h2><ul>
<li><a href="/logout">Log out</a></li><li><a href="/limits/clear">Delete the limit cookies</a></li><li><a href="/delete">Delete counter</a></li>
</ul></section>`;
  return { body: page({ title: 'Cookie and session demo site', scenario: 'index', body, nav: navLinks(ctx) }) };
};
