/** Stylesheet and page scripts. */
import { CSS, FETCH_BURST_JS, HTTP_SEND_JS, scriptJs } from '../assets';
import type { Handler } from './kit';

const JS = 'text/javascript; charset=utf-8';

export const staticRoutes: Record<string, Handler> = {
  '/site.css': () => ({ type: 'text/css; charset=utf-8', body: CSS }),
  '/script.js': () => ({ type: JS, body: scriptJs() }),
  '/fetch-burst.js': () => ({ type: JS, body: FETCH_BURST_JS }),
  '/http-send.js': () => ({ type: JS, body: HTTP_SEND_JS }),
};
