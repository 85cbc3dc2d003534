/**
 * Cookie files other tools import: Playwright's `storageState` (what `browserContext.addCookies` and
 * `newContext({ storageState })` take) and the JSON array the Cookie-Editor extension imports. Both
 * are the cookies themselves, so both refuse a report made without values.
 */
import type { AuditReport, ReportCookie } from './types';

function requireValues(report: AuditReport, what: string): void {
  if (!report.valuesIncluded) throw new Error(`${what} needs cookie values: build the report with values included`);
}

/** Seconds since the epoch, as both formats count; -1 (Playwright) or absent for a session cookie. */
function expirySeconds(c: ReportCookie): number | undefined {
  if (c.expires === null) return undefined;
  const ms = Date.parse(c.expires);
  return Number.isNaN(ms) ? undefined : Math.floor(ms / 1000);
}

/** A leading dot is how both tools tell a domain cookie from a host-only one. */
function domainOf(c: ReportCookie): string {
  return c.hostOnly ? c.domain : `.${c.domain}`;
}

/**
 * Playwright accepts only Strict, Lax and None. A cookie set without SameSite is treated as Lax by
 * current browsers (RFC 6265bis §5.6.7 "Lax-by-default"), so that is what it is imported as.
 */
export function playwrightSameSite(s: ReportCookie['sameSite']): 'Strict' | 'Lax' | 'None' {
  return s === 'strict' ? 'Strict' : s === 'none' ? 'None' : 'Lax';
}

export interface PlaywrightCookie {
  name: string;
  value: string;
  domain: string;
  path: string;
  expires: number;
  httpOnly: boolean;
  secure: boolean;
  sameSite: 'Strict' | 'Lax' | 'None';
}

export function toStorageState(report: AuditReport): string {
  requireValues(report, 'A Playwright storageState');
  const cookies: PlaywrightCookie[] = report.cookies.map((c) => ({
    name: c.name,
    value: c.value ?? '',
    domain: domainOf(c),
    path: c.path,
    expires: expirySeconds(c) ?? -1,
    httpOnly: c.httpOnly,
    secure: c.secure,
    sameSite: playwrightSameSite(c.sameSite),
  }));
  return `${JSON.stringify({ cookies, origins: [] }, null, 2)}\n`;
}

/** The shape of `chrome.cookies.Cookie`, which is what Cookie-Editor exports and imports. */
export interface CookieEditorCookie {
  domain: string;
  expirationDate?: number;
  hostOnly: boolean;
  httpOnly: boolean;
  name: string;
  path: string;
  sameSite: 'no_restriction' | 'lax' | 'strict' | 'unspecified';
  secure: boolean;
  session: boolean;
  /** Stores are named differently in each browser: left for the importing browser to choose. */
  storeId: null;
  value: string;
}

export function toCookieEditor(report: AuditReport): string {
  requireValues(report, 'A Cookie-Editor export');
  const cookies = report.cookies.map((c): CookieEditorCookie => {
    const expirationDate = expirySeconds(c);
    return {
      domain: domainOf(c),
      ...(expirationDate === undefined ? {} : { expirationDate }),
      hostOnly: c.hostOnly,
      httpOnly: c.httpOnly,
      name: c.name,
      path: c.path,
      sameSite: c.sameSite === 'none' ? 'no_restriction' : c.sameSite,
      secure: c.secure,
      session: c.expires === null,
      storeId: null,
      value: c.value ?? '',
    };
  });
  return `${JSON.stringify(cookies, null, 2)}\n`;
}
