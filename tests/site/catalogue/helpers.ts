/** Small builders the catalogue tables share. */
import type { Browser, CookieCase, ExpectedPurpose, FindingId, Outcome, ReasonCode, RenderContext, StoredShape } from '../types';

export const DAY = 86_400;
/** Browsers cap cookie lifetimes at 400 days (RFC 6265bis §5.5). */
export const MAX_AGE_CAP = 400 * DAY;

/**
 * Attributes of a well-configured cookie. `Secure` is accepted on plain http here because the site
 * is on loopback (127.0.0.1, localhost), which both browsers treat as potentially trustworthy —
 * verified with browser-check.ts.
 */
export const BASE = 'Path=/; Secure; HttpOnly; SameSite=Lax';

export function stored(cookie?: StoredShape, note?: string): Outcome {
  const o: Outcome = { result: 'stored' };
  if (cookie) o.cookie = cookie;
  if (note) o.note = note;
  return o;
}

export function rejected(reason: ReasonCode, note?: string): Outcome {
  return note ? { result: 'rejected', reason, note } : { result: 'rejected', reason };
}

export function deleted(note?: string): Outcome {
  return note ? { result: 'deleted', note } : { result: 'deleted' };
}

export function evicted(note?: string): Outcome {
  return note ? { result: 'evicted', note } : { result: 'evicted' };
}

/** The same outcome in both browsers. */
export function both(o: Outcome): Record<Browser, Outcome> {
  return { chromium: o, firefox: o };
}

interface CaseInit {
  via?: CookieCase['via'];
  browsers: Record<Browser, Outcome> | Outcome;
  findings?: FindingId[];
  alsoVerified?: Record<string, Outcome>;
  purpose?: ExpectedPurpose;
  note?: string;
}

export function cookie(id: string, name: string, line: string, init: CaseInit): CookieCase {
  const browsers = 'result' in init.browsers ? both(init.browsers) : init.browsers;
  const c: CookieCase = { id, name, via: init.via ?? 'header', line, browsers, findings: init.findings ?? [] };
  if (init.alsoVerified) c.alsoVerified = init.alsoVerified;
  if (init.purpose) c.purpose = init.purpose;
  if (init.note) c.note = init.note;
  return c;
}

/** `; Secure` on https only: for cookies that are meant to show the http/https difference. */
export function secureOnHttps(ctx: RenderContext): string {
  return ctx.scheme === 'https' ? '; Secure' : '';
}

/** Findings that apply only when such a cookie was set without Secure (i.e. on http). */
export function whenHttp(ctx: RenderContext, ...ids: FindingId[]): FindingId[] {
  return ctx.scheme === 'http' ? ids : [];
}

/** IMF-fixdate, as Set-Cookie Expires is usually written: `Sun, 06 Nov 1994 08:49:37 GMT`. */
export function httpDate(ms: number): string {
  return new Date(ms).toUTCString();
}

/** The dashed Netscape form PHP writes: `Sun, 06-Nov-1994 08:49:37 GMT`. */
export function netscapeDate(ms: number): string {
  const [wd, d, mon, y, t] = new Date(ms).toUTCString().split(' ');
  return `${wd} ${d}-${mon}-${y} ${t} GMT`;
}

/** Seconds left until `ms` from `now`, as a browser would count them (whole seconds). */
export function secondsUntil(ms: number, now: number): number {
  return Math.round((ms - now) / 1000);
}

export function v(ctx: RenderContext, key: string, fallback: string): string {
  return ctx.vars[key] ?? fallback;
}
