/** The session apps of catalogue/sessions.ts. Bodies are never logged or echoed (they may hold passwords). */
import { djangoSessionId, tomcatSessionId } from '../ids';
import { esc } from '../pages';
import { type Handler, scenarioPage } from './kit';

const json = (body: unknown) => ({ type: 'application/json', body: JSON.stringify(body) });

export const sessionAppRoutes: Record<string, Handler> = {
  '/fetchapp/start': (ctx) => scenarioPage(ctx, '/fetchapp/start', ctx.render('/fetchapp/start', { id: djangoSessionId() })),
  '/fetchapp/api/login': (ctx) => {
    ctx.render('/fetchapp/api/login', { id: djangoSessionId() });
    return json({ signedIn: true });
  },
  '/fetchapp/api/logout': (ctx) => {
    ctx.render('/fetchapp/api/logout');
    return json({ signedIn: false });
  },
  '/fixation/start': (ctx) =>
    scenarioPage(ctx, '/fixation/start', ctx.render('/fixation/start', { id: djangoSessionId() }), {
      body: '<form method="post" action="/fixation/login"><input name="user" value="alice"><button type="submit">Sign in</button></form>',
    }),
  '/fixation/login': (ctx) =>
    scenarioPage(ctx, '/fixation/login', ctx.render('/fixation/login'), { body: '<p class="status">Signed in (same id).</p>' }),
  '/sticky/login': (ctx) =>
    scenarioPage(ctx, '/sticky/login', ctx.render('/sticky/login', { id: djangoSessionId() }), {
      links: [{ href: '/sticky/logout', text: 'Log out' }],
    }),
  '/sticky/logout': (ctx) =>
    scenarioPage(ctx, '/sticky/logout', ctx.render('/sticky/logout'), { body: '<p class="status">Signed out (cookie kept).</p>' }),
  '/jsess/start': (ctx) => {
    const id = tomcatSessionId();
    return scenarioPage(ctx, '/jsess/start', ctx.render('/jsess/start', { id }), {
      links: [{ href: `/jsess/cart;jsessionid=${id}`, text: 'Cart (id in the URL)' }],
    });
  },
  '/jsess/cart': (ctx) =>
    scenarioPage(ctx, '/jsess/cart', ctx.render('/jsess/cart'), { body: `<p>Cart for ${esc(ctx.url.pathname.split(';')[0] ?? '')}.</p>` }),
  '/authz': (ctx) => scenarioPage(ctx, '/authz', ctx.render('/authz')),
  '/authz/api': (ctx) => {
    ctx.render('/authz/api');
    return json({ ok: true });
  },
};
