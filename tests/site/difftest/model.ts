/**
 * The extension's side of a differential case: the same lines fed to `CookieJar` at the times the
 * server sent them, with the engine of the browser being compared, read back in the shape the
 * drivers report.
 */
import { CookieJar } from '../../../src/analysis/cookie-jar';
import type { CookieEngine } from '../../../src/analysis/set-cookie';
import type { JarCookie } from '../browser-check/drivers';
import type { Scheme } from './generate';

/** Bytes on the wire → the text the extension's webRequest listener sees. */
export const decodeBytes = (bytes: string): string => Buffer.from(bytes, 'latin1').toString('utf8');

export interface ServedStep {
  url: string;
  lines: string[];
  /** ms: when the server wrote the response. */
  time: number;
}

export function caseUrl(scheme: Scheme, host: string, path: string, ports: { httpPort: number; httpsPort: number }): string {
  return `${scheme}://${host}:${scheme === 'http' ? ports.httpPort : ports.httpsPort}${path}`;
}

export function modelJar(
  steps: ServedStep[],
  engine: CookieEngine,
  readAt: number,
  echo: { url: string; time: number },
): { jar: JarCookie[]; header: string } {
  const jar = new CookieJar();
  for (const step of steps) for (const line of step.lines) jar.apply(decodeBytes(line), step.url, step.time, { engine });
  const cookies = jar.cookies(readAt).map((c): JarCookie => ({
    name: c.name,
    value: c.value,
    domain: c.hostOnly ? c.domain : `.${c.domain}`,
    path: c.path,
    secure: c.secure,
    httpOnly: c.httpOnly,
    sameSite: c.sameSite,
    expires: c.expires === null ? 'session' : c.expires / 1000,
    partitioned: c.partitioned,
  }));
  return { jar: cookies, header: jar.cookieHeader(echo.url, echo.time) };
}
