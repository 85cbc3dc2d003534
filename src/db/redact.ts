/**
 * Value redaction applied by the log itself, so no record reaches disk (or the private in-memory
 * log) with a cookie value unless the user opted in — whatever the caller forgot. Idempotent.
 */
import { splitSetCookiePair } from '../analysis/set-cookie-parse';
import type { NewCookieChange, NewHeaderObservation, SetCookieRecord } from '../model/events';

/** The line with its value replaced by "" and everything else (name, attributes) kept as sent. */
export function redactSetCookieLine(line: string): string {
  const { pairEnd, eq } = splitSetCookiePair(line);
  return eq === -1 ? line.slice(pairEnd) : line.slice(0, eq + 1) + line.slice(pairEnd);
}

function redactSetCookie(r: SetCookieRecord): SetCookieRecord {
  const line = redactSetCookieLine(r.line);
  return line === r.line ? r : { ...r, line };
}

export function redactChange<T extends Pick<NewCookieChange, 'value'>>(c: T): T {
  if (c.value === undefined) return c;
  const { value: _dropped, ...rest } = c;
  return rest as T;
}

export function redactObservation<T extends Pick<NewHeaderObservation, 'setCookies'>>(o: T): T {
  if (!o.setCookies) return o;
  return { ...o, setCookies: o.setCookies.map(redactSetCookie) };
}
