/** /purposes on the first party talks to the tracker host through a beacon; /purposes/tracker sets the tracker's cookies there. */
import { PIXEL } from '../assets';
import { esc } from '../pages';
import { type Handler, plainScenario, scenarioPage } from './kit';

export const purposes: Handler = (ctx) => {
  const tp = ctx.origins['third-party'][ctx.scheme];
  return scenarioPage(ctx, '/purposes', ctx.render('/purposes'), {
    body: `<p><img src="${esc(tp)}/purposes/beacon" alt="tracker beacon" width="1" height="1"></p>`,
    links: [
      { href: `${tp}/purposes/tracker`, text: 'The tracker host, opened top-level (sets its cookies there)' },
      { href: '/', text: 'Back to all scenarios' },
    ],
  });
};

export const purposesTracker: Handler = plainScenario('/purposes/tracker', []);

export const purposesBeacon: Handler = (ctx) => {
  ctx.render('/purposes/beacon');
  return { type: 'image/gif', body: PIXEL };
};
