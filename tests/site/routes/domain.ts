/** Loose Domain scoping on *.cookie-demo.localhost, and a sibling host that shows what it receives. */
import { LOOSE_PARENT } from '../catalogue/context';
import { esc } from '../pages';
import { type Handler, scenarioPage } from './kit';

export const domainLoose: Handler = (ctx) => {
  if (!ctx.host.endsWith(`.${LOOSE_PARENT}`)) {
    ctx.render('/domain/loose');
    const to = `${ctx.origins.subdomain[ctx.scheme]}/domain/loose`;
    return { status: 302, headers: { Location: to }, body: `<!doctype html><title>Moved</title><a href="${esc(to)}">${esc(to)}</a>` };
  }
  const sibling = ctx.origins.subdomain[ctx.scheme].replace('//app.', '//other.');
  return scenarioPage(ctx, '/domain/loose', ctx.render('/domain/loose'), {
    links: [
      { href: `${sibling}/domain/echo`, text: `What other.${LOOSE_PARENT} receives` },
      { href: `${ctx.origins['first-party'][ctx.scheme]}/`, text: 'Back to all scenarios' },
    ],
  });
};

export const domainEcho: Handler = (ctx) => {
  const names = ctx.cookieNames.length ? ctx.cookieNames.map((n) => `<li><code>${esc(n)}</code></li>`).join('') : '<li>(none)</li>';
  return scenarioPage(ctx, '/domain/echo', ctx.render('/domain/echo'), {
    body: `<p>This request to <code>${esc(ctx.host)}</code> carried these cookies:</p><ul id="received">${names}</ul>`,
    links: [{ href: `${ctx.origins['first-party'][ctx.scheme]}/`, text: 'Back to all scenarios' }],
  });
};
