/**
 * A tiny in-memory cookie store applying the stateful parts of RFC 6265bis §5.7 that one
 * `Set-Cookie` line cannot decide alone — replacement by (name, domain, host-only, path),
 * deletion by an expired line, "leave secure cookies alone" (step 16), HttpOnly protection against
 * non-HTTP writers (step 23.2) — and the §5.8.3 retrieval algorithm for the `Cookie` header.
 * The recorder uses it to predict outcomes; tests use it to replay the RFC 6265 corpus.
 * Pure: the clock is a parameter. Partitioned cookies are keyed by the site of the response that
 * set them, as for a top-level document (CHIPS); embedded contexts, SameSite request context and
 * eviction by count are not modelled.
 */
import type { AcceptedCookie, SetCookieEvaluation } from '../model/set-cookie';
import { cookieDomainMatch, pathMatch } from './cookie-match';
import { registrableDomain } from './domain';
import { evaluateSetCookieAt, requestContext, type EvaluateContext } from './set-cookie';

/** A cookie in the jar: the evaluated cookie plus the bookkeeping §5.7 asks for. */
export interface StoredCookie extends AcceptedCookie {
  /** ms; kept across replacements (§5.7 step 23.3), so an updated cookie keeps its place. */
  creationTime: number;
  /** Insertion counter, to order cookies created in the same millisecond. */
  sequence: number;
  /** Partitioned cookies: the top-level site ("https://example.com") whose jar holds them. */
  partitionKey?: string;
}

export type JarRejectReason =
  | Extract<SetCookieEvaluation, { accepted: false }>['reason']
  /** A non-secure origin tried to set or shadow a Secure cookie (§5.7 step 16). */
  | 'OverwriteSecure'
  /** A non-HTTP API tried to replace an HttpOnly cookie (§5.7 step 23.2). */
  | 'OverwriteHttpOnly';

export type JarOutcome =
  | { outcome: 'stored'; cookie: StoredCookie; evaluation: SetCookieEvaluation }
  | { outcome: 'updated'; cookie: StoredCookie; previous: StoredCookie; evaluation: SetCookieEvaluation }
  /** An already-expired line. `previous` is what it removed; absent when nothing matched (a no-op). */
  | { outcome: 'deleted'; previous?: StoredCookie; evaluation: SetCookieEvaluation }
  | { outcome: 'rejected'; reason: JarRejectReason; detail?: string; evaluation: SetCookieEvaluation };

/** `nonHttp`: the line came from document.cookie; `sameSiteContext`: see EvaluateSetCookieOptions. */
export type ApplyOptions = EvaluateContext;

function keyOf(c: { name: string; domain: string; hostOnly: boolean; path: string }, partitionKey: string | undefined): string {
  // NUL never appears in an accepted cookie, so it cannot collide. A partitioned cookie lives
  // beside an unpartitioned one of the same name (Chromium: CookiePartitionKey in the unique key).
  return `${c.name}\u0000${c.domain}\u0000${c.hostOnly ? 1 : 0}\u0000${c.path}\u0000${partitionKey ?? ''}`;
}

/** The CHIPS partition key of a top-level URL: scheme and registrable domain. */
function siteOf(url: string): string {
  const ctx = requestContext(url);
  if ('reason' in ctx) return '';
  return `${ctx.cryptographic ? 'https' : 'http'}://${registrableDomain(ctx.host)}`;
}

/** Whether a cookie would be sent to `host` by domain alone (a host-only cookie: that host only). */
function hostMatches(c: { domain: string; hostOnly: boolean }, host: string): boolean {
  return c.hostOnly ? c.domain === host : cookieDomainMatch(host, c.domain);
}

function toMs(now: Date | number): number {
  const ms = typeof now === 'number' ? now : now.getTime();
  return Number.isFinite(ms) ? ms : 0;
}

export class CookieJar {
  private readonly store = new Map<string, StoredCookie>();
  private sequence = 0;

