/** Catalogue routes that need little or no logic: attributes, contents, overwrite/delete, limits. */
import { limitPrefix } from '../catalogue/limits';
import { findRoute } from '../catalogue';
import { esc } from '../pages';
import { type Handler, notFound, plainScenario, scenarioPage } from './kit';

export const simpleRoutes: Record<string, Handler> = {
  '/persistent/expires': plainScenario('/persistent/expires'),
  '/persistent/max-age': plainScenario('/persistent/max-age'),
  '/persistent/both': plainScenario('/persistent/both'),
  '/persistent/over-400-days': plainScenario('/persistent/over-400-days'),
  '/session': plainScenario('/session'),
  '/samesite': plainScenario('/samesite'),
  '/prefixes': plainScenario('/prefixes', [{ href: '/domain/loose', text: 'A __Host- cookie with a parent Domain' }]),
  '/size/near': plainScenario('/size/near', [{ href: '/size/over', text: 'One byte too many' }]),
  '/size/over': plainScenario('/size/over'),
  '/size/attribute': plainScenario('/size/attribute'),
  '/jwt': plainScenario('/jwt'),
  '/hostile': plainScenario('/hostile'),
  '/malformed': plainScenario('/malformed', [{ href: '/malformed/raw', text: 'Control characters' }]),
  '/domain/invalid': plainScenario('/domain/invalid', [{ href: '/domain/loose', text: 'A Domain that works: the loose-scope scenario' }]),
  '/delete': plainScenario('/delete', [{ href: '/overwrite', text: 'Set it again' }]),
  '/flood': plainScenario('/flood'),
};

export const overwrite: Handler = (ctx) => {
  const before = Number.parseInt(ctx.cookies.get('counter') ?? '0', 10);
  const next = Number.isSafeInteger(before) && before >= 0 && before < 1e9 ? before + 1 : 1;
  const cases = ctx.render('/overwrite', { counter: String(next) });
  return scenarioPage(ctx, '/overwrite', cases, {
    body: `<p class="status">counter was ${esc(ctx.cookies.get('counter') ?? '(unset)')}, now ${next}.</p>`,
    links: [
      { href: '/overwrite', text: 'Overwrite again' },
      { href: '/delete', text: 'Delete it' },
    ],
  });
};

/** The raw route: same page, but written byte for byte (see server.ts). */
export const malformedRaw: Handler = (ctx) => ({ ...scenarioPage(ctx, '/malformed/raw', ctx.render('/malformed/raw')), raw: true });

/** /limits/N (1..300) and /limits/clear, both with ?prefix=. */
export const limits: Handler = (ctx) => {
  const path = ctx.url.pathname;
  const r = findRoute(path);
  if (!r) return notFound(ctx);
  const prefix = ctx.url.searchParams.get('prefix');
  const vars: Record<string, string> = prefix !== null ? { prefix } : {};
  const cases = ctx.render(path, vars);
  const used = limitPrefix({ scheme: ctx.scheme, host: ctx.host, now: ctx.now, vars });
  const clear = `/limits/clear${used === 'lim' ? '' : `?prefix=${used}`}`;
  return scenarioPage(ctx, path, cases, {
    body: `<p class="status">${cases.length} Set-Cookie lines in this response; the host now sends ${ctx.cookieNames.length} cookies back before it.</p>`,
    links: [
      { href: clear, text: 'Delete these cookies' },
      { href: '/', text: 'Back to all scenarios' },
    ],
  });
};
