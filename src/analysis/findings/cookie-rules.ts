/**
 * Rules about one stored (or just-evaluated) cookie. Session-ID variants replace the generic
 * HttpOnly/Secure findings they refine, so one problem is reported once, at its real severity.
 */
import type { CookieInfo } from '../../model/cookie';
import type { Finding } from '../../model/finding';
import type { LimitProfile } from '../../model/limits';
import type { CookieClassification, NamePrefix } from '../classify';
import { jwtTiming } from '../jwt';
import { detectPersonalData, personalDataText } from '../personal-data';
import { cookieBytesFor } from '../size';
import { cookieSubject, makeFinding, type Vars } from './build';

const DAY_MS = 24 * 60 * 60 * 1000;
/** 6265bis §5.5 recommends 400 days; both engines apply it whatever profile is being compared. */
const LIFETIME_CAP_DAYS = 400;
/** RFC 6265bis §5.6: attribute values over 1024 octets are ignored. */
const ATTRIBUTE_LIMIT = 1024;
/**
 * A JWT valid for more than a day is "long-lived": access tokens are meant to be minutes to
 * hours (OWASP JWT Cheat Sheet, "Token Sidejacking"/short expiry); a day leaves room for ID tokens.
 */
export const JWT_LONG_LIVED_MS = DAY_MS;

export interface CookieRuleContext {
  now: number;
  profile: LimitProfile;
  /** The top-level site as given by the caller, for messages. */
  topLevelSite?: string;
}

export function isoTime(ms: number): string {
  const d = new Date(ms);
  return Number.isNaN(d.getTime()) ? String(ms) : d.toISOString();
}

export function humanDuration(ms: number): string {
  const abs = Math.abs(ms);
  if (abs >= 2 * DAY_MS) return `${Math.round(ms / DAY_MS)} days`;
  if (abs >= 2 * 3_600_000) return `${Math.round(ms / 3_600_000)} hours`;
  return `${Math.round(ms / 60_000)} minutes`;
}

/** Why a cookie breaks its prefix, as codes a UI translates (`path` is then the offending path). */
export type PrefixProblem = 'no-secure' | 'insecure-origin' | 'domain' | 'path';
const PREFIX_PROBLEM_TEXT: Record<PrefixProblem, (path: string) => string> = {
  'no-secure': () => 'no Secure attribute',
  'insecure-origin': () => 'set from an insecure origin',
  domain: () => 'a Domain attribute',
  path: (path) => `Path "${path}" instead of "/"`,
};

/** The prefix-violation finding's details: the English phrase, the codes and the path they name. */
export function prefixProblemVars(problems: readonly PrefixProblem[], path: string): Vars {
  return {
    problem: problems.map((p) => PREFIX_PROBLEM_TEXT[p](path)).join(', '),
    problems: problems.join(','),
    ...(problems.includes('path') ? { badPath: path } : {}),
  };
}

/** What a stored cookie does wrong for its RFC 6265bis §4.1.3 prefix; empty when nothing. */
export function prefixProblems(c: Pick<CookieInfo, 'secure' | 'hostOnly' | 'path'>, prefix: NamePrefix | null): PrefixProblem[] {
  if (prefix === null) return [];
  const problems: PrefixProblem[] = [];
  if (!c.secure) problems.push('no-secure');
  if (prefix === '__Host-') {
    if (!c.hostOnly) problems.push('domain');
    if (c.path !== '/') problems.push('path');
  }
  return problems;
}

function sameSiteDefaultVars(profile: LimitProfile): Vars {
  return { browser: profile.label, sameSiteDefault: profile.sameSiteDefault === 'lax' ? 'Lax' : 'None' };
}

