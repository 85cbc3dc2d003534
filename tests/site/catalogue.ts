/**
 * The catalogue: the one table of every Set-Cookie line (and document.cookie write) the site makes,
 * what each browser should do with it, and which findings a reviewer would raise. Route handlers
 * render their cookies from here and nowhere else; tests import it to know what to expect.
 *
 * The table is split by concern under catalogue/; this module is its single entry point.
 */
import type { CookieCase, FindingId, Party, RenderContext, RouteSpec, Scheme, SiteLogEntry } from './types';
import { authRoutes } from './catalogue/auth';
import { sessionRoutes } from './catalogue/sessions';
import { quietLoginRoutes } from './catalogue/quiet-login';
import { persistenceRoutes, prefixRoutes, sameSiteRoutes, sizeRoutes } from './catalogue/attributes';
import { limitRoutes, limitsSpec, MAX_LIMIT_N } from './catalogue/limits';
import { hostileRoutes, jwtRoutes, malformedRoutes } from './catalogue/content';
import { domainRoutes, scriptRoutes, thirdPartyRoutes, trafficRoutes } from './catalogue/context';
import { purposeRoutes } from './catalogue/purposes';

export type * from './types';
export { LOOSE_HOST, LOOSE_PARENT, LOOSE_SIBLING } from './catalogue/context';
export { PER_HOST_LIMIT, PURGE_TO, survivors } from './catalogue/limits';
export { DEMO_JWT_KEY, demoTokens } from './jwt';
export { PURPOSE_EMAIL } from './catalogue/purposes';

const indexRoute: RouteSpec = {
  path: '/',
  scenario: 'index',
  title: 'Cookie and session demo site',
  group: 'Index',
  summary: 'Links every scenario.',
  hidden: true,
  cookies: () => [],
};

export const ROUTES: readonly RouteSpec[] = [
  indexRoute,
  ...authRoutes,
  ...persistenceRoutes,
  ...sameSiteRoutes,
  ...prefixRoutes,
  ...sizeRoutes,
  ...limitRoutes,
  ...jwtRoutes,
  ...hostileRoutes,
  ...thirdPartyRoutes,
  ...scriptRoutes,
  ...domainRoutes,
  ...malformedRoutes,
  ...trafficRoutes,
  ...purposeRoutes,
  ...sessionRoutes,
  ...quietLoginRoutes,
];

const byPath = new Map(ROUTES.map((r) => [r.path, r]));

/** The spec for a path; `/limits/N` works for any N from 1 to 300. */
export function findRoute(path: string): RouteSpec | undefined {
  const exact = byPath.get(path);
  if (exact) return exact;
  const m = /^\/limits\/(\d{1,3})$/.exec(path);
  const n = m ? Number(m[1]) : NaN;
  return n >= 1 && n <= MAX_LIMIT_N ? limitsSpec(n) : undefined;
}

function need(path: string): RouteSpec {
  const r = findRoute(path);
  if (!r) throw new Error(`no catalogue route ${path}`);
  return r;
}

export function renderCookies(path: string, ctx: RenderContext): CookieCase[] {
  return need(path).cookies(ctx);
}

/** The Set-Cookie lines a response to `path` sends, in order. */
export function setCookieLines(path: string, ctx: RenderContext): string[] {
  return renderCookies(path, ctx)
    .filter((c) => c.via === 'header')
    .map((c) => c.line);
}

export function routeFindings(path: string, ctx: RenderContext): FindingId[] {
  return need(path).routeFindings?.(ctx) ?? [];
}

/** The context a logged response was rendered with. */
export function contextOf(entry: SiteLogEntry): RenderContext {
  const host = new URL(`${entry.scheme}://${entry.host}`).hostname;
  return { scheme: entry.scheme, host, now: entry.time, vars: entry.vars ?? {} };
}

/** Origins of a running site, by party and scheme. */
export type Origins = Record<Party, Record<Scheme, string>>;

export interface RouteExpectation {
  path: string;
  scenario: string;
  title: string;
  group: string;
  summary: string;
  party: Party;
  hidden: boolean;
  raw: boolean;
  notes: string[];
  /** Full URL of the scenario (its example link) on each scheme. */
  urls: Record<Scheme, string>;
  routeFindings: Record<Scheme, FindingId[]>;
  /** Rendered at `renderedAt` with placeholder vars (session ids show as `<jsessionid>` etc.). */
  cookies: Record<Scheme, CookieCase[]>;
}

export interface SiteExpectations {
  renderedAt: number;
  routes: RouteExpectation[];
  route(path: string): RouteExpectation | undefined;
  /** Render a route for an exact context. */
  cookiesFor(path: string, ctx: RenderContext): CookieCase[];
  /** The Set-Cookie lines a logged response must have sent. */
  linesFor(entry: SiteLogEntry): string[];
}

export function buildExpectations(origins: Origins, now: number): SiteExpectations {
  const routes = ROUTES.map((r): RouteExpectation => {
    const party = r.party ?? 'first-party';
    const ctxFor = (scheme: Scheme): RenderContext => ({
      scheme,
      host: new URL(origins[party][scheme]).hostname,
      now,
      vars: r.path === '/login' ? { stage: 'signed-in' } : {},
    });
    const target = r.example ?? r.path;
    return {
      path: r.path,
      scenario: r.scenario,
      title: r.title,
      group: r.group,
      summary: r.summary,
      party,
      hidden: r.hidden ?? false,
      raw: r.raw ?? false,
      notes: r.notes ?? [],
      urls: { http: origins[party].http + target, https: origins[party].https + target },
      routeFindings: { http: r.routeFindings?.(ctxFor('http')) ?? [], https: r.routeFindings?.(ctxFor('https')) ?? [] },
      cookies: { http: r.cookies(ctxFor('http')), https: r.cookies(ctxFor('https')) },
    };
  });
  const index = new Map(routes.map((r) => [r.path, r]));
  return {
    renderedAt: now,
    routes,
    route: (path) => index.get(path),
    cookiesFor: renderCookies,
    linesFor: (entry) => (entry.route ? setCookieLines(entry.route, contextOf(entry)) : []),
  };
}
