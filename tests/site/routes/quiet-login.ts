/** The quiet-login apps of catalogue/quiet-login.ts. Bodies are never read (they may hold passwords). */
import { djangoSessionId } from '../ids';
import { QUIET_LOGIN_DELAY_MS } from '../catalogue/quiet-login';
import { type Handler, scenarioPage } from './kit';

/** A page of the app; `issues`: its response sets a fresh session id. */
function app(path: string, body: string, issues = false): Handler {
  return (ctx) => scenarioPage(ctx, path, ctx.render(path, issues ? { id: djangoSessionId() } : {}), { body });
}

const renewEnter = app('/quiet/renew/enter', '<p class="status">Signed in (new id).</p>', true);

export const quietLoginAppRoutes: Record<string, Handler> = {
  '/quiet/renew/start': app('/quiet/renew/start', '<p><a href="/quiet/renew/enter">Enter</a></p>', true),
  '/quiet/renew/enter': async (ctx) => {
    // A slow backend: the login's cookie change comes later than a hand mark's window would look.
    await new Promise((r) => setTimeout(r, QUIET_LOGIN_DELAY_MS));
    return renewEnter(ctx);
  },
  '/quiet/renew/leave': app('/quiet/renew/leave', '<p class="status">Signed out.</p>'),
  '/quiet/keep/start': app('/quiet/keep/start', '<p><a href="/quiet/keep/enter">Enter</a></p>', true),
  '/quiet/keep/enter': app('/quiet/keep/enter', '<p class="status">Signed in (same id).</p>'),
  '/quiet/keep/leave': app('/quiet/keep/leave', '<p class="status">Signed out.</p>'),
};
