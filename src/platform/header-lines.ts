/**
 * Header helpers for what webRequest reports, kept apart from the browser API so they are tested
 * as plain functions.
 */
export interface HeaderLike {
  name: string;
  value?: string | undefined;
  binaryValue?: number[] | undefined;
}

/**
 * Every `Set-Cookie` line of a response. Chromium reports one header per line; Firefox reports
 * all lines of a response as ONE header joined with "\n" (seen on the test site). A `Set-Cookie` value can
 * never contain a raw LF (HTTP forbids it), so splitting on "\n" is lossless in both.
 */
export function setCookieLines(headers: readonly HeaderLike[] | undefined): string[] {
  const out: string[] = [];
  for (const h of headers ?? []) {
    if (h.name.toLowerCase() !== 'set-cookie') continue;
    const value = h.value ?? (h.binaryValue ? decodeLatin1(h.binaryValue) : '');
    // Empty lines are kept: a blank Set-Cookie is still a line the browser rejected (NoCookieContent).
    for (const line of value.split('\n')) out.push(line);
  }
  return out;
}

export function headerValue(headers: readonly HeaderLike[] | undefined, name: string): string | undefined {
  const lower = name.toLowerCase();
  const parts = (headers ?? [])
    .filter((h) => h.name.toLowerCase() === lower)
    .map((h) => h.value ?? (h.binaryValue ? decodeLatin1(h.binaryValue) : ''));
  return parts.length ? parts.join(lower === 'cookie' ? '; ' : ', ') : undefined;
}

/** Header bytes arrive as numbers when not valid UTF-8; HTTP/1 headers are Latin-1 on the wire. */
function decodeLatin1(bytes: number[]): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b & 0xff);
  return s;
}
