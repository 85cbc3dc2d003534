/**
 * The local test and demo site: one request handler behind an http and an https server (random
 * ports by default), reached by two host names (127.0.0.1 first-party, localhost third-party) and
 * by *.cookie-demo.localhost for the loose-Domain scenario. Every request is logged in memory;
 * nothing about cookies is printed.
 */
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { buildExpectations, renderCookies, type Origins, type SiteExpectations } from './catalogue';
import { LOOSE_HOST } from './catalogue/context';
import { siteCertificate } from './cert';
import type { Scheme, SiteLogEntry } from './types';
import { account, login, loginInsecure, logout } from './routes/auth';
import { sessionAppRoutes } from './routes/sessions';
import { quietLoginAppRoutes } from './routes/quiet-login';
import { domainEcho, domainLoose } from './routes/domain';
import { index } from './routes/index';
import { type Handler, notFound, partOf, type Reply, type RequestContext, type SiteState } from './routes/kit';
import { limits, malformedRaw, overwrite, simpleRoutes } from './routes/scenarios';
import { staticRoutes } from './routes/static';
import { thirdParty, tpFrame, tpPixel } from './routes/thirdparty';
import { purposes, purposesBeacon, purposesTracker } from './routes/purposes';
import { apiEcho, apiPixel, apiSet, fetchBurst, httpSend, script } from './routes/traffic';
import { workerRoutes } from './routes/worker';

export type { SiteLogEntry } from './types';
export type { SiteExpectations } from './catalogue';

export interface SiteOptions {
  /** Address to listen on and first-party host name; default 127.0.0.1. */
  host?: string;
  /** 0 (default) = random free port. */
  httpPort?: number;
  httpsPort?: number;
  /** Called after each response is logged (the CLI prints method, path and cookie names). */
  onRequest?: (entry: SiteLogEntry) => void;
}

export interface Site {
  /** First-party origins, e.g. http://127.0.0.1:PORT and https://127.0.0.1:PORT2. */
  http: string;
  https: string;
  /** The same servers under a second host name (localhost, or 127.0.0.1 if host is localhost). */
  thirdParty: string;
  thirdPartyHttps: string;
  /** The same servers as app.cookie-demo.localhost (loose-Domain scenario). */
  subdomain: string;
  subdomainHttps: string;
  /** PEM of the self-signed certificate (trust anchor for https clients). */
  certificate: string;
  /** Every request, in order of completion. Live array: tests may empty it. */
  log: SiteLogEntry[];
  expectations: SiteExpectations;
  close(): Promise<void>;
}

const routes: Record<string, Handler> = {
  '/': index,
  '/login': login,
  '/account': account,
  '/logout': logout,
  '/login-insecure': loginInsecure,
  '/overwrite': overwrite,
  '/malformed/raw': malformedRaw,
  '/third-party': thirdParty,
  '/tp/frame': tpFrame,
  '/tp/pixel': tpPixel,
  '/domain/loose': domainLoose,
  '/domain/echo': domainEcho,
  '/script': script,
  '/fetch-burst': fetchBurst,
  '/api/set': apiSet,
  '/api/echo': apiEcho,
  '/api/pixel': apiPixel,
  '/http-send': httpSend,
  '/purposes': purposes,
  '/purposes/tracker': purposesTracker,
  '/purposes/beacon': purposesBeacon,
  ...simpleRoutes,
  ...staticRoutes,
  ...workerRoutes,
  ...sessionAppRoutes,
  ...quietLoginAppRoutes,
};

function handlerFor(path: string): Handler | undefined {
  // `;jsessionid=…` path parameters (servlet URL rewriting) do not change the route.
  return routes[path] ?? routes[path.split(';', 1)[0] ?? path] ?? (/^\/limits\/(\d{1,3}|clear)$/.test(path) ? limits : undefined);
}

/** Cookie header → names in order and the first value of each name. */
export function parseCookieHeader(header: string | undefined): { names: string[]; map: Map<string, string> } {
  const names: string[] = [];
  const map = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const item = part.trim();
    if (!item) continue;
    const eq = item.indexOf('=');
    const name = eq < 0 ? '' : item.slice(0, eq).trim();
    const value = eq < 0 ? item : item.slice(eq + 1).trim();
    names.push(name);
    if (!map.has(name)) map.set(name, value);
  }
  return { names, map };
}

/** Header values go out as latin1: send UTF-8 text as its bytes. */
const wire = (line: string) => Buffer.from(line, 'utf8').toString('latin1');

function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        reject(new Error('request body too large'));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function writeRaw(socket: Socket, status: number, headers: [string, string][], body: Buffer): void {
  const head = [`HTTP/1.1 ${status} ${status === 200 ? 'OK' : 'Status'}`, ...headers.map(([k, val]) => `${k}: ${val}`)].join('\r\n');
  socket.end(Buffer.concat([Buffer.from(`${head}\r\n\r\n`, 'latin1'), body]));
}

