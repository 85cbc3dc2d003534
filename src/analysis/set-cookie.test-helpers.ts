/** Shared by the Set-Cookie evaluation tests: one clock, one request URL, three ways to ask. */
import {
  evaluateSetCookie,
  type AcceptedCookie,
  type SetCookieEvaluation,
  type SetCookieRejectReason,
  type SetCookieWarning,
} from './set-cookie';

export const NOW = new Date('2026-11-21T12:00:00Z');
export const HTTPS = 'https://www.example.com/account/login';
export const HTTP = 'http://www.example.com/account/login';

export function ev(header: string, url = HTTPS): SetCookieEvaluation {
  return evaluateSetCookie(header, url, { now: NOW });
}

export function accepted(header: string, url = HTTPS): { cookie: AcceptedCookie; warnings: SetCookieWarning[] } {
  const r = ev(header, url);
  if (!r.accepted) throw new Error(`expected ${JSON.stringify(header)} to be accepted, got ${r.reason}: ${r.detail}`);
  return r;
}

export function reason(header: string, url = HTTPS): SetCookieRejectReason | 'accepted' {
  const r = ev(header, url);
  return r.accepted ? 'accepted' : r.reason;
}
