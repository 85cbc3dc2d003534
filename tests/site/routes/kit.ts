/**
 * What a route handler gets and returns. Handlers never write Set-Cookie themselves: they call
 * `ctx.render(path, vars)`, which takes the lines from the catalogue and records what was rendered
 * for the log; the server sends exactly those lines.
 */
import type { IncomingMessage } from 'node:http';
import type { CookieCase, Party, RouteSpec, Scheme } from '../types';
import type { Origins } from '../catalogue';
import { findRoute } from '../catalogue';
import { LOOSE_PARENT } from '../catalogue/context';
import { esc, linkList, page, type Link } from '../pages';

export interface SiteState {
  /** Session id (any of the three cookies) → signed-in user. */
  sessions: Map<string, string>;
}

export interface Rendered {
  route: string;
  vars: Record<string, string>;
  cases: CookieCase[];
}

export interface RequestContext {
  req: IncomingMessage;
  method: string;
  url: URL;
  scheme: Scheme;
  /** Host name the request was addressed to, lower case, without port. */
  host: string;
  party: Party;
  origins: Origins;
  /** Cookies received, first occurrence of each name wins. */
  cookies: Map<string, string>;
  cookieNames: string[];
  now: number;
  state: SiteState;
  readBody(limit?: number): Promise<string>;
  render(path: string, vars?: Record<string, string>): CookieCase[];
  rendered?: Rendered;
}

export interface Reply {
  status?: number;
  /** Content-Type; default text/html; charset=utf-8. */
  type?: string;
  headers?: Record<string, string>;
  body: string | Buffer;
  /** Write the response byte for byte on the socket (for control characters). */
  raw?: boolean;
}

export type Handler = (ctx: RequestContext) => Reply | Promise<Reply>;

export function partOf(host: string, origins: Origins): Party {
  if (host === new URL(origins['third-party'].http).hostname) return 'third-party';
  if (host.endsWith(`.${LOOSE_PARENT}`)) return 'subdomain';
  return 'first-party';
}

/** Header links: the index and this page on the other scheme. */
export function navLinks(ctx: RequestContext): Link[] {
  const other: Scheme = ctx.scheme === 'http' ? 'https' : 'http';
  return [
    { href: `${ctx.origins['first-party'][ctx.scheme]}/`, text: 'All scenarios' },
    { href: `${ctx.origins[ctx.party][other]}${ctx.url.pathname}${ctx.url.search}`, text: `This page over ${other}` },
  ];
}

export function spec(path: string): RouteSpec {
  const r = findRoute(path);
  if (!r) throw new Error(`no catalogue route ${path}`);
  return r;
}

export interface ScenarioExtras {
  body?: string;
  links?: Link[];
  scripts?: string[];
  data?: Record<string, string>;
  status?: number;
  headers?: Record<string, string>;
  /** Defaults to the spec's scenario. */
  scenario?: string;
}

/** The standard page for a catalogue route: summary, notes, extras, the cookies rendered for it. */
export function scenarioPage(ctx: RequestContext, path: string, cases: CookieCase[], extra: ScenarioExtras = {}): Reply {
  const r = spec(path);
  const notes = r.notes?.length ? `<ul class="notes">${r.notes.map((n) => `<li>${esc(n)}</li>`).join('')}</ul>` : '';
  const html = page({
    title: r.title,
    scenario: extra.scenario ?? r.scenario,
    body: `<p>${esc(r.summary)}</p>${notes}${extra.body ?? ''}`,
    cases,
    links: extra.links ?? [{ href: '/', text: 'Back to all scenarios' }],
    nav: navLinks(ctx),
    ...(extra.scripts ? { scripts: extra.scripts } : {}),
    ...(extra.data ? { data: extra.data } : {}),
  });
  const reply: Reply = { body: html };
  if (extra.status) reply.status = extra.status;
  if (extra.headers) reply.headers = extra.headers;
  return reply;
}

/** A catalogue route with nothing to compute: render, list, link onward. */
export function plainScenario(path: string, links?: Link[]): Handler {
  return (ctx) => scenarioPage(ctx, path, ctx.render(path), links ? { links } : {});
}

export function json(value: unknown, status = 200): Reply {
  return { status, type: 'application/json; charset=utf-8', body: JSON.stringify(value) };
}

export function notFound(ctx: RequestContext): Reply {
  return {
    status: 404,
    body: page({
      title: 'Not found',
      scenario: 'not-found',
      body: `<p>No scenario at <code>${esc(ctx.url.pathname)}</code>.</p>${linkList([{ href: '/', text: 'All scenarios' }])}`,
      nav: navLinks(ctx),
    }),
  };
}
