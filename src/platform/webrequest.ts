import { browser, type WebRequest } from './browser';

/**
 * webRequest with the header access cookies need, in both browsers:
 * - Chromium hides `Cookie` and `Set-Cookie` unless the listener asks for `extraHeaders`
 *   (https://developer.chrome.com/docs/extensions/reference/api/webRequest#life_cycle_footnote);
 * - Firefox has no such option and throws "Invalid enumeration value" if it is passed.
 * So the option is feature-detected through the browser's own enum, not by sniffing.
 */
const FILTER: WebRequest.RequestFilter = { urls: ['<all_urls>'] };

type Enum = Record<string, string> | undefined;

function extraHeadersOption(enumObj: Enum): string[] {
  const v = enumObj?.['EXTRA_HEADERS'];
  return v ? [v] : [];
}

export type ResponseDetails = WebRequest.OnHeadersReceivedDetailsType;
export type RequestDetails = WebRequest.OnSendHeadersDetailsType;

export function onResponseHeaders(listener: (d: ResponseDetails) => void): void {
  const wr = browser.webRequest as unknown as { OnHeadersReceivedOptions?: Enum };
  const options = ['responseHeaders', ...extraHeadersOption(wr.OnHeadersReceivedOptions)];
  browser.webRequest.onHeadersReceived.addListener(
    (d) => {
      listener(d);
    },
    FILTER,
    options as WebRequest.OnHeadersReceivedOptions[],
  );
}

export function onRequestHeaders(listener: (d: RequestDetails) => void): void {
  const wr = browser.webRequest as unknown as { OnSendHeadersOptions?: Enum };
  const options = ['requestHeaders', ...extraHeadersOption(wr.OnSendHeadersOptions)];
  browser.webRequest.onSendHeaders.addListener(
    (d) => {
      listener(d);
    },
    FILTER,
    options as WebRequest.OnSendHeadersOptions[],
  );
}

/**
 * Every `Set-Cookie` line of a response. Chromium reports one header per line; Firefox reports
 * all lines of a response as ONE header joined with "\n" (bug 1329144). A `Set-Cookie` value can
 * never contain a raw LF (HTTP forbids it), so splitting on "\n" is lossless in both.
 */
export function setCookieLines(headers: WebRequest.HttpHeaders | undefined): string[] {
  const out: string[] = [];
  for (const h of headers ?? []) {
    if (h.name.toLowerCase() !== 'set-cookie') continue;
    const value = h.value ?? (h.binaryValue ? decodeLatin1(h.binaryValue) : '');
    // Empty lines are kept: a blank Set-Cookie is still a line the browser rejected (NoCookieContent).
    for (const line of value.split('\n')) out.push(line);
  }
  return out;
}

export function headerValue(headers: WebRequest.HttpHeaders | undefined, name: string): string | undefined {
  const lower = name.toLowerCase();
  const parts = (headers ?? []).filter((h) => h.name.toLowerCase() === lower).map((h) => h.value ?? '');
  return parts.length ? parts.join(lower === 'cookie' ? '; ' : ', ') : undefined;
}

/** Header bytes arrive as numbers when not valid UTF-8; HTTP/1 headers are Latin-1 on the wire. */
function decodeLatin1(bytes: number[]): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b & 0xff);
  return s;
}
