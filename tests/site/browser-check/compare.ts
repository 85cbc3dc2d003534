/**
 * Compares what a browser stored (and, for Chromium, why it refused lines) with the catalogue's
 * expectations for the responses the site logged during one navigation.
 */
import { contextOf, renderCookies } from '../catalogue';
import type { Browser, CookieCase, Outcome, SiteLogEntry, StoredShape } from '../types';

export interface BrowserCookie {
  name: string;
  value: string;
  domain: string;
  path: string;
  secure: boolean;
  httpOnly: boolean;
  sameSite: NonNullable<StoredShape['sameSite']>;
  /** Epoch seconds, or 'session'. */
  expires: number | 'session';
  /** Undefined when the browser's API does not say (Firefox over BiDi). */
  partitioned?: boolean;
}

export interface Verdict {
  url: string;
  id: string;
  expected: string;
  actual: string;
  ok: boolean;
}

/** Which outcome applies: an `alsoVerified` key for non-default settings, else the browser default. */
export function expectedOutcome(c: CookieCase, browser: Browser, setting?: string): Outcome {
  return (setting ? c.alsoVerified?.[setting] : undefined) ?? c.browsers[browser];
}

function hostMatches(cookieDomain: string, host: string): boolean {
  const d = cookieDomain.startsWith('.') ? cookieDomain.slice(1) : cookieDomain;
  return host === d || host.endsWith(`.${d}`);
}

function describe(o: Outcome): string {
  return o.result === 'rejected' ? `rejected ${o.reason}` : o.result;
}

function shapeMismatch(shape: StoredShape, c: BrowserCookie, responseTime: number): string[] {
  const bad: string[] = [];
  const check = <K extends keyof StoredShape>(k: K, actual: unknown) => {
    if (shape[k] !== undefined && shape[k] !== actual) bad.push(`${k}=${JSON.stringify(actual)}`);
  };
  check('name', c.name);
  check('value', c.value);
  check('domain', c.domain);
  check('path', c.path);
  check('secure', c.secure);
  check('httpOnly', c.httpOnly);
  check('sameSite', c.sameSite);
  if (shape.partitioned !== undefined && c.partitioned !== undefined && shape.partitioned !== c.partitioned)
    bad.push(`partitioned=${c.partitioned}`);
  if (shape.expires === 'session' && c.expires !== 'session') bad.push(`expires=${c.expires}`);
  if (typeof shape.expires === 'number') {
    const left = c.expires === 'session' ? NaN : c.expires - responseTime / 1000;
    if (!(Math.abs(left - shape.expires) <= 5)) bad.push(`expires in ${Math.round(left)}s`);
  }
  return bad;
}

export interface CompareInput {
  url: string;
  entries: SiteLogEntry[];
  cookies: BrowserCookie[];
  /** Chromium only: Set-Cookie line → blocked reasons. */
  blocked?: Map<string, string[]>;
  browser: Browser;
  setting?: string;
}

/** One verdict per cookie the navigation's responses set, judged on the final state. */
export function compare(input: CompareInput): Verdict[] {
  // Later cases for the same cookie supersede earlier ones (overwrites, deletions).
  const last = new Map<string, { c: CookieCase; entry: SiteLogEntry; host: string }>();
  for (const entry of input.entries) {
    if (!entry.route) continue;
    const ctx = contextOf(entry);
    for (const c of renderCookies(entry.route, ctx)) {
      const o = expectedOutcome(c, input.browser, input.setting);
      const name = o.result === 'stored' ? (o.cookie?.name ?? c.name) : c.name;
      const path = o.result === 'stored' ? (o.cookie?.path ?? '') : '';
      last.set(`${ctx.host}|${name}|${path}|${name === '' ? c.id : ''}`, { c, entry, host: ctx.host });
    }
  }
  const out: Verdict[] = [];
  for (const { c, entry, host } of last.values()) {
    const o = expectedOutcome(c, input.browser, input.setting);
    const name = o.result === 'stored' ? (o.cookie?.name ?? c.name) : c.name;
    const candidates = input.cookies.filter((k) => k.name === name && hostMatches(k.domain, host));
    const v: Verdict = { url: input.url, id: c.id, expected: describe(o), actual: '', ok: false };
    if (o.result === 'stored') {
      const shape = o.cookie ?? {};
      const scoped = candidates.filter((k) => shape.path === undefined || k.path === shape.path);
      const problems = scoped.map((k) => shapeMismatch(shape, k, entry.time));
      const fit = problems.findIndex((p) => p.length === 0);
      v.ok = fit >= 0;
      v.actual = v.ok ? 'stored' : scoped.length ? `stored but ${problems[0]?.join(', ')}` : 'absent';
    } else {
      // Nameless lines cannot be told apart by name: for them only Chromium's reasons count.
      const named = name === '' ? [] : candidates;
      // Firefox stores a deletion line for a cookie it does not have as an empty cookie expiring at
      // the response's second; it is unusable and goes away, so it counts as deleted.
      const expiredAt = (k: BrowserCookie) => k.value === '' && typeof k.expires === 'number' && k.expires <= entry.time / 1000 + 1;
      const leftovers = o.result === 'deleted' ? named.filter(expiredAt) : [];
      const present = named.filter((k) => !leftovers.includes(k));
      v.actual = present.length
        ? `present (${present.map((k) => `${k.path} ${JSON.stringify(k.value)} expires ${k.expires}`).join(', ')})`
        : 'absent';
      if (leftovers.length) v.actual += ' (an empty cookie expiring now is listed)';
      v.ok = present.length === 0;
      if (o.result === 'rejected' && input.blocked) {
        const reasons = input.blocked.get(c.line) ?? [...input.blocked].find(([line]) => line.startsWith(`${c.name}=`))?.[1];
        v.actual += reasons ? ` (${reasons.join(',')})` : ' (no reason reported)';
        v.ok &&= !!reasons?.includes(o.reason);
      } else if (o.result !== 'rejected' && input.blocked?.has(c.line)) {
        v.actual += ` (blocked: ${input.blocked.get(c.line)?.join(',')})`;
      }
    }
    out.push(v);
  }
  return out;
}

/**
 * Partitioning seen from behaviour: after the embed, a top-level request to the embedded host
 * carries a third-party cookie only if it was stored unpartitioned. `probe` is that request's log
 * entry; `embedded` the entries of the embedded responses.
 */
export function comparePartitioning(input: {
  url: string;
  probe: SiteLogEntry;
  embedded: SiteLogEntry[];
  browser: Browser;
  setting?: string;
}): Verdict[] {
  const out: Verdict[] = [];
  for (const entry of input.embedded) {
    if (!entry.route) continue;
    for (const c of renderCookies(entry.route, contextOf(entry))) {
      const o = expectedOutcome(c, input.browser, input.setting);
      const sent = o.result === 'stored' && o.cookie?.partitioned !== true;
      const actual = input.probe.cookieNames.includes(c.name);
      out.push({
        url: input.url,
        id: `${c.id} top-level`,
        expected: sent ? 'sent to the top-level host' : 'not sent (partitioned or absent)',
        actual: actual ? 'sent' : 'not sent',
        ok: sent === actual,
      });
    }
  }
  return out;
}
