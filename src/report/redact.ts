/** Removing cookie values from raw Set-Cookie lines, for reports made without values. */

export const REDACTED = '[redacted]';

/**
 * The line with its value replaced. A pair without "=" is all value (RFC 6265bis §5.6 step 3: a
 * nameless cookie), so it is replaced whole. Attributes stay: they are not secrets and they are
 * what a reviewer needs to see. An empty value stays empty, so a deletion still reads as one.
 */
export function redactSetCookieLine(line: string): string {
  const semi = line.indexOf(';');
  const pair = semi === -1 ? line : line.slice(0, semi);
  const rest = semi === -1 ? '' : line.slice(semi);
  const eq = pair.indexOf('=');
  if (eq === -1) return pair.trim() === '' ? line : REDACTED + rest;
  const value = pair.slice(eq + 1).trim();
  return value === '' || value === '""' ? line : `${pair.slice(0, eq + 1)}${REDACTED}${rest}`;
}
