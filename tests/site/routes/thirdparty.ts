/** /third-party on the first-party host embeds /tp/frame and /tp/pixel from the other host name. */
import { PIXEL } from '../assets';
import { renderCookies } from '../catalogue';
import { cookieList, esc } from '../pages';
import { type Handler, scenarioPage } from './kit';

export const thirdParty: Handler = (ctx) => {
  const tp = ctx.origins['third-party'][ctx.scheme];
  const cases = ctx.render('/third-party');
  const there = { scheme: ctx.scheme, host: new URL(tp).hostname, now: ctx.now, vars: {} };
  const embedded = [...renderCookies('/tp/frame', there), ...renderCookies('/tp/pixel', there)];
  return scenarioPage(ctx, '/third-party', cases, {
    body: `<p>Frame and image from <code>${esc(tp)}</code>:</p>
<iframe src="${esc(tp)}/tp/frame" title="Third-party frame"></iframe>
<p><img src="${esc(tp)}/tp/pixel" alt="third-party pixel" width="1" height="1"></p>
<h2>Set by the frame and the image</h2>
${cookieList(embedded)}`,
    links: [
      { href: `${tp}/tp/frame`, text: 'Open the frame top-level (first-party there)' },
      { href: '/', text: 'Back to all scenarios' },
    ],
  });
};

export const tpFrame: Handler = (ctx) => scenarioPage(ctx, '/tp/frame', ctx.render('/tp/frame'), { links: [] });

export const tpPixel: Handler = (ctx) => {
  ctx.render('/tp/pixel');
  return { type: 'image/gif', body: PIXEL };
};
