/**
 * Value redaction applied by the log itself, so no record reaches disk (or the private in-memory
 * log) with a cookie value unless the user opted in — whatever the caller forgot. Idempotent.
 */
import type { NewCookieChange, NewHeaderObservation, SetCookieRecord } from '../model/events';

/**
 * The name and value of a Set-Cookie line, split as RFC 6265bis §5.6 steps 1–5 do: the pair ends at
 * the first ';', the name at the first '='; a pair without '=' is a value with an empty name.
 */
export function splitSetCookiePair(line: string): { name: string; value: string; pairEnd: number; eq: number } {
  const semi = line.indexOf(';');
  const pairEnd = semi === -1 ? line.length : semi;
  const pair = line.slice(0, pairEnd);
  const eq = pair.indexOf('=');
  const trim = (s: string): string => s.replace(/^[ \t]+|[ \t]+$/g, '');
  if (eq === -1) return { name: '', value: trim(pair), pairEnd, eq };
  return { name: trim(pair.slice(0, eq)), value: trim(pair.slice(eq + 1)), pairEnd, eq };
}

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