  /** Evaluates `header` as received from `url` at `now` and applies it to the jar. */
  apply(header: string, url: string, now: Date | number, options: ApplyOptions = {}): JarOutcome {
    const nowMs = toMs(now);
    const nonHttp = options.nonHttp === true;
    const evaluation = evaluateSetCookieAt(header, url, nowMs, options);
    if (!evaluation.accepted) {
      const out: JarOutcome = { outcome: 'rejected', reason: evaluation.reason, evaluation };
      if (evaluation.detail !== undefined) out.detail = evaluation.detail;
      return out;
    }
    this.evictExpired(nowMs);
    const cookie = evaluation.cookie;
    const ctx = requestContext(url);
    const trustworthy = !('reason' in ctx) && ctx.trustworthy;

    if (!cookie.secure && !trustworthy) {
      const shadowed = this.findSecureShadow(cookie, options.engine === 'firefox');
      if (shadowed) {
        return {
          outcome: 'rejected',
          reason: 'OverwriteSecure',
          detail: `would shadow the Secure cookie ${shadowed.name} on ${shadowed.domain}${shadowed.path}`,
          evaluation,
        };
      }
    }

    const partitionKey = cookie.partitioned ? siteOf(url) : undefined;
    const key = keyOf(cookie, partitionKey);
    const previous = this.store.get(key);
    if (previous && nonHttp && previous.httpOnly) {
      return { outcome: 'rejected', reason: 'OverwriteHttpOnly', detail: 'HttpOnly cookie', evaluation };
    }
    if (cookie.expires !== null && cookie.expires <= nowMs) {
      if (previous) this.store.delete(key);
      return previous ? { outcome: 'deleted', previous, evaluation } : { outcome: 'deleted', evaluation };
    }
    // §5.7 keeps the old creation time; Chromium (CookieMonster) only when the value is unchanged,
    // which moves a changed cookie to the end of the Cookie header among those of its path length.
    const inherit = previous && (options.engine !== 'chromium' || previous.value === cookie.value) ? previous : undefined;
    const stored: StoredCookie = {
      ...cookie,
      creationTime: inherit ? inherit.creationTime : nowMs,
      sequence: inherit ? inherit.sequence : this.sequence++,
    };
    if (partitionKey !== undefined) stored.partitionKey = partitionKey;
    // Delete first so that Map order stays insertion order of the live cookies.
    this.store.delete(key);
    this.store.set(key, stored);
    return previous ? { outcome: 'updated', cookie: stored, previous, evaluation } : { outcome: 'stored', cookie: stored, evaluation };
  }

  /**
   * §5.7 step 16: an existing Secure cookie with the same name whose domain domain-matches the
   * new one's (or vice versa) and whose path the new path path-matches.
   */
  /**
   * `hostOnlyExact`: Firefox (CookieStorage::FindSecureCookie) matches a host-only cookie only on
   * its own host, where §5.7 step 16, and Chromium as seen, compare the bare domains.
   */
  private findSecureShadow(cookie: AcceptedCookie, hostOnlyExact: boolean): StoredCookie | undefined {
    for (const c of this.store.values()) {
      if (
        c.secure &&
        c.name === cookie.name &&
        (hostOnlyExact
          ? hostMatches(c, cookie.domain) || hostMatches(cookie, c.domain)
          : cookieDomainMatch(c.domain, cookie.domain) || cookieDomainMatch(cookie.domain, c.domain)) &&
        pathMatch(cookie.path, c.path)
      ) {
        return c;
      }
    }
    return undefined;
  }

  private evictExpired(nowMs: number): void {
    for (const [key, c] of this.store) {
      if (c.expires !== null && c.expires <= nowMs) this.store.delete(key);
    }
  }

  /** The live cookies, in insertion order. */
  cookies(now: Date | number): StoredCookie[] {
    this.evictExpired(toMs(now));
    return [...this.store.values()];
  }

  /**
   * The cookies §5.8.3 would send to `url` at `now`, in the order it recommends: longer paths
   * first, then earlier creation. SameSite is not applied (a same-site request is assumed).
   * `nonHttp` leaves HttpOnly cookies out, as document.cookie does.
   */
  cookiesFor(url: string, now: Date | number, options: ApplyOptions = {}): StoredCookie[] {
    const nowMs = toMs(now);
    this.evictExpired(nowMs);
    const ctx = requestContext(url);
    if ('reason' in ctx) return [];
    const list: StoredCookie[] = [];
    const site = siteOf(url);
    for (const c of this.store.values()) {
      if (c.partitionKey !== undefined && c.partitionKey !== site) continue;
      if (c.hostOnly ? ctx.host !== c.domain : !cookieDomainMatch(ctx.host, c.domain)) continue;
      if (!pathMatch(ctx.path, c.path)) continue;
      // Chromium and Firefox send Secure cookies to loopback over http, like they accept them.
      if (c.secure && !ctx.trustworthy) continue;
      if (c.httpOnly && options.nonHttp === true) continue;
      list.push(c);
    }
    return list.sort((x, y) => y.path.length - x.path.length || x.creationTime - y.creationTime || x.sequence - y.sequence);
  }

  /** The `Cookie` header value (§5.8.3 step 4); "" when nothing would be sent. */
  cookieHeader(url: string, now: Date | number, options: ApplyOptions = {}): string {
    return this.cookiesFor(url, now, options)
      .map((c) => (c.name === '' ? c.value : `${c.name}=${c.value}`))
      .join('; ');
  }

  clear(): void {
    this.store.clear();
  }
}
