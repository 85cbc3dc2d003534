/** /login, /account, /logout, /login-insecure: a tiny in-memory session store. */
import { djangoSessionId, phpSessionId, tomcatSessionId } from '../ids';
import { esc } from '../pages';
import { type Handler, type RequestContext, scenarioPage } from './kit';

const SESSION_COOKIES = ['JSESSIONID', 'sessionid', 'PHPSESSID'] as const;
const USER = /^[A-Za-z0-9_.-]{1,32}$/;

function currentUser(ctx: RequestContext): string | undefined {
  for (const name of SESSION_COOKIES) {
    const id = ctx.cookies.get(name);
    const user = id ? ctx.state.sessions.get(id) : undefined;
    if (user) return user;
  }
  return undefined;
}

function forget(ctx: RequestContext): void {
  for (const name of SESSION_COOKIES) {
    const id = ctx.cookies.get(name);
    if (id) ctx.state.sessions.delete(id);
  }
}

const FORM = `<form method="post" action="/login">
<label>User name <input name="user" value="alice" autocomplete="username"></label>
<button type="submit">Sign in</button>
</form>
<p>Or sign in with a link: <a href="/login?user=alice">/login?user=alice</a>.</p>`;

const short = (id: string | undefined) => (id ? `<code>${esc(id.slice(0, 6))}…</code>` : '(none)');

async function requestedUser(ctx: RequestContext): Promise<string | null> {
  if (ctx.method === 'POST') return new URLSearchParams(await ctx.readBody()).get('user');
  return ctx.url.searchParams.get('user');
}

export const login: Handler = async (ctx) => {
  const user = await requestedUser(ctx);
  if (user !== null && !USER.test(user)) {
    const cases = ctx.render('/login', { stage: 'failed' });
    return scenarioPage(ctx, '/login', cases, {
      status: 400,
      body: `<p role="alert">Invalid user name.</p>${FORM}`,
    });
  }
  if (user !== null) {
    const before = ctx.cookies.get('JSESSIONID');
    forget(ctx);
    const jsid = tomcatSessionId();
    const dsid = djangoSessionId();
    ctx.state.sessions.set(jsid, user);
    ctx.state.sessions.set(dsid, user);
    const cases = ctx.render('/login', { stage: 'signed-in', jsid, dsid, user });
    return scenarioPage(ctx, '/login', cases, {
      body: `<p class="status">Signed in as <strong>${esc(user)}</strong>.</p>
<p>Session id rotated at login: JSESSIONID ${short(before)} → ${short(jsid)}.</p>`,
      links: [
        { href: '/account', text: 'Account page (needs the session)' },
        { href: '/logout', text: 'Log out' },
      ],
    });
  }
  if (ctx.cookies.has('JSESSIONID')) {
    const cases = ctx.render('/login', { stage: 'returning' });
    return scenarioPage(ctx, '/login', cases, { body: `<p>You already have a session cookie; no new one is issued.</p>${FORM}` });
  }
  const cases = ctx.render('/login', { stage: 'first-visit', jsid: tomcatSessionId(), dsid: djangoSessionId() });
  return scenarioPage(ctx, '/login', cases, { body: `<p>A pre-login session has been issued.</p>${FORM}` });
};

export const account: Handler = (ctx) => {
  const user = currentUser(ctx);
  const cases = ctx.render('/account');
  if (!user) {
    return scenarioPage(ctx, '/account', cases, {
      status: 401,
      body: '<p class="status">Not signed in.</p>',
      links: [{ href: '/login', text: 'Sign in' }],
    });
  }
  return scenarioPage(ctx, '/account', cases, {
    body: `<p class="status">Signed in as <strong>${esc(user)}</strong>.</p>`,
    links: [{ href: '/logout', text: 'Log out' }],
  });
};

export const logout: Handler = (ctx) => {
  forget(ctx);
  const cases = ctx.render('/logout');
  return scenarioPage(ctx, '/logout', cases, {
    body: '<p class="status">Signed out.</p>',
    links: [
      { href: '/account', text: 'Account page (should now say not signed in)' },
      { href: '/login', text: 'Sign in again' },
    ],
  });
};

export const loginInsecure: Handler = (ctx) => {
  const psid = phpSessionId();
  ctx.state.sessions.set(psid, 'alice');
  const cases = ctx.render('/login-insecure', { psid });
  return scenarioPage(ctx, '/login-insecure', cases, {
    body: '<p class="status">Signed in as <strong>alice</strong> with a PHP-style session cookie.</p>',
    links: [{ href: '/account', text: 'Account page' }],
  });
};
