/** Pages that run scripts and the JSON endpoints they call: /script, /fetch-burst, /api/*, /http-send. */
import { PIXEL } from '../assets';
import { type Handler, json, scenarioPage } from './kit';

/** Strict CSP for /script: the page works only because its script is an external same-origin file. */
export const STRICT_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

export const script: Handler = (ctx) =>
  scenarioPage(ctx, '/script', ctx.render('/script'), {
    headers: { 'Content-Security-Policy': STRICT_CSP },
    scripts: ['/script.js'],
    body: '<ol id="steps"></ol><p><button type="button" id="set-on-click">Set js_clicked</button></p>',
  });

function intParam(value: string | null, fallback: number, min: number, max: number): number {
  const n = value === null ? fallback : Number(value);
  return Number.isInteger(n) ? Math.min(max, Math.max(min, n)) : fallback;
}

export const MAX_BURST = 1000;

export const fetchBurst: Handler = (ctx) => {
  const n = intParam(ctx.url.searchParams.get('n'), 100, 1, MAX_BURST);
  const namesParam = ctx.url.searchParams.get('names');
  const data: Record<string, string> = { n: String(n) };
  if (namesParam !== null) data.names = String(intParam(namesParam, n, 1, MAX_BURST));
  return scenarioPage(ctx, '/fetch-burst', ctx.render('/fetch-burst', data), {
    scripts: ['/fetch-burst.js'],
    data,
    body: '<p id="status" role="status">Starting…</p>',
  });
};

export const apiSet: Handler = (ctx) => {
  const i = intParam(ctx.url.searchParams.get('i'), 0, 0, 99_999);
  const namesParam = ctx.url.searchParams.get('names');
  const vars: Record<string, string> = { i: String(i) };
  let slot = i;
  if (namesParam !== null) {
    const names = intParam(namesParam, MAX_BURST, 1, MAX_BURST);
    vars.names = String(names);
    slot = i % names;
  }
  vars.slot = String(slot);
  const [c] = ctx.render('/api/set', vars);
  return json({ i, set: c?.name, cookieNames: ctx.cookieNames });
};

export const apiEcho: Handler = (ctx) => json({ scheme: ctx.scheme, host: ctx.host, cookieNames: ctx.cookieNames });

export const apiPixel: Handler = () => ({ type: 'image/gif', body: PIXEL });

export const httpSend: Handler = (ctx) =>
  scenarioPage(ctx, '/http-send', ctx.render('/http-send'), {
    scripts: ['/http-send.js'],
    body: `<p id="received" role="status">Sending…</p><p id="pixel"></p>${
      ctx.scheme === 'https'
        ? `<p>Open <a href="${ctx.origins['first-party'].http}/http-send">the http version</a> to send it in clear.</p>`
        : ''
    }`,
  });