function createHandler(scheme: Scheme, origins: Origins, state: SiteState, site: Pick<Site, 'log'>, opts: SiteOptions) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const now = Date.now();
    const hostHeader = req.headers.host ?? new URL(origins['first-party'][scheme]).host;
    const url = new URL(req.url ?? '/', `${scheme}://${hostHeader}`);
    const host = url.hostname.toLowerCase();
    const received = parseCookieHeader(req.headers.cookie);
    const ctx: RequestContext = {
      req,
      method: req.method ?? 'GET',
      url,
      scheme,
      host,
      party: partOf(host, origins),
      origins,
      cookies: received.map,
      cookieNames: received.names,
      now,
      state,
      readBody: (limit = 8192) => readBody(req, limit),
      render(path, vars = {}) {
        const cases = renderCookies(path, { scheme, host, now, vars });
        ctx.rendered = { route: path, vars, cases };
        return cases;
      },
    };
    let reply: Reply;
    try {
      reply = await (handlerFor(url.pathname) ?? notFound)(ctx);
    } catch (err) {
      ctx.rendered = undefined;
      reply = { status: 500, type: 'text/plain; charset=utf-8', body: `error: ${(err as Error).message}` };
    }
    const setCookie = (ctx.rendered?.cases ?? []).filter((c) => c.via === 'header').map((c) => c.line);
    const status = reply.status ?? 200;
    const body = typeof reply.body === 'string' ? Buffer.from(reply.body, 'utf8') : reply.body;
    const headers: [string, string][] = [
      ['Content-Type', reply.type ?? 'text/html; charset=utf-8'],
      ['Cache-Control', 'no-store'],
      ...Object.entries(reply.headers ?? {}),
    ];
    const entry: SiteLogEntry = {
      time: now,
      method: ctx.method,
      scheme,
      url: req.url ?? '/',
      host: hostHeader,
      cookieNames: received.names,
      cookieHeader: req.headers.cookie ?? null,
      status,
      setCookie,
    };
    if (ctx.rendered) {
      entry.route = ctx.rendered.route;
      entry.vars = ctx.rendered.vars;
    }
    site.log.push(entry);
    opts.onRequest?.(entry);
    if (reply.raw) {
      const all: [string, string][] = [...headers, ['Content-Length', String(body.length)], ['Connection', 'close']];
      for (const line of setCookie) all.push(['Set-Cookie', wire(line)]);
      writeRaw(req.socket, status, all, body);
      return;
    }
    res.statusCode = status;
    for (const [k, val] of headers) res.setHeader(k, val);
    if (setCookie.length) res.setHeader('Set-Cookie', setCookie.map(wire));
    res.setHeader('Content-Length', body.length);
    res.end(ctx.method === 'HEAD' ? undefined : body);
  };
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function stop(server: Server): Promise<void> {
  return new Promise((resolve) => {
    if (!server.listening) return resolve();
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

const bracket = (h: string) => (h.includes(':') ? `[${h}]` : h);

export async function startSite(opts: SiteOptions = {}): Promise<Site> {
  const host = opts.host ?? '127.0.0.1';
  const cert = await siteCertificate();
  const state: SiteState = { sessions: new Map() };
  const log: SiteLogEntry[] = [];
  const origins: Origins = {
    'first-party': { http: '', https: '' },
    'third-party': { http: '', https: '' },
    subdomain: { http: '', https: '' },
  };
  const httpServer = createHttpServer();
  const httpsServer = createHttpsServer({ cert: cert.cert, key: cert.key });
  httpServer.on('request', createHandler('http', origins, state, { log }, opts));
  httpsServer.on('request', createHandler('https', origins, state, { log }, opts));
  // Keep-alive sockets would hold close() up; closeAllConnections() handles them, this bounds idle ones.
  httpServer.keepAliveTimeout = httpsServer.keepAliveTimeout = 2000;
  let httpPort: number;
  let httpsPort: number;
  try {
    httpPort = await listen(httpServer, opts.httpPort ?? 0, host);
    httpsPort = await listen(httpsServer, opts.httpsPort ?? 0, host);
  } catch (err) {
    await Promise.all([stop(httpServer), stop(httpsServer)]);
    throw err;
  }
  const first = bracket(host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host);
  const second = first === 'localhost' ? '127.0.0.1' : 'localhost';
  const set = (party: keyof Origins, name: string) => {
    origins[party].http = `http://${name}:${httpPort}`;
    origins[party].https = `https://${name}:${httpsPort}`;
  };
  set('first-party', first);
  set('third-party', second);
  set('subdomain', LOOSE_HOST);
  let closing: Promise<void> | undefined;
  return {
    http: origins['first-party'].http,
    https: origins['first-party'].https,
    thirdParty: origins['third-party'].http,
    thirdPartyHttps: origins['third-party'].https,
    subdomain: origins.subdomain.http,
    subdomainHttps: origins.subdomain.https,
    certificate: cert.cert,
    log,
    expectations: buildExpectations(origins, Date.now()),
    close() {
      closing ??= Promise.all([stop(httpServer), stop(httpsServer)]).then(() => undefined);
      return closing;
    },
  };
}