/** Appends the cookie's findings to `out` (one array for thousands of cookies) and returns it. */
export function cookieFindings(c: CookieInfo, cl: CookieClassification, ctx: CookieRuleContext, out: Finding[] = []): Finding[] {
  const subject = cookieSubject(c);
  const add = (id: Finding['id'], vars?: Vars, severity?: Finding['severity']): void => {
    out.push(makeFinding(id, subject, vars, severity));
  };
  const sid = cl.sessionId?.isSessionId === true ? cl.sessionId : null;
  const loopback: Vars = cl.loopback ? { loopback: true } : {};

  if (!c.httpOnly) add(sid ? 'session-id-script-readable' : 'missing-httponly');
  if (!c.secure) add(sid ? 'session-id-not-secure' : 'missing-secure', loopback, cl.loopback ? 'info' : undefined);
  if (c.sameSite === 'unspecified') add('samesite-missing', sameSiteDefaultVars(ctx.profile));
  if (c.sameSite === 'none' && !c.secure) add('samesite-none-insecure');

  if (sid) {
    if (cl.expiry.persistence === 'persistent' && cl.expiry.expires !== null) {
      add('session-id-persistent', { expires: isoTime(cl.expiry.expires) });
    }
    if (sid.defaultName && sid.framework !== undefined) add('session-id-default-name', { framework: sid.framework });
  }

  const problems = prefixProblems(c, cl.prefix);
  if (problems.length > 0) add('prefix-violation', { prefix: cl.prefix, ...prefixProblemVars(problems, c.path) });

  const requested = cl.expiry.requested;
  const base = c.createdAt ?? ctx.now;
  if (requested !== null && requested - base > LIFETIME_CAP_DAYS * DAY_MS) {
    add('expiry-over-400-days', { days: Math.round((requested - base) / DAY_MS) });
  }

  const bytes = cookieBytesFor(ctx.profile, cl.size);
  if (bytes > ctx.profile.perCookieBytes) {
    add('oversize', { bytes, limit: ctx.profile.perCookieBytes, measure: ctx.profile.perCookieMeasure });
  }
  const attributeLimit = ctx.profile.perAttributeBytes ?? ATTRIBUTE_LIMIT;
  if (!c.hostOnly && cl.size.domain > attributeLimit)
    add('attribute-oversize', { attribute: 'Domain', bytes: cl.size.domain, limit: attributeLimit });
  if (cl.size.path > attributeLimit) add('attribute-oversize', { attribute: 'Path', bytes: cl.size.path, limit: attributeLimit });

  if (!c.hostOnly) add('loosely-scoped', sid ? { sessionId: true } : {}, sid ? 'low' : undefined);

  if (cl.jwt) {
    const jwt = cl.jwt;
    if (jwt.alg.trim().toLowerCase() === 'none') add('jwt-alg-none', { alg: jwt.alg });
    const t = jwtTiming(jwt, ctx.now);
    if (t.expired && t.expiresAt !== null) add('jwt-expired', { expiresAt: isoTime(t.expiresAt) });
    if (jwt.kind === 'jws') {
      // `lifetimeMs` / `noExp` let each UI word the lifetime in its own language.
      if (t.expiresAt === null) add('jwt-long-lived', { lifetime: 'ever (no exp claim)', noExp: true }, 'medium');
      else {
        const lifetime = t.lifetimeMs ?? t.expiresAt - ctx.now;
        if (lifetime > JWT_LONG_LIVED_MS) add('jwt-long-lived', { lifetime: humanDuration(lifetime), lifetimeMs: lifetime });
      }
    }
  }

  // The value is read here, in memory, and only the kind and place of the data are kept.
  const personal = c.value === '' ? null : detectPersonalData(c.value, cl.jwt);
  if (personal) {
    const { what, where } = personalDataText(personal);
    const exposed = !c.httpOnly || !c.secure;
    add(
      'personal-data-in-cookie',
      { what, where, dataKind: personal.kind, location: personal.location, field: personal.field },
      exposed ? 'medium' : 'low',
    );
  }

  if (cl.party === 'third') {
    add('third-party', { topLevelSite: ctx.topLevelSite ?? c.partition?.topLevelSite ?? null, registrableDomain: cl.registrableDomain });
  }
  return out;
}
